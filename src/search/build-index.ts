/**
 * Writes the static search index (the layout is documented in docs/search.md). Rows (series
 * families and threads) are numbered oldest first by the day they began, and messages by the
 * day they were sent, so new mail is numbered after the old and leaves its files alone, and a
 * date range is a range of numbers.
 *
 * - Subjects, per row: terms sharded by their first two characters, big shards again by three
 *   or four (`t/<shard>.json`), each term's rows delta- and run-length-encoded (title terms once
 *   more as `=term`); adjacent word pairs, for phrases, in hashed buckets (`p/<n>.json`); row
 *   details in small chunks (`r/<n>.json`). A subject query fetches only these.
 * - People and bodies, per message: the messages holding each term, grouped by row
 *   (postings.ts `appendPair`), sharded by prefix as deep as it takes, small shards inline in
 *   their key's list or packed (`prefixTree`: `f/`, `to/`, `cc/`, `b/`, `q/`, `dfn/`, `dfhh/`);
 *   a posting too big to fetch whole is cut at fixed windows of rows, one file per window
 *   (`<folder>/w/`), so a query reads the newest windows first and stops when it has enough
 *   rows. The oldest messages make a base kept between builds (`BaseCache`), the newest are
 *   indexed under `new/` on every build.
 * - Messages: `[slug, day, sender]` chunks (`m/<n>.json`), Message-IDs to pages (`id/`), and per
 *   year the days' first messages and rows and the rows active on each day (`d/<year>.json`).
 */
import { createHash, hash } from 'node:crypto';
import type { Address } from '../parse/types.ts';
import type { MailTerms } from './mail-terms.ts';
import {
  appendPair, BODY_SHARD_LENGTH, decodePosting, encodeRows, fnv, frontCode, ID_SHARD_LENGTH, keyHead, keyName, MAX_SHARD_LENGTH, pairBucket, shardKey, type PostingState,
} from './postings.ts';
import { addTokenTerms, foldText, indexTerms, stripReplyPrefixes, TITLE_MARK, tokens, wordPairs, words } from './tokenize.ts';
import type {
  BodyField, FieldsManifest, IndexFile, PersonField, SearchManifest, SearchMessage, SearchRow, StoredMessage, StoredRow, YearFile,
} from './types.ts';

/** Rows per detail chunk: small, because the rows one query shows are spread over time. */
export const CHUNK_ROWS = 8;
/** Messages per detail chunk: a result shows two messages of a row, its first and latest match, and the rows shown are spread over time, so nearly every message shown is a chunk of its own. */
export const MESSAGE_CHUNK = 8;
/** A subject shard bigger than this is cut again at the next character, so a query fetches little. */
export const SHARD_BYTES = 16 * 1024;
/**
 * The same for the shards of per-message terms and Message-IDs, smaller: a query looks each of
 * its words up in the base and in `new/`, in each field its prefix reads, and wants one term of
 * each shard it reads.
 */
export const FIELD_SHARD_BYTES = 8 * 1024;
/** A per-message posting bigger than this is cut into one part per window of rows. */
export const PART_BYTES = 12 * 1024;
/** At most this many addresses of a message's To and of its Cc are indexed. */
export const MAX_ADDRESSES = 64;

const PERSON_FIELDS: readonly PersonField[] = ['f', 'to', 'cc'];
const BODY_FIELDS: readonly BodyField[] = ['b', 'q', 'dfn', 'dfhh'];

type Postings = Map<string, number[]>;

function post(postings: Postings, word: string, row: number): void {
  const rows = postings.get(word);
  if (!rows) postings.set(word, [row]);
  else if (rows.at(-1) !== row) rows.push(row);
}

/** A shard's JSON from terms and their JSON values, terms in code-unit order so the text never depends on the order they were met. */
function objectJson(entries: [string, string][]): string {
  const values = new Map(entries);
  // The default sort compares code units, natively.
  return `{${[...values.keys()].sort().map((word) => `${JSON.stringify(word)}:${values.get(word)}`).join(',')}}`;
}

