/**
 * Pagination of the long lists (series and threads, messages, subjects) anchored to what
 * the entries are, not to their rank: each entry belongs to a bucket that adding mail never
 * changes (the month it was sent or started, the first letter of its subject), and a bucket
 * is cut into pages counted from its own start. So adding one mail rewrites the pages of
 * its bucket at most, never the whole list; and every page's URL names its bucket:
 * `/messages/page/2025-03/`, `/messages/page/2025-03/2/`.
 *
 * Page numbers across the whole list (`/page/7/`, the URLs of earlier builds) still work:
 * each is a small page that forwards to the Nth bucket page in list order.
 */

/** A list paged by bucket: pages below `base`, `size` entries at most per page. */
export interface AnchoredList {
  /** The path pages live under, with its trailing slash: `/messages/page/`. */
  base: string;
  size: number;
}

/** The index of series and threads, by the month each started. */
export const INDEX_PAGES: AnchoredList = { base: '/page/', size: 100 };
/** Every message, by the month it was sent. */
export const MESSAGE_PAGES: AnchoredList = { base: '/messages/page/', size: 200 };
/** Series and threads with mail sent in a month, by that month (routes/date-pages.ts). */
export const DATE_PAGES: AnchoredList = { base: '/d/', size: 200 };
/** Series and threads by the first letter of their title. */
export const SUBJECT_PAGES: AnchoredList = { base: '/subjects/', size: 200 };

/** How many entries the newest page of a list (`/`, `/messages/`) shows. */
export const NEWEST_ENTRIES = 50;

export interface Bucket {
  /** URL-safe name: `2025-03`, `a`, `undated`. */
  name: string;
  /** How it reads: `March 2025`, `A`. */
  label: string;
}

export interface AnchoredPage<T> {
  /** The route parameter: `2025-03` for a bucket's first page, `2025-03/2` for the next. */
  path: string;
  url: string;
  bucket: Bucket;
  /** 1-based, within the bucket. */
  number: number;
  /** Pages the bucket has. */
  pages: number;
  /** Entries in the bucket. */
  bucketSize: number;
  entries: T[];
}

/** `/page/2025-03/`, `/page/2025-03/2/`. */
export function anchoredPageUrl(list: AnchoredList, bucket: string, number = 1): string {
  return number <= 1 ? `${list.base}${bucket}/` : `${list.base}${bucket}/${number}/`;
}

/**
 * Cuts entries (already in list order) into pages of their buckets; a bucket's entries need
 * not be next to each other in `entries`, and buckets come in the order their first entry does.
 */
export function anchoredPages<T>(list: AnchoredList, entries: readonly T[], bucketOf: (entry: T) => Bucket): AnchoredPage<T>[] {
  const buckets = new Map<string, { bucket: Bucket; entries: T[] }>();
  for (const entry of entries) {
    const bucket = bucketOf(entry);
    const known = buckets.get(bucket.name);
    if (known) known.entries.push(entry);
    else buckets.set(bucket.name, { bucket, entries: [entry] });
  }
  const pages: AnchoredPage<T>[] = [];
  for (const { bucket, entries: inBucket } of buckets.values()) {
    const count = Math.ceil(inBucket.length / list.size);
    for (let number = 1; number <= count; number++) {
      pages.push({
        path: number === 1 ? bucket.name : `${bucket.name}/${number}`,
        url: anchoredPageUrl(list, bucket.name, number),
        bucket,
        number,
        pages: count,
        bucketSize: inBucket.length,
        entries: inBucket.slice((number - 1) * list.size, number * list.size),
      });
    }
  }
  return pages;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month of an ISO date, as a bucket: `2025-03`, `March 2025`; undated entries share one. */
export function monthBucket(iso: string | null): Bucket {
  const match = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  if (!match) return { name: 'undated', label: 'Undated' };
  return { name: `${match[1]}-${match[2]}`, label: `${MONTHS[Number(match[2]) - 1]} ${match[1]}` };
}

/** The first letter or digit of a sort key, as a bucket: `a` … `z`, `0-9`, and `other`. */
export function initialBucket(sortKey: string): Bucket {
  const first = sortKey[0] ?? '';
  if (first >= 'a' && first <= 'z') return { name: first, label: first.toUpperCase() };
  if (first >= '0' && first <= '9') return { name: '0-9', label: '0–9' };
  return { name: 'other', label: 'Other' };
}

/** The month page of a date (routes/date-pages.ts): `/d/2025-03/`, `March 2025`; null for an unknown date. */
export function monthLink(date: string | null, link: (path: string) => string): { url: string; label: string } | null {
  const bucket = monthBucket(date);
  return bucket.name === 'undated' ? null : { url: link(anchoredPageUrl(DATE_PAGES, bucket.name)), label: bucket.label };
}
