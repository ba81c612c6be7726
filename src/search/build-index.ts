/**
 * Writes the static search index. Rows are numbered newest first, so "newer first" is
 * the row order and a date range is a range of row numbers. Words are sharded by their
 * first two characters, big shards again by three or four (`t/<shard>.json` for subjects,
 * `f/<shard>.json` for people), each word's rows delta- and run-length-encoded (title
 * words once more as `=word`); adjacent word pairs, for phrases, in hashed buckets
 * (`p/<n>.json`); row details sit in small chunks (`r/<n>.json`), so a query
 * fetches only the shards of its words and the chunks of the rows it shows.
 */
import { encodeRows, MAX_SHARD_LENGTH, pairBucket, shardKey, stripReplyPrefixes, TITLE_MARK, wordPairs, words } from './tokenize.ts';
import type { IndexFile, SearchManifest, SearchRow, StoredRow } from './types.ts';

/** Rows per detail chunk: small, because the rows one query shows are spread over time. */
export const CHUNK_ROWS = 8;
/** A shard bigger than this is cut again at the next character, so a query fetches little. */
export const SHARD_BYTES = 16 * 1024;

type Postings = Map<string, number[]>;

function post(postings: Postings, word: string, row: number): void {
  const rows = postings.get(word);
  if (!rows) postings.set(word, [row]);
  else if (rows.at(-1) !== row) rows.push(row);
}

function shardJson(entries: [string, number[]][]): string {
  return JSON.stringify(Object.fromEntries(entries.map(([word, rows]) => [word, encodeRows(rows)])));
}

/** Groups words into shards by their first two characters, cutting big shards at three, then four. */
function shardFiles(folder: string, postings: Postings): IndexFile[] {
  const files: IndexFile[] = [];
  const place = (key: string, entries: [string, number[]][], length: number): void => {
    const json = shardJson(entries);
    const next = length + 1;
    if (json.length <= SHARD_BYTES || next > MAX_SHARD_LENGTH) {
      files.push({ path: `${folder}/${key}.json`, json });
      return;
    }
    const groups = Map.groupBy(entries, ([word]) => shardKey(word, next));
    // Words too short for the longer key stay in this shard.
    const staying = groups.get(key) ?? [];
    groups.delete(key);
    if (staying.length > 0) files.push({ path: `${folder}/${key}.json`, json: shardJson(staying) });
    for (const [longer, group] of groups) place(longer, group, next);
  };
  for (const [key, group] of Map.groupBy(postings, ([word]) => shardKey(word, 2))) place(key, group, 2);
  return files;
}

/**
 * Word pairs, for phrases, are looked up whole, never by prefix: they go to `p/<n>.json`
 * by a hash of the pair, with as many buckets as keep each near SHARD_BYTES.
 */
function pairBucketFiles(pairs: Postings): IndexFile[] {
  const bytes = shardJson([...pairs]).length;
  const buckets = Math.max(1, Math.ceil(bytes / (SHARD_BYTES * 0.75)));
  const groups = Map.groupBy(pairs, ([pair]) => pairBucket(pair, buckets));
  return Array.from({ length: buckets }, (_, n) => ({ path: `p/${n}.json`, json: shardJson(groups.get(n) ?? []) }));
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
  const pairs: Postings = new Map();
  const people: Postings = new Map();
  const months: [string, number][] = [];
  rows.forEach((row, id) => {
    // Undated rows come last, under a month older than any date.
    const month = row.date?.slice(0, 7) ?? '0000-00';
    if (months.at(-1)?.[0] !== month) months.push([month, id]);
    for (const subject of new Set(row.subjects.map(stripReplyPrefixes))) {
      const list = words(subject);
      for (const word of list) post(subjects, word, id);
      for (const pair of wordPairs(list)) post(pairs, pair, id);
    }
    for (const word of words(row.title)) post(subjects, `${TITLE_MARK}${word}`, id);
    for (const person of row.people) for (const word of words(person)) post(people, word, id);
  });
  const chunks: IndexFile[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    chunks.push({ path: `r/${start / CHUNK_ROWS}.json`, json: JSON.stringify(rows.slice(start, start + CHUNK_ROWS).map(toStoredRow)) });
  }
  const subjectFiles = shardFiles('t', subjects);
  const pairFiles = pairBucketFiles(pairs);
  const peopleFiles = shardFiles('f', people);
  const names = (files: IndexFile[]) => files.map((file) => file.path.replace(/^.\/|\.json$/g, '')).sort();
  const manifest: SearchManifest = {
    version: 1,
    rows: rows.length,
    chunk: CHUNK_ROWS,
    subjectShards: names(subjectFiles),
    peopleShards: names(peopleFiles),
    pairBuckets: pairFiles.length,
    months,
  };
  return [{ path: 'manifest.json', json: JSON.stringify(manifest) }, ...subjectFiles, ...pairFiles, ...peopleFiles, ...chunks];
}
