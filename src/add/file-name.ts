/**
 * Where `npm run add` files a mail in the content folder: `2025/03/2025-03-14-leds-lp50xx-add-support-for-foo.eml`,
 * by its date (UTC) and subject. The name is made of `[a-z0-9-]` only, so it is the same on
 * every file system, never hidden, never a name Windows reserves, and of bounded length;
 * nothing of the mail reaches it unescaped.
 */
import { parseSubject } from '../archive/subject.ts';
import type { MailFormat } from '../ingest/types.ts';
import type { ParsedMail } from '../parse/types.ts';

/** Characters of the subject part: enough to tell mails of one day apart, short enough for any path limit. */
export const MAX_SLUG_LENGTH = 60;

export interface MailFileName {
  /** Folders under the content folder: year and month, or `undated`. */
  folders: string[];
  /** The name without extension; the writer adds `-2`, `-3` … when it is taken. */
  stem: string;
  extension: '.eml' | '.txt';
}

/** Pages saved from web archives have a reader of their own; every other framing is one MIME message. */
export function isArchivePage(format: MailFormat): boolean {
  return format === 'hypermail' || format === 'pipermail';
}

/** How the build frames a mail kept in a file of its own: a page stays a page, any other mail is an `.eml`. */
export function standaloneFormat(format: MailFormat): MailFormat {
  return isArchivePage(format) ? format : 'eml';
}

/** `leds-lp50xx-add-support-for-foo` from `[PATCH v2 1/3] leds: lp50xx: Add support for foo`; replies start `re-`, forwards `fwd-`. */
export function subjectSlug(subject: string): string {
  const { title, isReply, isForward } = parseSubject(subject);
  // Accents dropped (é → e), then every run of anything else becomes one dash.
  const words = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let slug = trimDashes(words);
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH);
    const lastDash = cut.lastIndexOf('-');
    // Cut between words when one ends in the second half; a single long word is cut where it stands.
    slug = trimDashes(lastDash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : cut);
  }
  const prefix = isReply ? 're-' : isForward ? 'fwd-' : '';
  return `${prefix}${slug || 'no-subject'}`;
}

/** Runs of dashes are already one dash long, so this strips at most one at each end. */
function trimDashes(text: string): string {
  const start = text.startsWith('-') ? 1 : 0;
  const end = text.endsWith('-') ? text.length - 1 : text.length;
  return start < end ? text.slice(start, end) : '';
}

/** The name a parsed mail is filed under; `format` is how it was framed where it came from. */
export function mailFileName(mail: Pick<ParsedMail, 'date' | 'subject'>, format: MailFormat): MailFileName {
  const extension = isArchivePage(format) ? '.txt' : '.eml';
  const slug = subjectSlug(mail.subject);
  // The parse stage gives dates as ISO 8601 UTC in the years 1900–9999, so these are digits.
  const date = mail.date !== null && /^\d{4}-\d\d-\d\dT/.test(mail.date) ? mail.date.slice(0, 10) : null;
  if (date === null) return { folders: ['undated'], stem: `undated-${slug}`, extension };
  return { folders: [date.slice(0, 4), date.slice(5, 7)], stem: `${date}-${slug}`, extension };
}
