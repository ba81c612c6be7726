/** The subject index: every series and thread, alphabetical, for reading without search. */
import { words } from '../search/tokenize.ts';
import type { SearchRow } from '../search/types.ts';

export const SUBJECTS_PER_PAGE = 200;

export interface SubjectPage {
  /** 1-based. */
  number: number;
  url: string;
  rows: SearchRow[];
  /** First and last title on the page, for the table of contents. */
  first: string;
  last: string;
}

/** Sorted by the words of the title, so `[PATCH]`, case and accents do not decide the order. */
function sortKey(row: SearchRow): string {
  return words(row.title).join(' ');
}

export function subjectPageUrl(n: number): string {
  return n <= 1 ? '/subjects/' : `/subjects/${n}/`;
}

export function subjectPages(rows: SearchRow[]): SubjectPage[] {
  const sorted = rows
    .map((row) => ({ row, key: sortKey(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.url < b.row.url ? -1 : 1))
    .map(({ row }) => row);
  const pages: SubjectPage[] = [];
  for (let start = 0; start < Math.max(sorted.length, 1); start += SUBJECTS_PER_PAGE) {
    const slice = sorted.slice(start, start + SUBJECTS_PER_PAGE);
    const number = pages.length + 1;
    pages.push({ number, url: subjectPageUrl(number), rows: slice, first: slice[0]?.title ?? '', last: slice.at(-1)?.title ?? '' });
  }
  return pages;
}
