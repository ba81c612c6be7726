/**
 * Runs a query against the static index, fetching only what it needs: the manifest once, the
 * shards of the query's subject words and the chunks of the rows it shows; for per-message
 * terms also `fields.json`, the shards or buckets of their words, the parts of big postings
 * window by window (newest first, until enough rows are found), and the detail chunks of the
 * messages it shows. Runs in the browser and in tests alike; `fetchJson` is the only way it
 * reads files.
 */
import type { MessageTerm, SearchQuery, SubjectTerm } from './query.ts';
import { BODY_SHARD_LENGTH, decodePosting, decodeRows, fnv, frontDecode, ID_SHARD_LENGTH, keyHead, keyName, pairBucket, shardFor, shardKey, type PartStart } from './postings.ts';
import { TITLE_MARK, wordPairs, words } from './tokenize.ts';
import type { FieldsManifest, MessageField, PostingEntry, SearchManifest, StoredMessage, StoredRow, YearFile } from './types.ts';

export type FetchJson = (path: string) => Promise<unknown>;

type Shard = Record<string, number[]>;
type FieldShard = Record<string, PostingEntry>;
/** Rows and, for each, the messages that match, ascending. */
type RowMessages = Map<number, number[]>;

/** A message a result shows: its page, day and sender. */
export interface MessageView {
  url: string;
  day: string;
  sender: string;
}

export interface ResultRow {
  row: StoredRow;
  /**
   * For per-message terms: how many of the row's messages match, and the numbers of the first
   * and latest of them (`messageViews` gives their pages, days and senders).
   */
  match: { count: number; first: number; latest: number } | null;
}

export interface SearchResult {
  /** Rows matching every term. */
  total: number;
  /** True when the newest windows gave enough rows and older ones were not read: at least `total` rows match. */
  partial: boolean;
  rows: ResultRow[];
  /** Words read as part of a name rather than a subject (`f:Lee Jones`), as `jones → f:`. */
  joined: string[];
  /** For `m:`: the message's page, or null when the archive does not hold it; undefined for other queries. */
  message?: string | null;
  /** When no subject held the words and they were looked for in messages instead: the prefixes used. */
  fallback?: string;
}

/** The rows a subject term matched, those it matched as a whole word, and those whose title it matched. */
interface Match {
  rows: Set<number>;
  whole: Set<number>;
  title: Set<number>;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((row) => large.has(row)));
}

/** Two ascending lists' common values. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/** Two ascending lists' values, once each, ascending. */
function unionSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.at(-1) !== next) out.push(next);
  }
  return out;
}

function unionInto(target: RowMessages, source: RowMessages): void {
  for (const [row, messages] of source) {
    const known = target.get(row);
    target.set(row, known ? unionSorted(known, messages) : messages);
  }
}

function intersectRows(a: RowMessages, b: RowMessages): RowMessages {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: RowMessages = new Map();
  for (const [row, messages] of small) {
    const other = large.get(row);
    if (!other) continue;
    const both = intersectSorted(messages, other);
    if (both.length > 0) out.set(row, both);
  }
  return out;
}

/** Where a word of a per-message term is held: a whole posting, or the windows of a big one. */
type Leaf = { field: MessageField; whole: RowMessages } | { field: MessageField; parts: string; windows: Set<number> };

/** A per-message term resolved: for each of its words, the leaves any of which may hold it. */
type ResolvedTerm = Leaf[][];

/** A field's two-character keys: those that are one file, those cut further, and how many packs hold the rest. */
interface TopKeys {
  own: Set<string>;
  dirs: Set<string>;
  packs: number;
}

/** A key cut further: the `keyHead`s of the shard files under it, and the terms of its small shards. */
interface KeyList {
  heads: Set<string>;
  inline: FieldShard;
}

/**
 * A subject query of identifiers, paths or addresses that no subject holds (`pca963x_led_mc_set`,
 * `leds-pca963x.c`, `pavel@ucw.cz`) is looked for in the messages: their own text, file names
 * and hunk headers, and for addresses their people.
 */
