import type { Address } from '../parse/types.ts';

/** A message as the index sees it: where it is, when it was sent, who sent it to whom; its body terms are read by `key`. */
export interface SearchMessage {
  /** Message-ID, without angle brackets. */
  id: string;
  url: string;
  /** The body cache key of the copy shown. */
  key: string;
  date: string | null;
  from: Address;
  to: Address[];
  cc: Address[];
}

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
  /** When the row began (first message of its oldest version), ISO 8601; null if unknown. */
  date: string | null;
  /** Patches present and expected in the newest version; null for threads. */
  patches: { present: number; total: number } | null;
  replies: number;
  /** The messages of the row, each in one row only: those of the series family, or of the discussion not in any series. */
  messages: SearchMessage[];
  reviews: { reviewed: number; acked: number; tested: number; nacked: number };
  /** The page that reads the series or thread whole, when it has one. */
  readingUrl: string | null;
}

/**
 * A row as stored in the index and returned by a search: a positional array keeps the
 * chunks small. `[kind, url, title, versions, author, day, present, total, replies,
 * reviewed, acked, tested, nacked, reading]`, kind 0 for series and 1 for threads, day
 * `YYYY-MM-DD` or '', reading the URL of the page that reads it whole or ''.
 */
export type StoredRow = [0 | 1, string, string, number[], string, string, number, number, number, number, number, number, number, string];

export interface SearchManifest {
  version: 2;
  rows: number;
  /** Rows per chunk file `r/<n>.json`. */
  chunk: number;
  /** Shard names present under `t/` (subjects). */
  subjectShards: string[];
  /** How many `p/<n>.json` files hold the word pairs. */
  pairBuckets: number;
  /** `[YYYY-MM, first row begun in that month]`, oldest first; rows are numbered oldest first, undated ones last. */
  months: [string, number][];
  /** Rows and messages with a date (the undated ones are numbered after them). */
  datedRows: number;
  messages: number;
  datedMessages: number;
  /** `[YYYY-MM, first message sent in that month]`, oldest first; messages are numbered by date. */
  messageMonths: [string, number][];
  /** Years with a day file `d/<year>.json`. */
  years: number[];
}

/**
 * Per-message search (`fields.json`), fetched by the first query that needs it. Each field's
 * folder (`f/`, `to/`, `cc/`, `b/`, `q/`, `dfn/`, `dfhh/`, `id/`) lists its shard names in its
 * own `shards.json`, fetched by the first query of that field.
 */
export interface FieldsManifest {
  /** Messages per detail chunk `m/<n>.json`. */
  messageChunk: number;
  /** Rows per window: a posting too big to fetch whole is kept in one part file per window of rows. */
  window: number;
  /**
   * For each window of rows, the number of the latest message of its rows: a window whose
   * latest message is before a date range holds none of its messages, and is not read.
   */
  windowLast: number[];
  /**
   * Messages numbered below this are in the base of the per-message index (`f/`, `b/` …), the
   * rest under `new/` (`new/f/`, `new/b/` …): a query reads a term in both.
   */
  base: number;
}

export type PersonField = 'f' | 'to' | 'cc';
export type BodyField = 'b' | 'q' | 'dfn' | 'dfhh';
export type MessageField = PersonField | BodyField;

/**
 * How a shard or bucket gives a term's messages: the posting itself (tokenize.ts
 * `PostingWriter`), or, when it is too big to fetch whole, where its parts are:
 * `<field>/w/<h>-<window>.json`, one per window of rows that has any, each
 * `[lastRow, base, ...posting]`.
 */
export type PostingEntry = number[] | { h: string; w: number[] };

/** A message as its detail chunk gives it: `[slug, day, sender]`, day `YYYY-MM-DD` or ''. */
export type StoredMessage = [string, string, string];

/** `d/<year>.json`: where each day with mail begins, in messages and rows, and the rows begun on other days with mail that day. */
export interface YearFile {
  /** `MM-DD` of each day of the year with mail, ascending. */
  days: string[];
  /** The first message of each day. */
  messages: number[];
  /** The first row begun on that day or later. */
  rows: number[];
  /** Rows not begun that day with a message that day, encoded as subject postings are (`encodeRows`). */
  late: number[][];
  /** The first message and the first row after the year. */
  end: [number, number];
}

/** One file of the index: its path under the search folder and its JSON text (and, when known already, its page key). */
export interface IndexFile {
  path: string;
  readonly json: string;
  key?: string;
}