/** A shard as `shardFiles` cuts it: its file, its two-character key, the characters its name stands for (postings.ts `keyHead`), its terms. */
type Shard = IndexFile & { top: string; head: string; terms: string[] };

/** Groups terms into shards by their first two characters, cutting big shards at three, four, … `maxLength`; each file with its two-character key. */
function shardFiles(folder: string, entries: [string, string][], maxLength = MAX_SHARD_LENGTH, fold = (term: string) => term, maxBytes = SHARD_BYTES): Shard[] {
  const files: Shard[] = [];
  const keyOf = (term: string, length: number) => shardKey(fold(term), length);
  // A shard's size, reckoned before it is written: its text is made only for the shards kept.
  const sizeOf = (group: [string, string][]) => group.reduce((sum, [term, value]) => sum + term.length + value.length + 4, 2);
  const place = (top: string, key: string, group: [string, string][], length: number): void => {
    const next = length + 1;
    const head = keyHead(fold(group[0]![0]), length);
    if (sizeOf(group) <= maxBytes || next > maxLength) {
      files.push({ path: `${folder}/${key}.json`, json: objectJson(group), top, head, terms: group.map(([term]) => term) });
      return;
    }
    const groups = Map.groupBy(group, ([word]) => keyOf(word, next));
    // Words too short for the longer key stay in this shard.
    const staying = groups.get(key) ?? [];
    groups.delete(key);
    if (staying.length > 0) files.push({ path: `${folder}/${key}.json`, json: objectJson(staying), top, head, terms: staying.map(([term]) => term) });
    for (const [longer, rest] of groups) place(top, longer, rest, next);
  };
  for (const [key, group] of Map.groupBy(entries, ([word]) => keyOf(word, 2))) place(key, key, group, 2);
  return files;
}

/** A shard this small is not a file of its own: it goes into its key's list (up to INLINE_LIST_BYTES of them), or into a pack. */
export const INLINE_BYTES = 2 * 1024;
export const INLINE_LIST_BYTES = 4 * 1024;

/**
 * Shards of a per-message field, by prefix as `shardFiles` cuts them, down to `maxLength`
 * characters, and what a lookup needs to find a term's: `<folder>/shards.json` is
 * `{own, dirs, packs}`, the two-character keys whose terms are one file (`<folder>/<key>.json`),
 * those cut further, and how many packs hold the keys with few terms (`<folder>/k/<n>.json`,
 * by FNV-1a of the key). A key cut further has `<folder>/s/<key>.json`: `{files, inline}`, the
 * shards under it that are files, as the characters their names stand for (`keyHead`, unescaped)
 * sorted and front-coded (postings.ts `frontCode`), and the terms of the small ones. A word typed out character
 * by character thus reads its key's list once and then a shard only where its terms are.
 */
function prefixTree(folder: string, entries: [string, string][], maxLength: number, fold = (term: string) => term): IndexFile[] {
  const entryOf = new Map(entries);
  const shards = shardFiles(folder, entries, maxLength, fold, FIELD_SHARD_BYTES);
  const files: IndexFile[] = [];
  const own: string[] = [];
  const dirs: string[] = [];
  const packed: [string, [string, string][]][] = [];
  for (const [top, under] of Map.groupBy(shards, (file) => file.top)) {
    const name = (file: IndexFile) => file.path.slice(folder.length + 1, -'.json'.length);
    if (under.length === 1 && name(under[0]!) === top) {
      if (under[0]!.json.length > INLINE_BYTES) {
        own.push(top);
        files.push(under[0]!);
      } else packed.push([top, under[0]!.terms.map((term) => [term, entryOf.get(term)!])]);
      continue;
    }
    dirs.push(top);
    // The smallest shards go inline, as long as the list stays small.
    let inlineBytes = 0;
    const inlined = new Set([...under].sort((a, b) => a.json.length - b.json.length || compareText(a.path, b.path)).filter((file) => {
      if (file.json.length > INLINE_BYTES || inlineBytes + file.json.length > INLINE_LIST_BYTES) return false;
      inlineBytes += file.json.length;
      return true;
    }));
    const big = under.filter((file) => !inlined.has(file));
    const inline = [...inlined].flatMap((file) => file.terms.map((term): [string, string] => [term, entryOf.get(term)!]));
    files.push({ path: `${folder}/s/${top}.json`, json: `{"files":${JSON.stringify(frontCode(big.map((file) => file.head).sort(compareText)))},"inline":${objectJson(inline)}}` }, ...big);
  }
  const packBytes = packed.reduce((sum, [, terms]) => sum + terms.reduce((bytes, [term, value]) => bytes + term.length + value.length + 4, 0), 0);
  const packs = packed.length === 0 ? 0 : bucketCount(packBytes, FIELD_SHARD_BYTES * 0.75);
  const byPack = Map.groupBy(packed, ([top]) => fnv(top) % packs);
  for (let n = 0; n < packs; n++) files.push({ path: `${folder}/k/${n}.json`, json: objectJson((byPack.get(n) ?? []).flatMap(([, terms]) => terms)) });
  const index = { own: own.sort(compareText), dirs: dirs.sort(compareText), packs };
  return [{ path: `${folder}/shards.json`, json: JSON.stringify(index) }, ...files.map(({ path, json }) => ({ path, json }))];
}

