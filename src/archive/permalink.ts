/**
 * Permalinks. A message lives at `/m/<slug>/`, where the slug is its Message-ID written
 * with safe characters only, valid as a file name everywhere (Linux, macOS, Windows) and
 * one-to-one even on file systems that ignore case. The rule (docs/api.md "Permalinks"):
 *
 * - letters, digits and `. _ + = @ -` stay as they are, so ordinary ids read as themselves;
 *   every other byte of the UTF-8 id becomes `~XX` (upper-case hex);
 * - so does a leading dot (no slug is `.`, `..` or hidden), a trailing dot (Windows drops
 *   it), and the first letter of a name Windows reserves (`con`, `nul`, `aux`, `prn`,
 *   `com1`…`com9`, `lpt1`…`lpt9`, alone or before a dot, in any case);
 * - an id with upper-case ASCII letters ends in `~u` and the case of its kept letters, as
 *   lower-case hex (bit 3 of the first digit is the first letter, 1 for upper case;
 *   trailing zero digits left out), so ids differing only in case differ after case folding;
 *   ids without upper-case letters get no suffix, and keep the slug they always had;
 * - a slug that would pass 180 characters keeps its first 120 characters (never cutting a
 *   `~XX`), then `~~` and the first 40 hex digits of the SHA-256 of the id.
 *
 * Folded to lower case, a slug still decodes to the id up to the case of its letters, and
 * the suffix gives that case back; `~u` and `~~` occur nowhere else. So two ids never share
 * a page, on any file system, and the slug depends on the id alone: adding mail never
 * moves a page.
 */
import { createHash } from 'node:crypto';

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isUpper = (code: number) => code >= 65 && code <= 90;
const KEPT_MARKS = new Set([...'._+=@-'].map((char) => char.charCodeAt(0)));
/** Whether a slug keeps this character (a UTF-16 code or code point) as it is: ASCII letters, digits and `. _ + = @ -`. */
export const isKept = (code: number) => isLetter(code) || (code >= 48 && code <= 57) || KEPT_MARKS.has(code);
/** Windows device names, reserved alone and before any extension, in any case. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;
const MAX_SLUG_LENGTH = 180;
const KEPT_PREFIX = 120;
/** An id that is its own slug: kept characters only, no upper-case letter, no dot at either end (and, checked apart, not reserved). */
const OWN_SLUG = /^[a-z0-9_+=@-](?:[a-z0-9._+=@-]*[a-z0-9_+=@-])?$/;

function escapeBytes(char: string): string {
  let escaped = '';
  for (const byte of Buffer.from(char, 'utf8')) escaped += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return escaped;
}

/** `~u` and the case of the kept letters as hex, or '' when none is upper case. */
function caseSuffix(letters: boolean[]): string {
  if (!letters.includes(true)) return '';
  let hex = '';
  for (let start = 0; start < letters.length; start += 4) {
    let nibble = 0;
    for (let bit = 0; bit < 4; bit++) if (letters[start + bit]) nibble |= 8 >> bit;
    hex += nibble.toString(16);
  }
  return `~u${hex.replace(/0+$/, '')}`;
}

/** The slug of a Message-ID (given without angle brackets). */
export function messageSlug(messageId: string): string {
  const reserved = RESERVED.test(messageId);
  // Most ids (`20240101.12345-1-user@host`): every page's links name them, so they skip the walk below.
  if (!reserved && messageId.length <= MAX_SLUG_LENGTH && OWN_SLUG.test(messageId)) return messageId;
  const letters: boolean[] = [];
  let slug = '';
  let index = 0;
  // By code point: a character outside ASCII is escaped whole, as its UTF-8 bytes.
  for (const char of messageId) {
    const code = char.codePointAt(0)!;
    const [first, last] = [index === 0, index + char.length === messageId.length];
    index += char.length;
    if (!isKept(code) || (char === '.' && (first || last)) || (reserved && first)) {
      slug += escapeBytes(char);
      continue;
    }
    slug += char;
    if (isLetter(code)) letters.push(isUpper(code));
  }
  slug += caseSuffix(letters);
  if (slug.length > 0 && slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut before a partial `~XX` escape or `~u` suffix so the kept part stays readable.
  const cut = slug.slice(0, KEPT_PREFIX).replace(/~[0-9A-Fu]?$/, '');
  return `${cut}~~${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
}

/** Whether a folder name is valid on every file system: no Windows reserved name, no trailing dot or space. */
export function isPortableName(name: string): boolean {
  return name !== '' && !RESERVED.test(name) && !/[. ]$/.test(name);
}

/** The site path of a message page, with its trailing slash. */
export function messageUrl(messageId: string): string {
  return slugUrl(messageSlug(messageId));
}

/** The site path of the message page with this slug. */
export function slugUrl(slug: string): string {
  return `/m/${slug}/`;
}
