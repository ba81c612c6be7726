/**
 * The permalinks of builds before December 2026, kept so that their URLs still answer: the
 * slug rule then (letters, digits and `. _ + = @ -` kept, every other byte `~XX`, a leading
 * dot escaped, long slugs cut with a digest) had no case suffix, so an id with upper-case
 * letters lived at another slug than it does now (permalink.ts). Pages at those slugs
 * forward to the message's page.
 */
import { createHash } from 'node:crypto';
import { isKept, isPortableName } from './permalink.ts';

/** An id that was its own slug: kept characters only, not starting with a dot. */
const OWN_EARLIER_SLUG = /^[A-Za-z0-9_+=@-][A-Za-z0-9._+=@-]*$/;
const MAX_EARLIER_SLUG_LENGTH = 180;

/** The slug an id had under the rule before December 2026. */
export function earlierSlug(messageId: string): string {
  if (messageId.length <= MAX_EARLIER_SLUG_LENGTH && OWN_EARLIER_SLUG.test(messageId)) return messageId;
  let slug = '';
  for (const char of messageId) {
    if (isKept(char.codePointAt(0)!) && !(slug === '' && char === '.')) slug += char;
    else for (const byte of Buffer.from(char, 'utf8')) slug += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (slug.length <= MAX_EARLIER_SLUG_LENGTH) return slug;
  return `${slug.slice(0, 120).replace(/~[0-9A-F]?$/, '')}~~${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
}

/**
 * The earlier slugs that get a forwarding page: those that differ from the id's slug now, are
 * valid folder names everywhere, and share no folder with another page, also where case is
 * ignored (on such a file system two slugs that differ only in case are one folder, and a
 * forward must never overwrite a page).
 */
export function forwardedSlugs(ids: Iterable<{ id: string; slug: string }>): { slug: string; target: string }[] {
  const pages = [...ids];
  const taken = new Map<string, number>();
  const count = (slug: string) => taken.set(slug.toLowerCase(), (taken.get(slug.toLowerCase()) ?? 0) + 1);
  const candidates = pages
    .map(({ id, slug }) => ({ earlier: earlierSlug(id), slug }))
    .filter(({ earlier, slug }) => earlier !== slug && isPortableName(earlier));
  for (const { slug } of pages) count(slug);
  for (const { earlier } of candidates) count(earlier);
  return candidates.filter(({ earlier }) => taken.get(earlier.toLowerCase()) === 1).map(({ earlier, slug }) => ({ slug: earlier, target: slug }));
}