/** The fewest buckets, a power of two, that keep `bytes` near `target` each: it changes only when the index doubles or halves. */
function bucketCount(bytes: number, target: number): number {
  let buckets = 1;
  while (bytes / buckets > target) buckets *= 2;
  return buckets;
}

/** Word pairs, for phrases, are looked up whole, never by prefix: hashed buckets `p/<n>.json`. */
function pairBucketFiles(pairs: Postings): IndexFile[] {
  const entries = [...pairs].map(([pair, rows]): [string, string] => [pair, JSON.stringify(encodeRows(rows))]);
  const bytes = entries.reduce((sum, [word, value]) => sum + word.length + value.length + 4, 2);
  const buckets = bucketCount(bytes, SHARD_BYTES * 0.75);
  const groups = Map.groupBy(entries, ([pair]) => pairBucket(pair, buckets));
  return Array.from({ length: buckets }, (_, n) => ({ path: `p/${n}.json`, json: objectJson(groups.get(n) ?? []) }));
}

/** A row as the index stores it and a search returns it. */
export function toStoredRow(row: SearchRow): StoredRow {
  const { reviewed, acked, tested, nacked } = row.reviews;
  return [
    row.kind === 'series' ? 0 : 1, row.url, row.title, row.versions, row.author, row.date?.slice(0, 10) ?? '',
    row.patches?.present ?? 0, row.patches?.total ?? 0, row.replies, reviewed, acked, tested, nacked, row.readingUrl ?? '',
  ];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first, undated last; ties by `tie` so the numbering is stable. */
function byDate<T>(date: (item: T) => string | null, tie: (item: T) => string) {
  return (a: T, b: T): number => {
    const [x, y] = [date(a), date(b)];
    if (x !== y) return x === null ? 1 : y === null ? -1 : compareText(x, y);
    return compareText(tie(a), tie(b));
  };
}

/** `[month, first item of that month]` for each month with items, oldest first; undated items are not in any month. */
function monthStarts(dates: (string | null)[]): [string, number][] {
  const months: [string, number][] = [];
  dates.forEach((date, index) => {
    if (date !== null && months.at(-1)?.[0] !== date.slice(0, 7)) months.push([date.slice(0, 7), index]);
  });
  return months;
}

/** What a person is found by: each term of the name and of the address. */
function personTerms(address: Address, into: Set<string>): void {
  indexTerms(address.name, into);
  indexTerms(address.email, into);
}

/** A per-message posting being written (postings.ts `appendPair`), and where its rows enter each new window. */
interface WindowedPosting extends PostingState {
  /** The window of the last row written. */
  window: number;
  /** For each window met, four numbers: the window, where its entries start in `out`, and the decoding state there (last row, base). */
  cuts: number[];
}

function addToPosting(posting: WindowedPosting, row: number, message: number, windowRows: number): void {
  if (row !== posting.lastRow) {
    const window = Math.floor(row / windowRows);
    if (window !== posting.window) {
      posting.cuts.push(window, posting.out.length, posting.lastRow, posting.base);
      posting.window = window;
    }
  }
  appendPair(posting, row, message);
}

/** The name of a big posting's part files: the term's hash, made unique within its field in code-unit order of the terms. */
function partName(term: string, names: Set<string>): string {
  let name = fnv(term).toString(36);
  while (names.has(name)) name += 'x';
  names.add(name);
  return name;
}

/** A term's entry in its field: its posting's JSON, or, for a big posting, where its parts are, with the part files. */
function termEntry(folder: string, term: string, posting: WindowedPosting, names: Set<string>, parts: IndexFile[]): string {
  const json = JSON.stringify(posting.out);
  if (json.length <= PART_BYTES) return json;
  const name = partName(term, names);
  const windows: number[] = [];
  for (let cut = 0; cut < posting.cuts.length; cut += 4) {
    const [window, at, lastRow, base] = posting.cuts.slice(cut, cut + 4) as [number, number, number, number];
    const end = posting.cuts[cut + 5] ?? posting.out.length;
    windows.push(window);
    parts.push({ path: `${folder}/w/${name}-${window}.json`, json: JSON.stringify([lastRow, base, ...posting.out.slice(at, end)]) });
  }
  return JSON.stringify({ h: name, w: windows });
}

/** The JSON of each term of a field: its posting, or where its parts are, with the part files. */
function fieldEntries(folder: string, postings: Map<string, WindowedPosting>): { entries: [string, string][]; parts: IndexFile[] } {
  const entries: [string, string][] = [];
  const parts: IndexFile[] = [];
  const names = new Set<string>();
  // Terms in code-unit order, so that which of two terms with the same hash gets the longer name never depends on the mail's order.
  for (const term of [...postings.keys()].sort()) entries.push([term, termEntry(folder, term, postings.get(term)!, names, parts)]);
  return { entries, parts };
}

/** Day files `d/<year>.json`: where each day with mail begins, and the rows active on it that did not begin on it. */
function yearFiles(rowDays: string[], messageDays: string[], messageRows: number[]): { files: IndexFile[]; years: number[] } {
  const byYear = new Map<number, YearFile>();
  const activeOn = new Map<string, Set<number>>();
  messageDays.forEach((day, message) => {
    if (day === '') return;
    const row = messageRows[message]!;
    if (rowDays[row] !== day) {
      let rows = activeOn.get(day);
      if (!rows) activeOn.set(day, (rows = new Set()));
      rows.add(row);
    }
    const year = Number(day.slice(0, 4));
    let file = byYear.get(year);
    if (!file) byYear.set(year, (file = { days: [], messages: [], rows: [], late: [], end: [0, 0] }));
    if (file.days.at(-1) === day.slice(5)) return;
    file.days.push(day.slice(5));
    file.messages.push(message);
    // The first row begun on this day or later: rows are numbered by the day they began.
    let low = 0;
    let high = rowDays.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (rowDays[middle] !== '' && rowDays[middle]! < day) low = middle + 1;
      else high = middle;
    }
    file.rows.push(low);
  });
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const files = years.map((year, index) => {
    const file = byYear.get(year)!;
    file.late = file.days.map((day) => encodeRows([...(activeOn.get(`${year}-${day}`) ?? [])].sort((a, b) => a - b)));
    const next = byYear.get(years[index + 1]!);
    file.end = next ? [next.messages[0]!, next.rows[0]!] : [messageDays.filter((day) => day !== '').length, rowDays.filter((day) => day !== '').length];
    return { path: `d/${year}.json`, json: JSON.stringify(file) };
  });
  return { files, years };
}

