/**
 * The bytes of the downloads, made when their routes are rendered, from their route data
 * (src/site/routes/downloads.ts) and what the loader kept (a raw mail is its stored bytes,
 * `readRawMail`): a thread or a series as mboxrd, its gzip, and a series prepared for `git am`.
 */
import { promisify } from 'node:util';
import { gzip as zlibGzip } from 'node:zlib';
import { joinMboxrd } from '../ingest/mbox.ts';
import { readBody } from '../loader/cache.ts';
import { readRawMail } from '../loader/raw-store.ts';
import { maskedBody, type BodyMasking } from '../site/addresses.ts';
import type { MailBody } from '../parse/types.ts';
import { amMessage, type AmPatch } from './am-message.ts';

/** A patch of an mbox for `git am`: its mail's key (for its body), what is written of it, and how its body's addresses are shown. */
export type AmPatchSource = Omit<AmPatch, 'body'> & { key: string; masking: BodyMasking | null };

/** Mails as archived, in order, as one mboxrd. */
export function mboxFile(keys: readonly string[]): Buffer<ArrayBuffer> {
  return joinMboxrd(keys.map(readRawMail));
}

function shownBody(body: MailBody, masking: BodyMasking | null): MailBody {
  return masking ? { text: maskedBody(body.text, masking), inline: body.inline.map((part) => ({ ...part, text: maskedBody(part.text, masking) })) } : body;
}

/** Patches with their trailers added, in order, as one mboxrd; their bodies' addresses shown as each says (their headers come so). */
export function amMboxFile(patches: readonly AmPatchSource[]): Buffer<ArrayBuffer> {
  return joinMboxrd(patches.map(({ key, masking, ...patch }) => amMessage({ ...patch, body: shownBody(readBody(key), masking) })));
}

const gzip = promisify(zlibGzip);

/**
 * A gzip that depends on the bytes alone: no time or name in its header (Node writes none), and
 * the system byte always Unix. Made on libuv's thread pool, so a build compresses thread mboxes
 * on another core while it makes the next file.
 */
export async function gzipFile(bytes: Uint8Array): Promise<Buffer<ArrayBuffer>> {
  const gzipped = (await gzip(bytes)) as Buffer<ArrayBuffer>;
  gzipped[9] = 3;
  return gzipped;
}
