/**
 * Permalinks. A message lives at `/m/<slug>/`, where the slug is its Message-ID written
 * with safe characters only. Letters, digits and `. _ + = @ -` stay as they are, so
 * ordinary ids read as themselves; every other byte of the UTF-8 id becomes `~XX`
 * (upper-case hex), and so does a leading dot, so no slug is `.`, `..` or hidden. The
 * mapping is one-to-one, so two ids never share a page. An id whose slug would pass
 * 180 characters keeps its first 120 and ends in `~~` plus a SHA-256 digest of the
 * whole id; plain slugs never contain `~~`, so these cannot meet them either.
 * The slug depends on the id alone: adding mail never moves a page.
 */
import { createHash } from 'node:crypto';

const KEPT = /[A-Za-z0-9._+=@-]/;
const MAX_SLUG_LENGTH = 180;
const KEPT_PREFIX = 120;

function escapeByte(byte: number): string {
  return `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The slug of a Message-ID (given without angle brackets). */
export function messageSlug(messageId: string): string {
  let slug = '';
  for (const char of messageId) {
    const leadingDot = slug === '' && char === '.';
    if (KEPT.test(char) && !leadingDot) slug += char;
    else for (const byte of Buffer.from(char, 'utf8')) slug += escapeByte(byte);
  }
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut before a partial `~XX` escape so the kept part stays readable.
  const cut = slug.slice(0, KEPT_PREFIX).replace(/~[0-9A-F]?$/, '');
  return `${cut}~~${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
}

/** The site path of a message page, with its trailing slash. */
export function messageUrl(messageId: string): string {
  return `/m/${messageSlug(messageId)}/`;
}