/** A message as numbered: the message and its row. */
interface Placed {
  message: SearchMessage;
  row: number;
}

function emptyPosting(): WindowedPosting {
  return { out: [], lastRow: -1, base: 0, last: 0, window: -1, cuts: [] };
}

/**
 * The per-message fields (people and bodies) of some messages: their terms' postings, message
 * by message within each row, rows ascending.
 */
function fieldPostings(messagesOfRow: readonly number[][], placed: readonly Placed[], inPart: (id: number) => boolean, window: number, termsOf: (key: string) => MailTerms | null): Map<string, Map<string, WindowedPosting>> {
  const fields = new Map<string, Map<string, WindowedPosting>>([...PERSON_FIELDS, ...BODY_FIELDS].map((field) => [field, new Map()]));
  const add = (field: string, terms: Iterable<string>, row: number, message: number) => {
    const postings = fields.get(field)!;
    for (const term of terms) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = emptyPosting()));
      addToPosting(posting, row, message, window);
    }
  };
  // Addresses repeat from mail to mail: each is read once.
  const known = new Map<string, string[]>();
  const termsOfAddress = (address: Address): string[] => {
    const text = `${address.name}\0${address.email}`;
    let terms = known.get(text);
    if (!terms) {
      const set = new Set<string>();
      personTerms(address, set);
      known.set(text, (terms = [...set]));
    }
    return terms;
  };
  messagesOfRow.forEach((ids, row) => {
    for (const id of ids) {
      if (!inPart(id)) continue;
      const { message } = placed[id]!;
      add('f', termsOfAddress(message.from), row, id);
      for (const [field, addresses] of [['to', message.to], ['cc', message.cc]] as const) {
        add(field, addresses.length === 1 ? termsOfAddress(addresses[0]!) : new Set(addresses.slice(0, MAX_ADDRESSES).flatMap(termsOfAddress)), row, id);
      }
      const terms = termsOf(message.key);
      if (terms) for (const field of BODY_FIELDS) add(field, terms[field], row, id);
    }
  });
  return fields;
}

