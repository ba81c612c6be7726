/**
 * The bytes of the downloads, made when their routes are rendered, from their route data
 * (src/site/routes/downloads.ts) and what the loader kept (a raw mail is its stored bytes,
 * `readRawMail`): a thread or a series as mboxrd, its gzip, and a series prepared for `git am`.
 */
import { gzipSync } from 'node:zlib';
import { joinMboxrd } from '../ingest/mbox.ts';
import { readBody } from '../loader/cache.ts';
import { readRawMail } from '../loader/raw-store.ts';
import { addressPolicy } from '../site/addresses.ts';
import type { AddressMode } from '../site/config.ts';
import type { MailBody } from '../parse/types.ts';
import { amMessage, type AmPatch } from './am-message.ts';

/**
 * A patch of an mbox for `git am`: its mail's key (for its body), what is written of it, and the
 * Message-IDs its body names (which stay as written when the addresses in it are masked).
 */
export type AmPatchSource = Omit<AmPatch, 'body'> & { key: string; bodyIds: string[] };

/** Mails as archived, in order, as one mboxrd. */
export function mboxFile(keys: readonly string[]): Buffer<ArrayBuffer> {
  return joinMboxrd(keys.map(readRawMail));
}

/** A body with its addresses shown as the archive shows them. */
function shownBody(body: MailBody, mode: AddressMode, bodyIds: readonly string[]): MailBody {
  if (mode === 'shown') return body;
  const { text } = addressPolicy(mode);
  const keep = new Set(bodyIds);
  return { text: text(body.text, keep), inline: body.inline.map((part) => ({ ...part, text: text(part.text, keep) })) };
}

/** Patches with their trailers added, in order, as one mboxrd; the addresses of their bodies shown as `mode` says (their headers come so). */
export function amMboxFile(patches: readonly AmPatchSource[], mode: AddressMode): Buffer<ArrayBuffer> {
  return joinMboxrd(patches.map(({ key, bodyIds, ...patch }) => amMessage({ ...patch, body: shownBody(readBody(key), mode, bodyIds) })));
}

/** A gzip that depends on the bytes alone: no time or name in its header (Node writes none), and the system byte always Unix. */
export function gzipFile(bytes: Uint8Array): Buffer<ArrayBuffer> {
  const gzip = gzipSync(bytes);
  gzip[9] = 3;
  return gzip;
}
