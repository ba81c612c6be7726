/**
 * Tells how a content file holds its mail, from its bytes rather than its name:
 * people save mail under any name, and `.mbox` files often hold one bare message.
 */
import { looksLikeMbox } from './mbox.ts';

export type FileKind = 'gzip' | 'mbox' | 'hypermail' | 'pipermail' | 'message' | 'unknown';

const HEAD_BYTES = 4096;
const HEAD_LINES = 16;

/** `Date: Tue Jan 17 2023 - 09:20:08 EST`, the date line of Hypermail pages (lkml.iu.edu). */
export const HYPERMAIL_DATE_LINE = /^Date: +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{4} - \d{1,2}:\d\d(?::\d\d)?(?: [A-Z]{2,5})?\s*$/;
/** `Andy Grunwald andy at example.com`, the author line of Mailman pipermail pages. */
export const PIPERMAIL_AUTHOR_LINE = /^.*\S+ at \S+\.\S+\s*$/;
/** `Sat Nov 14 21:29:28 CET 2015`, the date line under it. */
export const PIPERMAIL_DATE_LINE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d\d:\d\d(?: [A-Z]{2,5})? \d{4}\s*$/;

/** A header field; obsolete syntax allows blanks before the colon (RFC 5322 section 4.5). */
export const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const MESSAGE_HEADER =
  /^(?:from|to|cc|date|subject|message-id|received|return-path|path|newsgroups|mime-version|content-type)[ \t]*:/i;

function headLines(bytes: Buffer): string[] {
  return bytes
    .toString('latin1', 0, Math.min(bytes.length, HEAD_BYTES))
    .split(/\r?\n/)
    .slice(0, HEAD_LINES);
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function looksLikeHypermailPage(lines: string[]): boolean {
  return lines.some((line) => HYPERMAIL_DATE_LINE.test(line)) && lines.some((line) => /^From: +\S/.test(line));
}

function looksLikePipermailPage(lines: string[]): boolean {
  return lines.some(
    (line, index) => PIPERMAIL_DATE_LINE.test(line) && index > 0 && PIPERMAIL_AUTHOR_LINE.test(lines[index - 1] ?? ''),
  );
}

/** A bare RFC 5322 message: a header block that names at least one field every mail has. */
function looksLikeMessage(bytes: Buffer): boolean {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 64 * 1024));
  const lines = head.split(/\r?\n/);
  if (!HEADER_FIELD.test(lines[0] ?? '')) return false;
  for (const line of lines) {
    if (line === '') break;
    if (MESSAGE_HEADER.test(line)) return true;
  }
  return false;
}

/** Detects what a content file holds. Gzip is reported as such; unpack and ask again. */
export function detectFileKind(bytes: Buffer): FileKind {
  if (isGzip(bytes)) return 'gzip';
  if (looksLikeMbox(bytes)) return 'mbox';
  const lines = headLines(bytes);
  if (looksLikeHypermailPage(lines)) return 'hypermail';
  if (looksLikePipermailPage(lines)) return 'pipermail';
  if (looksLikeMessage(bytes)) return 'message';
  return 'unknown';
}