function textFallback(query: SearchQuery): { query: SearchQuery; label: string } | null {
  if (query.messages.length > 0 || query.from || query.to || query.messageId !== null || query.subject.length === 0) return null;
  if (query.subject.some((term) => term.phrase) || !query.subject.some((term) => /[._/@-]/.test(term.words[0]!))) return null;
  const address = query.subject.some((term) => term.words[0]!.includes('@'));
  const fields: readonly MessageField[] = address ? ['f', 'to', 'cc', 'b'] : ['b', 'dfn', 'dfhh'];
  // One-letter words are not looked for in messages, as after a prefix (query.ts).
  const terms = query.subject.filter((term) => [...term.words[0]!].length > 1);
  return {
    query: { ...query, subject: [], messages: terms.map((term) => ({ prefix: 'b:', fields, words: term.words, people: false })) },
    label: address ? 'a:, b:' : 'b:, dfn:, dfhh:',
  };
}

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #files = new Map<string, Promise<unknown>>();
  #shards: Set<string> | undefined;
  readonly #made = new Map<string, Promise<unknown>>();

  constructor(fetchJson: FetchJson) {
    this.#fetchJson = fetchJson;
  }

  #load<T>(path: string): Promise<T> {
    let file = this.#files.get(path);
    if (!file) {
      file = this.#fetchJson(path);
      this.#files.set(path, file);
      file.catch(() => this.#files.delete(path));
    }
    return file as Promise<T>;
  }

  manifest(): Promise<SearchManifest> {
    return this.#load<SearchManifest>('manifest.json');
  }

  fields(): Promise<FieldsManifest> {
    return this.#load<FieldsManifest>('fields.json');
  }

  async #shard(word: string): Promise<Shard> {
    const manifest = await this.manifest();
    this.#shards ??= new Set(manifest.subjectShards);
    const name = shardFor(word, this.#shards);
    return this.#shards.has(name) ? this.#load<Shard>(`t/${name}.json`) : {};
  }

  /** Rows with `word` as a whole term, rows with a term that starts with it, and rows whose title has either. */
  async #matchWord(word: string): Promise<Match> {
    const shard = await this.#shard(word);
    const whole = new Set(decodeRows(shard[word] ?? []));
    const rows = new Set(whole);
    const title = new Set(decodeRows(shard[`${TITLE_MARK}${word}`] ?? []));
    // One-letter words match whole only: as prefixes they would match nearly everything.
    if ([...word].length > 1) {
      for (const [key, list] of Object.entries(shard)) {
        if (key === word) continue;
        const target = key.startsWith(TITLE_MARK) ? title : rows;
        if (key.startsWith(word) || key.startsWith(`${TITLE_MARK}${word}`)) for (const row of decodeRows(list)) target.add(row);
      }
    }
    return { rows, whole, title };
  }

  /** Rows whose subjects hold every adjacent pair of the phrase. */
  async #matchPhrase(term: SubjectTerm): Promise<Match> {
    const { pairBuckets } = await this.manifest();
    const pairs = await Promise.all(
      wordPairs(term.words).map(async (pair) => {
        const bucket = await this.#load<Shard>(`p/${pairBucket(pair, pairBuckets)}.json`);
        return new Set(decodeRows(bucket[pair] ?? []));
      }),
    );
    const rows = pairs.reduce(intersect);
    return { rows, whole: rows, title: new Set() };
  }

  #subjectMatch(term: SubjectTerm): Promise<Match> {
    return term.phrase ? this.#matchPhrase(term) : this.#matchWord(term.words[0]!);
  }

  // ------------------------------------------------------------------ dates

  async #yearFile(year: number): Promise<YearFile | null> {
    const { years } = await this.manifest();
    return years.includes(year) ? this.#load<YearFile>(`d/${year}.json`) : null;
  }

  /** The first message and the first row on `day` or later (both numbered by date). */
  async #firstOnOrAfter(day: string): Promise<{ message: number; row: number }> {
    const manifest = await this.manifest();
    const month = day.slice(0, 7);
    const byMonth = (months: [string, number][], end: number) => months.find(([m]) => m >= month)?.[1] ?? end;
    const file = day.endsWith('-01') ? null : await this.#yearFile(Number(day.slice(0, 4)));
    if (!file) return { message: byMonth(manifest.messageMonths, manifest.datedMessages), row: byMonth(manifest.months, manifest.datedRows) };
    const index = file.days.findIndex((d) => d >= day.slice(5));
    return index === -1 ? { message: file.end[0], row: file.end[1] } : { message: file.messages[index]!, row: file.rows[index]! };
  }

  static #dayAfter(day: string): string {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  }

  /** The messages and rows a date range allows, as `[first, end)` of each numbering. */
  async #dateBounds(query: SearchQuery): Promise<{ messages: [number, number]; rows: [number, number] }> {
    const manifest = await this.manifest();
    const [low, high] = await Promise.all([
      query.from ? this.#firstOnOrAfter(query.from) : { message: 0, row: 0 },
      query.to ? this.#firstOnOrAfter(SearchEngine.#dayAfter(query.to)) : { message: manifest.datedMessages, row: manifest.datedRows },
    ]);
    return { messages: [low.message, high.message], rows: [low.row, high.row] };
  }

  /**
   * Rows with a message in the range: those begun in it, and those begun before it with mail on
   * one of its days (from the day files; an open start needs none, every row begun before the
   * end has its first message in the range).
   */
  async #rowsInDates(query: SearchQuery, bounds: [number, number]): Promise<Set<number>> {
    const rows = new Set<number>();
    for (let row = bounds[0]; row < bounds[1]; row++) rows.add(row);
    if (!query.from) return rows;
    const { years } = await this.manifest();
    const [fromYear, toYear] = [Number(query.from.slice(0, 4)), query.to ? Number(query.to.slice(0, 4)) : Infinity];
    const files = await Promise.all(years.filter((year) => year >= fromYear && year <= toYear).map(async (year) => [year, (await this.#yearFile(year))!] as const));
    for (const [year, file] of files) {
      file.days.forEach((day, index) => {
        const date = `${year}-${day}`;
        if (date >= query.from! && (!query.to || date <= query.to)) for (const row of decodeRows(file.late[index]!)) rows.add(row);
      });
    }
    return rows;
  }

  // ------------------------------------------------------------------ per-message terms

  /** A file read once and kept as `make` makes it, as `#load` keeps what it reads. */
  #derived<F, T>(path: string, make: (file: F) => T): Promise<T> {
    let value = this.#made.get(path) as Promise<T> | undefined;
    if (!value) {
      value = this.#load<F>(path).then(make);
      this.#made.set(path, value);
      value.catch(() => this.#made.delete(path));
    }
    return value;
  }

  /** Where a folder's two-character keys are (`<folder>/shards.json`, build-index.ts `prefixTree`). */
  #topKeys(folder: string): Promise<TopKeys> {
    return this.#derived(`${folder}/shards.json`, ({ own, dirs, packs }: { own: string[]; dirs: string[]; packs: number }) => ({ own: new Set(own), dirs: new Set(dirs), packs }));
  }

  /** A key's list (`<folder>/s/<key>.json`): what the names of the shard files under it stand for (front-coded `keyHead`s), and its small shards' terms. */
  #keyList(folder: string, top: string): Promise<KeyList> {
    return this.#derived(`${folder}/s/${top}.json`, ({ files, inline }: { files: (number | string)[]; inline: FieldShard }) => ({ heads: new Set(frontDecode(files)), inline }));
  }

  /** The terms near `word` in a folder of per-message terms or Message-IDs, its own among them if the folder has it. */
  async #fieldShard(folder: string, word: string): Promise<FieldShard> {
    const top = shardKey(word);
    const { own, dirs, packs } = await this.#topKeys(folder);
    if (own.has(top)) return this.#load<FieldShard>(`${folder}/${top}.json`);
    if (dirs.has(top)) {
      const dir = await this.#keyList(folder, top);
      if (word in dir.inline) return dir.inline;
      // The longest of the shards' keys that `word` begins with.
      for (let length = Math.min([...word].length, folder === 'id' ? ID_SHARD_LENGTH : BODY_SHARD_LENGTH); length >= 2; length--) {
        const head = keyHead(word, length);
        if (dir.heads.has(head)) return this.#load<FieldShard>(`${folder}/${keyName(head)}.json`);
      }
      return {};
    }
    return packs === 0 ? {} : this.#load<FieldShard>(`${folder}/k/${fnv(top) % packs}.json`);
  }

  /** Where one word of a per-message term is held in one field, in the base and in the newest messages: postings, or the windows of parts. */
  async #leaves(field: MessageField, word: string): Promise<Leaf[]> {
    const found = await Promise.all(
      ['', 'new/'].map(async (part): Promise<Leaf | null> => {
        const folder = `${part}${field}`;
        const entry = (await this.#fieldShard(folder, word))[word];
        if (entry === undefined) return null;
        if (Array.isArray(entry)) return { field, whole: decodePosting(entry) };
        return { field, parts: `${folder}/w/${entry.h}`, windows: new Set(entry.w) };
      }),
    );
    return found.filter((leaf) => leaf !== null);
  }

  async #resolve(term: MessageTerm): Promise<ResolvedTerm> {
    return Promise.all(term.words.map(async (word) => (await Promise.all(term.fields.map((field) => this.#leaves(field, word)))).flat()));
  }

  /** The windows a term's messages can be in. */
  static #termWindows(term: ResolvedTerm, window: number): Set<number> {
    const perWord = term.map((leaves) => {
      const windows = new Set<number>();
      for (const leaf of leaves) {
        if ('whole' in leaf) for (const row of leaf.whole.keys()) windows.add(Math.floor(row / window));
        else for (const w of leaf.windows) windows.add(w);
      }
      return windows;
    });
    return perWord.reduce(intersect);
  }

  /** The rows and messages matching every term in the windows given (all when null). */
  async #evaluate(terms: ResolvedTerm[], windows: number[] | null, window: number): Promise<RowMessages> {
    const inWindows = windows && new Set(windows);
    const leafRows = async (leaf: Leaf): Promise<RowMessages> => {
      if ('whole' in leaf) {
        if (!inWindows) return leaf.whole;
        const out: RowMessages = new Map();
        for (const [row, messages] of leaf.whole) if (inWindows.has(Math.floor(row / window))) out.set(row, messages);
        return out;
      }
      const out: RowMessages = new Map();
      const wanted = [...leaf.windows].filter((w) => !inWindows || inWindows.has(w));
      const parts = await Promise.all(wanted.map((w) => this.#load<number[]>(`${leaf.parts}-${w}.json`)));
      for (const part of parts) unionInto(out, decodePosting(part.slice(2), part.slice(0, 2) as PartStart));
      return out;
    };
    let result: RowMessages | null = null;
    for (const term of terms) {
      for (const leaves of term) {
        const maps = await Promise.all(leaves.map(leafRows));
        const union: RowMessages = new Map();
        for (const map of maps) unionInto(union, map);
        result = result ? intersectRows(result, union) : union;
        if (result.size === 0) return result;
      }
    }
    return result ?? new Map();
  }

  /** Whether any message matches a per-message term: windows are read newest first until one does. */
  async #anyMessage(term: MessageTerm): Promise<boolean> {
    const resolved = await this.#resolve(term);
    if (resolved.some((leaves) => leaves.length === 0)) return false;
    const { window } = await this.fields();
    if (!resolved.some((leaves) => leaves.some((leaf) => 'parts' in leaf))) return (await this.#evaluate([resolved], null, window)).size > 0;
    for (const w of [...SearchEngine.#termWindows(resolved, window)].sort((a, b) => b - a)) {
      if ((await this.#evaluate([resolved], [w], window)).size > 0) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ details

  async #chunkRows(ids: number[]): Promise<Map<number, StoredRow>> {
    const { chunk } = await this.manifest();
    const chunks = [...new Set(ids.map((id) => Math.floor(id / chunk)))];
    const loaded = await Promise.all(chunks.map((n) => this.#load<StoredRow[]>(`r/${n}.json`)));
    const rows = new Map<number, StoredRow>();
    chunks.forEach((n, index) => loaded[index]!.forEach((row, offset) => rows.set(n * chunk + offset, row)));
    return rows;
  }

  /** The page, day and sender of messages by number: a result's first and latest matching messages. */
  async messageViews(ids: number[]): Promise<Map<number, MessageView>> {
    const { messageChunk } = await this.fields();
    const chunks = [...new Set(ids.map((id) => Math.floor(id / messageChunk)))];
    const loaded = await Promise.all(chunks.map((n) => this.#load<StoredMessage[]>(`m/${n}.json`)));
    const views = new Map<number, MessageView>();
    chunks.forEach((n, index) =>
      loaded[index]!.forEach(([slug, day, sender], offset) => views.set(n * messageChunk + offset, { url: `/m/${slug}/`, day, sender })),
    );
    return views;
  }

  /** The page of a message by its Message-ID (exactly, else ignoring case), or null when the archive does not hold it. */
  async messagePage(messageId: string): Promise<string | null> {
    const shard = (await this.#fieldShard('id', messageId.toLowerCase())) as unknown as Record<string, string | 0>;
    const found = messageId in shard ? messageId : Object.keys(shard).find((id) => id.toLowerCase() === messageId.toLowerCase());
    if (found === undefined) return null;
    const slug = shard[found]!;
    return `/m/${slug === 0 ? found : slug}/`;
  }

  // ------------------------------------------------------------------ search

  /**
   * The best `limit` rows: for subject terms an exact title first, then title matches, whole
   * words before prefixes; then, with per-message terms, the row whose latest matching message
   * is newest, else the newest row.
   */
  async search(query: SearchQuery, limit = 20): Promise<SearchResult> {
    const result = await this.#search(query, limit);
    const fallback = result.total === 0 ? textFallback(query) : null;
    if (!fallback) return result;
    // A pasted Message-ID without its brackets.
    const [only] = query.subject;
    if (query.subject.length === 1 && only!.words[0]!.includes('@')) {
      const page = await this.messagePage(only!.words[0]!);
      if (page) return { ...result, message: page };
    }
    const found = await this.#search(fallback.query, limit);
    return found.total === 0 ? result : { ...found, fallback: fallback.label };
  }

  async #search(query: SearchQuery, limit: number): Promise<SearchResult> {
    if (query.messageId !== null) return { total: 0, partial: false, rows: [], joined: [], message: await this.messagePage(query.messageId) };
    const messageTerms = query.messages.map((term) => ({ ...term, words: [...term.words] }));
    let subjectTerms = query.subject;
    let matches = await Promise.all(subjectTerms.map((term) => this.#subjectMatch(term)));
    // `f:Lee Jones`: bare words right after a people term that match no subject are the rest of its name.
    const joined: string[] = [];
    const keep = subjectTerms.map(() => true);
    // A word joins the name when some message holds it with the name's other words in that field (a sender
    // named Lee Jones); once one does not, it and the words after it stay subject words.
    const closed = new Set<number>();
    for (const [index, term] of subjectTerms.entries()) {
      if (term.joins === undefined || closed.has(term.joins)) continue;
      const person = messageTerms[term.joins]!;
      const candidate = { ...person, words: [...person.words, term.words[0]!] };
      if (!(await this.#anyMessage(candidate))) {
        closed.add(term.joins);
        continue;
      }
      keep[index] = false;
      person.words.push(term.words[0]!);
      joined.push(`${term.words[0]} → ${person.prefix}`);
    }
    subjectTerms = subjectTerms.filter((_, index) => keep[index]);
    matches = matches.filter((_, index) => keep[index]);

    const hasDates = query.from !== null || query.to !== null;
    if (matches.length === 0 && messageTerms.length === 0 && !hasDates) return { total: 0, partial: false, rows: [], joined };
    const bounds = hasDates ? await this.#dateBounds(query) : null;

    // Rows the subject terms (and, without per-message terms, the dates) allow; null: any row.
    let allowed: Set<number> | null = matches.length > 0 ? matches.map((match) => match.rows).reduce(intersect) : null;
    if (bounds && messageTerms.length === 0) {
      const dated = await this.#rowsInDates(query, bounds.rows);
      allowed = allowed ? intersect(allowed, dated) : dated;
    }

    let found: RowMessages | null = null;
    let partial = false;
    if (messageTerms.length > 0) {
      const fields = await this.fields();
      const resolved = await Promise.all(messageTerms.map((term) => this.#resolve(term)));
      const inRange = (messages: number[]) => (bounds ? messages.filter((m) => m >= bounds.messages[0] && m < bounds.messages[1]) : messages);
      const keepRow = (row: number) => !allowed || allowed.has(row);
      const collect = (into: RowMessages, rows: RowMessages) => {
        for (const [row, messages] of rows) {
          if (!keepRow(row)) continue;
          const kept = inRange(messages);
          if (kept.length > 0) into.set(row, kept);
        }
      };
      found = new Map();
      const isParted = resolved.some((term) => term.some((leaves) => leaves.some((leaf) => 'parts' in leaf)));
      if (!isParted) {
        collect(found, await this.#evaluate(resolved, null, fields.window));
      } else {
        // Big postings are read window by window, newest first, until enough rows are found.
        let windows = resolved.map((term) => SearchEngine.#termWindows(term, fields.window)).reduce(intersect);
        if (allowed) windows = intersect(windows, new Set([...allowed].map((row) => Math.floor(row / fields.window))));
        // Rows begun after the range have no message in it, nor do windows whose latest message is before it.
        if (bounds && query.to) windows = new Set([...windows].filter((w) => w * fields.window < bounds.rows[1]));
        if (bounds && query.from) windows = new Set([...windows].filter((w) => (fields.windowLast[w] ?? Infinity) >= bounds.messages[0]));
        const order = [...windows].sort((a, b) => b - a);
        for (let index = 0; index < order.length; index++) {
          collect(found, await this.#evaluate(resolved, [order[index]!], fields.window));
          if (found.size >= limit && index + 1 < order.length) {
            partial = true;
            break;
          }
        }
      }
    }

    const candidates = found ? [...found.keys()] : [...(allowed ?? [])];
    // Rank: terms found in the title, then terms matched as whole words, then newer.
    const rank = new Map(
      candidates.map((row) => {
        const outsideTitle = matches.filter((match) => !match.title.has(row)).length;
        const prefixOnly = matches.filter((match) => !match.whole.has(row)).length;
        return [row, outsideTitle * 100 + prefixOnly];
      }),
    );
    const newest = (row: number) => (found ? found.get(row)!.at(-1)! : row);
    candidates.sort((a, b) => rank.get(a)! - rank.get(b)! || newest(b) - newest(a) || b - a);
    const shown = candidates.slice(0, limit);
    const details = await this.#chunkRows(shown);
    const wanted = subjectTerms.flatMap((term) => (term.phrase ? term.words : words(term.words[0]!))).join(' ');
    const exact = (row: StoredRow) => (wanted !== '' && words(row[2]).join(' ') === wanted ? 0 : 1);
    const rows = shown.map((id): ResultRow => {
      const list = found?.get(id);
      return {
        row: details.get(id)!,
        match: list ? { count: list.length, first: list[0]!, latest: list.at(-1)! } : null,
      };
    });
    rows.sort((a, b) => exact(a.row) - exact(b.row));
    return { total: candidates.length, partial, rows, joined };
  }
}