/** A field's files under `prefix`: its shards and the parts of its big postings. */
function fieldFiles(prefix: string, field: string, entries: [string, string][], parts: IndexFile[]): IndexFile[] {
  return [...prefixTree(`${prefix}${field}`, entries, BODY_SHARD_LENGTH), ...parts];
}

/** The per-message fields of some messages, under `prefix`, and each field's entries. */
function messageFieldFiles(prefix: string, fields: Map<string, Map<string, WindowedPosting>>): { files: IndexFile[]; entries: Record<string, [string, string][]> } {
  const files: IndexFile[] = [];
  const entriesOf: Record<string, [string, string][]> = {};
  for (const field of [...PERSON_FIELDS, ...BODY_FIELDS]) {
    const { entries, parts } = fieldEntries(`${prefix}${field}`, fields.get(field)!);
    files.push(...fieldFiles(prefix, field, entries, parts));
    entriesOf[field] = entries;
  }
  return { files, entries: entriesOf };
}

/**
 * The base of the per-message index is built from the oldest messages, a multiple of this many
 * dated messages, and kept (`BaseCache`) while they stay as they were; the messages after it are
 * indexed on every build, under `new/`, and a query reads both. So a rebuild after new mail
 * reads the terms of at most this many messages, and the base is built again once per this
 * many new messages (or when old mail is added, removed or renumbered).
 */
export const BASE_STEP = 2048;

/**
 * The code the base is made with, for its digest: the text of the functions that make it and
 * the bounds they use (a version number no one has to remember to change).
 */
function baseCode(): string {
  const functions = [
    fieldPostings, emptyPosting, messageFieldFiles, fieldFiles, fieldEntries, termEntry, partName, prefixTree, patchedBase, decodeEntry, decodePosting, peopleDigest, baseMessages, shardFiles, objectJson, addToPosting, appendPair, shardKey, keyHead, keyName, frontCode, fnv, bucketCount, personTerms,
    indexTerms, addTokenTerms, tokens, foldText,
  ];
  return `${functions.map(String).join('\n')}\n${JSON.stringify([BASE_STEP, PART_BYTES, FIELD_SHARD_BYTES, INLINE_BYTES, INLINE_LIST_BYTES, BODY_SHARD_LENGTH, MAX_ADDRESSES])}`;
}

/** What a kept base was made of, and each field's entries (`fieldEntries`): what it takes to patch it (`patchedBase`). */
export interface BaseEntries {
  /** The digest of the code it was made with (`baseCode`). */
  code: string;
  window: number;
  /** Each message of the base, by number: its body cache key, its row, and the digest of its people (From, To, Cc). */
  messages: [key: string, row: number, people: string][];
  /** Each field's terms in code-unit order, with their entries. */
  fields: Record<string, [string, string][]>;
}

