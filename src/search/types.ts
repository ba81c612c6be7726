/** What search finds: one row per patch series (all its versions) or per thread. */
export interface SearchRow {
  kind: 'series' | 'thread';
  url: string;
  /** The title shown: the newest version's, without tags. */
  title: string;
  /** Every subject the row answers to: titles of all versions, patches and the thread root. */
  subjects: string[];
  /** Versions folded under the row, oldest first; empty for threads. */
  versions: number[];
  /** Who sent it, as shown. */
  author: string;
  /** Names and addresses `f:` matches: the author's, and for threads every sender's. */
  people: string[];
  /** When the row began (first message of its oldest version), ISO 8601; null if unknown. */
  date: string | null;
  /** Patches present and expected in the newest version; null for threads. */
  patches: { present: number; total: number } | null;
  replies: number;
  reviews: { reviewed: number; acked: number; tested: number; nacked: number };
}

/**
 * A row as stored in the index and returned by a search: a positional array keeps the
 * chunks small. `[kind, url, title, versions, author, day, present, total, replies,
 * reviewed, acked, tested, nacked]`, kind 0 for series and 1 for threads, day `YYYY-MM-DD` or ''.
 */
export type StoredRow = [0 | 1, string, string, number[], string, string, number, number, number, number, number, number, number];

export interface SearchManifest {
  version: 1;
  rows: number;
  /** Rows per chunk file `r/<n>.json`. */
  chunk: number;
  /** Shard names present under `t/` (subjects) and `f/` (people). */
  subjectShards: string[];
  peopleShards: string[];
  /** How many `p/<n>.json` files hold the word pairs. */
  pairBuckets: number;
  /** `[YYYY-MM, first row id of that month]`, newest month first; rows are sorted newest first. */
  months: [string, number][];
}

/** One file of the index: its path under the search folder and its JSON text. */
export interface IndexFile {
  path: string;
  json: string;
}
