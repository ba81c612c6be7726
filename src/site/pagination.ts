/** Pagination of the long lists: the index of series and threads, and the message list. */

/** A list shown over several pages: page 1 at `base`, page N at `<base>page/N/`. */
export interface PagedList {
  /** The path of the first page, with its trailing slash. */
  base: string;
  /** Entries per page. */
  size: number;
}

/** The index: series and threads, newest activity first. */
export const INDEX_PAGES: PagedList = { base: '/', size: 50 };

/** Every message, newest first. */
export const MESSAGE_PAGES: PagedList = { base: '/messages/', size: 100 };

export function pageCount(list: PagedList, entries: number): number {
  return Math.max(1, Math.ceil(entries / list.size));
}

/** The entries on page `page` (1-based). */
export function entriesOnPage<T>(list: PagedList, entries: readonly T[], page: number): T[] {
  return entries.slice((page - 1) * list.size, page * list.size);
}

/** The path of page `n` (1-based). */
export function pageUrl(list: PagedList, n: number): string {
  return n <= 1 ? list.base : `${list.base}page/${n}/`;
}

/** The route parameters of pages 2 … N, for `getStaticPaths` (page 1 is the list's own index page). */
export function laterPages(list: PagedList, entries: number): { params: { page: string } }[] {
  return Array.from({ length: pageCount(list, entries) - 1 }, (_, index) => ({ params: { page: String(index + 2) } }));
}

/**
 * The page numbers a pager shows: the first, the last, and three either side of the
 * current one, with null where numbers are left out (a list of 232 pages stays short).
 */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - current) <= 3) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
