import type { ParsedMail } from '../parse/types.ts';

/**
 * What the content store keeps per mail: the parsed headers and where the mail came
 * from. The body is not here: it lives in the body cache under `key`, so the store
 * (one JSON string in Astro) stays small at any archive size.
 */
export interface MailRecord extends Omit<ParsedMail, 'body'> {
  /** Digest of the raw message bytes: the store id and the body cache key. */
  key: string;
  /** Content file, relative to the content folder. */
  file: string;
  /** 1-based position of the mail in its file. */
  position: number;
  /** Digest of the body text, to tell a re-sent copy from a different mail under the same id. */
  bodyDigest: string;
}