/** A base as kept: its files and what it was made of. */
export interface KeptBase {
  files: IndexFile[];
  entries: BaseEntries;
}

/** Keeps the base of the per-message index between builds, by a digest of what it is made of. */
export interface BaseCache {
  /** The files of the base made from these inputs, or null. */
  get(digest: string): IndexFile[] | null;
  /**
   * Keeps a base made from these inputs; gives back its files read from where it is kept (so the
   * build need not hold their texts), or null when they are to be used as they are.
   */
  put(digest: string, files: IndexFile[], entries: BaseEntries): IndexFile[] | null;
  /** The base kept last, whatever it was made of, with the digest it was kept under; null when none is kept whole. */
  last(): (KeptBase & { digest: string }) | null;
  /** The body terms a message of the kept base was indexed with, by its key (its mail may have left the archive since); null when unknown. */
  keptTerms(key: string): MailTerms | null;
}

/** At most this many messages of a kept base whose bodies changed are patched into it; more, and the base is built again. */
const PATCH_LIMIT = 64;

function peopleDigest(message: SearchMessage): string {
  return hash('sha256', JSON.stringify([message.from, message.to, message.cc]), 'base64url').slice(0, 16);
}

function baseMessages(placed: readonly Placed[], baseEnd: number): BaseEntries['messages'] {
  return placed.slice(0, baseEnd).map(({ message, row }) => [message.key, row, peopleDigest(message)]);
}

/** A big posting's rows and messages from its part files, or a small one's from its entry; null when a part is not kept. */
function decodeEntry(folder: string, entry: string, files: ReadonlyMap<string, IndexFile>): Map<number, number[]> | null {
  if (!entry.startsWith('{')) return decodePosting(JSON.parse(entry) as number[]);
  const { h, w } = JSON.parse(entry) as { h: string; w: number[] };
  const out: number[] = [];
  for (const window of w) {
    const part = files.get(`${folder}/w/${h}-${window}.json`);
    if (!part) return null;
    out.push(...(JSON.parse(part.json) as number[]).slice(2));
  }
  return decodePosting(out);
}

/**
 * The kept base with the bodies of a few of its messages changed, as a build from nothing makes
 * it: every message in the same place with the same people, only some bodies (keys) changed,
 * and the terms each changed message was indexed with still known. Each such message leaves the
 * postings of the terms it had and joins those of the terms it has; every other term keeps its
 * entry, and a field none of them touches keeps its files. Null when the base must be built again.
 */
