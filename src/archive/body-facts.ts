/**
 * What the review logic needs from a mail's body: whether it carries a diff (and a digest of
 * it, to tell versions of a patch apart), the trailers it gives or carries, and its
 * Change-Ids. Read once per mail, by the loader, beside the rendering (the same reading of
 * the body for every stage), and kept in the mail's record, so building the archive reads no
 * body at all.
 */
import { createHash } from 'node:crypto';
import type { Address, MailBody } from '../parse/types.ts';
import { changeIds, hasDiff, normalizedDiff } from './body.ts';
import { commitTrailers, replyTrailers, type Trailer } from './trailers.ts';

export interface BodyFacts {
  hasDiff: boolean;
  /** Digest of the diff as versions compare it (`normalizedDiff`); null without a diff. */
  diffDigest: string | null;
  /** Trailers in the commit message, as a patch carries them. */
  commitTrailers: Trailer[];
  /** Trailers the mail gives as a reply: its own, naming its sender, and its NAKs. */
  replyTrailers: Trailer[];
  changeIds: string[];
}

/** The facts of one body, sent by `from`. */
export function readBodyFacts(body: MailBody, from: Address): BodyFacts {
  const diff = normalizedDiff(body);
  return {
    hasDiff: hasDiff(body),
    diffDigest: diff === null ? null : createHash('sha256').update(diff).digest('base64url').slice(0, 22),
    commitTrailers: commitTrailers(body.text),
    replyTrailers: replyTrailers(body.text, from),
    changeIds: changeIds(body.text),
  };
}
