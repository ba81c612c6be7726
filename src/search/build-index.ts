/**
 * Writes the static search index. Rows are numbered newest first, so "newer first" is
 * the row order and a date range is a range of row numbers. Words are sharded by their
 * first two characters (`t/<shard>.json` for subjects, `f/<shard>.json` for people), each
 * word's rows delta-encoded (title words once more as `=word`); row details sit in small chunks (`r/<n>.json`), so a query
 * fetches only the shards of its words and the chunks of the rows it shows.
 */
import { shardOf, stripReplyPrefixes, TITLE_MARK, wordPairs, words } from './tokenize.ts';
import type { IndexFile, SearchManifest, SearchRow, StoredRow } from './types.ts';

/** Rows per detail chunk: small, because the rows one query shows are spread over time. */
export const CHUNK_ROWS = 16;

type Postings = Map<string, Map<string, number[]>>;

function post(shards: Postings, word: string, row: number): void {
  const shard = shardOf(word.startsWith(TITLE_MARK) ? word.slice(1) : word);
  let words = shards.get(shard);
  if (!words) shards.set(shard, (words = new Map()));
  const rows = words.get(word);
  if (!rows) words.set(word, [row]);
  else if (rows.at(-1) !== row) rows.push(row);
}

function deltas(rows: number[]): number[] {
  return rows.map((row, index) => (index === 0 ? row : row - rows[index - 1]!));
}

function shardFiles(folder: string, shards: Postings): IndexFile[] {
  return [...shards].map(([name, words]) => ({
    path: `${folder}/${name}.json`,
    json: JSON.stringify(Object.fromEntries([...words].map(([word, rows]) => [word, deltas(rows)]))),
  }));
}

/** A row as the index stores it and a search returns it. */
export function toStoredRow(row: SearchRow): StoredRow {
  const { reviewed, acked, tested, nacked } = row.reviews;
  return [
    row.kind === 'series' ? 0 : 1, row.url, row.title, row.versions, row.author, row.date?.slice(0, 10) ?? '',
    row.patches?.present ?? 0, row.patches?.total ?? 0, row.replies, reviewed, acked, tested, nacked,
  ];
}

/** Newest first, undated last; ties by URL so the numbering is stable. */
function compareRows(a: SearchRow, b: SearchRow): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** Builds every file of the index for these rows. */
export function buildSearchIndex(input: SearchRow[]): IndexFile[] {
  const rows = [...input].sort(compareRows);
  const subjects: Postings = new Map();
  const people: Postings = new Map();
  const months: [string, number][] = [];
  rows.forEach((row, id) => {
    // Undated rows come last, under a month older than any date.
    const month = row.date?.slice(0, 7) ?? '0000-00';
    if (months.at(-1)?.[0] !== month) months.push([month, id]);
    for (const subject of new Set(row.subjects.map(stripReplyPrefixes))) {
      const list = words(subject);
      for (const word of [...list, ...wordPairs(list)]) post(subjects, word, id);
    }
    for (const word of words(row.title)) post(subjects, `${TITLE_MARK}${word}`, id);
    for (const person of row.people) for (const word of words(person)) post(people, word, id);
  });
  const chunks: IndexFile[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    chunks.push({ path: `r/${start / CHUNK_ROWS}.json`, json: JSON.stringify(rows.slice(start, start + CHUNK_ROWS).map(toStoredRow)) });
  }
  const manifest: SearchManifest = {
    version: 1,
    rows: rows.length,
    chunk: CHUNK_ROWS,
    subjectShards: [...subjects.keys()].sort(),
    peopleShards: [...people.keys()].sort(),
    months,
  };
  return [{ path: 'manifest.json', json: JSON.stringify(manifest) }, ...shardFiles('t', subjects), ...shardFiles('f', people), ...chunks];
}