function patchedBase(kept: KeptBase, placed: readonly Placed[], baseEnd: number, window: number, code: string, termsOf: (key: string) => MailTerms | null, keptTerms: BaseCache['keptTerms']): KeptBase | null {
  const { entries } = kept;
  if (entries.code !== code || entries.window !== window || entries.messages.length !== baseEnd) return null;
  const messages = baseMessages(placed, baseEnd);
  const changed: number[] = [];
  for (let id = 0; id < baseEnd; id++) {
    const [key, row, people] = entries.messages[id]!;
    if (row !== messages[id]![1] || people !== messages[id]![2]) return null;
    if (key !== messages[id]![0]) changed.push(id);
  }
  if (changed.length === 0 || changed.length > PATCH_LIMIT) return null;
  // For each body field and term: the changed messages that hold it now (true) or no longer (false).
  const edits = new Map<string, Map<string, [id: number, holds: boolean][]>>(BODY_FIELDS.map((field) => [field, new Map()]));
  for (const id of changed) {
    const before = keptTerms(entries.messages[id]![0]);
    if (!before) return null;
    const after = termsOf(messages[id]![0]);
    for (const field of BODY_FIELDS) {
      const holds = new Map<string, boolean>();
      for (const term of before[field]) holds.set(term, false);
      for (const term of after?.[field] ?? []) holds.set(term, true);
      const fieldEdits = edits.get(field)!;
      for (const [term, now] of holds) {
        const list = fieldEdits.get(term);
        if (list) list.push([id, now]);
        else fieldEdits.set(term, [[id, now]]);
      }
    }
  }
  const keptFiles = new Map(kept.files.map((file) => [file.path, file]));
  const files: IndexFile[] = [];
  const fields: BaseEntries['fields'] = {};
  for (const field of [...PERSON_FIELDS, ...BODY_FIELDS]) {
    const fieldEdits = edits.get(field);
    const old = entries.fields[field] ?? [];
    if (!fieldEdits || fieldEdits.size === 0) {
      files.push(...kept.files.filter((file) => file.path.startsWith(`${field}/`)));
      fields[field] = old;
      continue;
    }
    const entryOf = new Map(old);
    const names = new Set<string>();
    const parts: IndexFile[] = [];
    const next: [string, string][] = [];
    for (const term of [...new Set([...entryOf.keys(), ...fieldEdits.keys()])].sort()) {
      const entry = entryOf.get(term);
      const termEdits = fieldEdits.get(term);
      if (!termEdits) {
        // Its entry stays, and a big posting's parts too, under the name a build from nothing gives it.
        if (entry!.startsWith('{')) {
          const { h, w } = JSON.parse(entry!) as { h: string; w: number[] };
          if (partName(term, names) !== h) return null;
          for (const part of w) {
            const file = keptFiles.get(`${field}/w/${h}-${part}.json`);
            if (!file) return null;
            parts.push(file);
          }
        }
        next.push([term, entry!]);
        continue;
      }
      const rows = entry === undefined ? new Map<number, number[]>() : decodeEntry(field, entry, keptFiles);
      if (!rows) return null;
      for (const [id, holds] of termEdits) {
        const row = messages[id]![1];
        const list = (rows.get(row) ?? []).filter((message) => message !== id);
        if (holds) list.push(id);
        if (list.length > 0) rows.set(row, list.sort((a, b) => a - b));
        else rows.delete(row);
      }
      if (rows.size === 0) continue;
      const posting = emptyPosting();
      for (const row of [...rows.keys()].sort((a, b) => a - b)) for (const id of rows.get(row)!) addToPosting(posting, row, id, window);
      next.push([term, termEntry(field, term, posting, names, parts)]);
    }
    files.push(...fieldFiles('', field, next, parts));
    fields[field] = next;
  }
  return { files, entries: { code, window, messages, fields } };
}

/**
 * Builds every file of the index for these rows. `termsOf` gives a message's body terms by its
 * body cache key (null: none known, the message is found by its headers only). `cache` keeps
 * the base of the per-message index.
 */
