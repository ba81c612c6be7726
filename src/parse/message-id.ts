/** Message-ID handling: normalising header values and deriving ids for mail without one. */
import { createHash } from 'node:crypto';
import { trimLineEnds } from './text.ts';

/** Longest id kept; longer values are hostile or broken, and are cut (RFC 5322 lines stop at 998). */
const MAX_ID_LENGTH = 998;

function clean(id: string): string {
  // Control characters and whitespace are never part of an id; they come from broken folding.
  return id.replace(/[\x00-\x20\x7f]+/g, '').slice(0, MAX_ID_LENGTH);
}

/** Every `<id>` in a header value, in order, brackets stripped. Bare ids are taken when there are no brackets. */
export function parseIdList(value: string | undefined | null): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((match) => clean(match[1] ?? ''));
  const ids = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).map(clean);
  return ids.filter((id) => id.length > 0);
}

/** The first id of a Message-ID or In-Reply-To value, or null. */
export function parseMessageId(value: string | undefined | null): string | null {
  return parseIdList(value)[0] ?? null;
}

/** What a content-derived id is computed from. */
export interface IdentityFields {
  subject: string;
  fromName: string;
  fromEmail: string;
  date: string | null;
  body: string;
}

/**
 * The id of a message without a Message-ID: a digest of its subject, author, date and
 * body text (trailing blanks on each line ignored), so it is the same on every build and
 * for every copy of the mail, whatever file or framing it came in.
 */
export function contentMessageId(fields: IdentityFields): string {
  // Linear forms of `.replace(/[ \t]+$/gm, '').replace(/\s+$/, '')`, which the digest was first made with.
  const body = trimLineEnds(fields.body).trimEnd();
  const digest = createHash('sha256')
    .update([fields.subject.trim(), fields.fromName.trim(), fields.fromEmail.trim(), fields.date ?? '', body].join('\n'))
    .digest('hex');
  return `${digest.slice(0, 32)}@content.sheaf.invalid`;
}

/**
 * The Message-ID of raw mail found without parsing it, for naming a mail that failed to
 * parse. Only the header block is searched (up to the first blank line).
 */
export function peekMessageId(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024)).toString('latin1');
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = /^Message-ID[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(headers);
  return match ? parseMessageId(match[1]) : null;
}
