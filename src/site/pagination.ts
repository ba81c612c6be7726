/** Pagination of the message list. */
import type { Archive } from '../archive/group.ts';

/** Messages per page of the message list. */
export const PAGE_SIZE = 100;

export function pageCount(archive: Archive): number {
  return Math.max(1, Math.ceil(archive.messages.length / PAGE_SIZE));
}

/** The path of page `n` (1-based) of the message list. */
export function listPageUrl(n: number): string {
  return n <= 1 ? '/' : `/page/${n}/`;
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
