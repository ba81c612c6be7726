/** Search rows, index files and subject pages for the pages, built once per build. */
import { buildSearchIndex } from '../search/build-index.ts';
import { searchRows } from '../search/rows.ts';
import type { IndexFile, SearchRow } from '../search/types.ts';
import { loadReview } from './archive.ts';
import { subjectPages, type SubjectPage } from './subjects.ts';

let rows: Promise<SearchRow[]> | undefined;
let files: Promise<IndexFile[]> | undefined;
let subjects: Promise<SubjectPage[]> | undefined;

export function loadSearchRows(): Promise<SearchRow[]> {
  rows ??= loadReview().then(searchRows);
  return rows;
}

export function loadSearchIndex(): Promise<IndexFile[]> {
  files ??= loadSearchRows().then(buildSearchIndex);
  return files;
}

export function loadSubjectPages(): Promise<SubjectPage[]> {
  subjects ??= loadSearchRows().then(subjectPages);
  return subjects;
}
