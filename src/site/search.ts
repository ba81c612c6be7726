/** Search rows and index files for the pages, built once per build. */
import { buildSearchIndex } from '../search/build-index.ts';
import { searchRows } from '../search/rows.ts';
import type { IndexFile, SearchRow } from '../search/types.ts';
import { addressPolicy } from './addresses.ts';
import { loadReview } from './archive.ts';
import { siteConfig } from './site-url.ts';

let rows: Promise<SearchRow[]> | undefined;
let files: Promise<IndexFile[]> | undefined;

export function loadSearchRows(): Promise<SearchRow[]> {
  rows ??= loadReview().then((review) => searchRows(review, addressPolicy(siteConfig().addresses)));
  return rows;
}

export function loadSearchIndex(): Promise<IndexFile[]> {
  files ??= loadSearchRows().then(buildSearchIndex);
  return files;
}