export function buildSearchIndex(input: readonly SearchRow[], termsOf: (key: string) => MailTerms | null = () => null, cache: BaseCache | null = null): IndexFile[] {
  const rows = [...input].sort(byDate((row) => row.date, (row) => row.url));

  // Messages by date; each row's messages ascending.
  const placed: Placed[] = [];
  rows.forEach((row, id) => {
    for (const message of row.messages) placed.push({ message, row: id });
  });
  placed.sort(byDate(({ message }) => message.date, ({ message }) => message.id));
  const messagesOfRow = rows.map((): number[] => []);
  placed.forEach(({ row }, id) => messagesOfRow[row]!.push(id));
  const datedMessages = placed.filter(({ message }) => message.date !== null).length;

  // The base: the oldest messages, a multiple of BASE_STEP; its windows are cut for the rows it reaches.
  const baseEnd = Math.floor(datedMessages / BASE_STEP) * BASE_STEP;
  const baseRows = placed.slice(0, baseEnd).reduce((most, { row }) => Math.max(most, row + 1), 0);
  const window = Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, baseRows / 16))));
  const digest = createHash('sha256').update(`${baseCode()}\0${baseEnd}\0${window}\n`);
  for (let id = 0; id < baseEnd; id++) digest.update(`${placed[id]!.message.key}\0${placed[id]!.row}\n`);
  const baseDigest = digest.digest('hex');
  let base = cache?.get(baseDigest) ?? null;
  if (!base) {
    const code = createHash('sha256').update(baseCode()).digest('hex');
    const last = cache?.last();
    let made = last ? patchedBase(last, placed, baseEnd, window, code, termsOf, cache!.keptTerms) : null;
    if (!made) {
      const { files, entries } = messageFieldFiles('', fieldPostings(messagesOfRow, placed, (id) => id < baseEnd, window, termsOf));
      made = { files, entries: { code, window, messages: baseMessages(placed, baseEnd), fields: entries } };
    }
    base = cache?.put(baseDigest, made.files, made.entries) ?? made.files;
  }
  const files: IndexFile[] = [...base, ...messageFieldFiles('new/', fieldPostings(messagesOfRow, placed, (id) => id >= baseEnd, window, termsOf)).files];

  // Subjects, per row.
  const subjects: Postings = new Map();
  const pairs: Postings = new Map();
  rows.forEach((row, id) => {
    for (const subject of new Set(row.subjects.map(stripReplyPrefixes))) {
      for (const term of indexTerms(subject)) post(subjects, term, id);
      for (const pair of wordPairs(words(subject))) post(pairs, pair, id);
    }
    for (const term of indexTerms(row.title)) post(subjects, `${TITLE_MARK}${term}`, id);
  });
  const shardNames = (list: IndexFile[], folder: string) => list.map((file) => file.path.slice(folder.length + 1, -'.json'.length)).sort();
  const subjectFiles = shardFiles('t', [...subjects].map(([term, list]) => [term, JSON.stringify(encodeRows(list))])).map(({ path, json }) => ({ path, json }));
  const windowLast: number[] = [];
  messagesOfRow.forEach((ids, row) => {
    const w = Math.floor(row / window);
    windowLast[w] = Math.max(windowLast[w] ?? 0, ids.at(-1) ?? 0);
  });
  const fieldsManifest: FieldsManifest = { messageChunk: MESSAGE_CHUNK, window, base: baseEnd, windowLast: Array.from(windowLast, (last) => last ?? 0) };

  // Messages: details, Message-IDs, days.
  for (let start = 0; start < placed.length; start += MESSAGE_CHUNK) {
    const chunk = placed.slice(start, start + MESSAGE_CHUNK).map(({ message }): StoredMessage => [message.url.slice(3, -1), message.date?.slice(0, 10) ?? '', message.from.name || message.from.email]);
    files.push({ path: `m/${start / MESSAGE_CHUNK}.json`, json: JSON.stringify(chunk) });
  }
  // Message-IDs by the beginning of the id folded to lower case, so an id typed out character by character reads few shards.
  const ids = placed.map(({ message }): [string, string] => [message.id, JSON.stringify(message.url === `/m/${message.id}/` ? 0 : message.url.slice(3, -1))]);
  files.push(...prefixTree('id', ids, ID_SHARD_LENGTH, (id) => id.toLowerCase()));
  const rowDays = rows.map((row) => row.date?.slice(0, 10) ?? '');
  const days = yearFiles(rowDays, placed.map(({ message }) => message.date?.slice(0, 10) ?? ''), placed.map(({ row }) => row));
  files.push(...days.files);

  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    files.push({ path: `r/${start / CHUNK_ROWS}.json`, json: JSON.stringify(rows.slice(start, start + CHUNK_ROWS).map(toStoredRow)) });
  }
  const pairFiles = pairBucketFiles(pairs);
  const manifest: SearchManifest = {
    version: 2,
    rows: rows.length,
    chunk: CHUNK_ROWS,
    subjectShards: shardNames(subjectFiles, 't'),
    pairBuckets: pairFiles.length,
    months: monthStarts(rows.map((row) => row.date)),
    datedRows: rows.filter((row) => row.date !== null).length,
    messages: placed.length,
    datedMessages: placed.filter(({ message }) => message.date !== null).length,
    messageMonths: monthStarts(placed.map(({ message }) => message.date)),
    years: days.years,
  };
  return [
    { path: 'manifest.json', json: JSON.stringify(manifest) },
    { path: 'fields.json', json: JSON.stringify(fieldsManifest) },
    ...subjectFiles,
    ...pairFiles,
    ...files,
  ];
}
