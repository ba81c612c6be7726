/**
 * Runs a query against the static index, fetching only what it needs: the manifest once,
 * the shards of the query's words, and the detail chunks of the rows it returns. Runs in
 * the browser and in tests alike; `fetchJson` is the only way it reads files.
 */
import type { SearchQuery, SubjectTerm } from './query.ts';
import { decodeRows, pairBucket, shardFor, TITLE_MARK, wordPairs, words } from './tokenize.ts';
import type { SearchManifest, StoredRow } from './types.ts';

export type FetchJson = (path: string) => Promise<unknown>;

type Shard = Record<string, number[]>;

export interface SearchResult {
  /** Rows matching every term, before the date's day precision is applied at the edges. */
  total: number;
  rows: StoredRow[];
}

/** The rows a term matched, those it matched as a whole word, and those whose title it matched. */
interface Match {
  rows: Set<number>;
  whole: Set<number>;
  title: Set<number>;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((row) => large.has(row)));
}

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #files = new Map<string, Promise<unknown>>();
  #shards: { t: Set<string>; f: Set<string> } | undefined;

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

  async #shard(folder: 't' | 'f', word: string): Promise<Shard> {
    const manifest = await this.manifest();
    this.#shards ??= { t: new Set(manifest.subjectShards), f: new Set(manifest.peopleShards) };
    const present = this.#shards[folder];
    const name = shardFor(word, present);
    return present.has(name) ? this.#load<Shard>(`${folder}/${name}.json`) : {};
  }

  /** Rows with `word` as a whole word, rows with a word that starts with it, and rows whose title has either. */
  async #matchWord(folder: 't' | 'f', word: string): Promise<Match> {
    const shard = await this.#shard(folder, word);
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

  /** The row numbers a date range allows, `[first, end)`, to month precision (rows are newest first). */
  async #dateRange(query: SearchQuery): Promise<[number, number]> {
    const { months, rows } = await this.manifest();
    const toMonth = query.to?.slice(0, 7);
    const fromMonth = query.from?.slice(0, 7);
    const first = toMonth ? (months.find(([month]) => month <= toMonth)?.[1] ?? rows) : 0;
    const end = fromMonth ? (months.find(([month]) => month < fromMonth)?.[1] ?? rows) : rows;
    return [first, end];
  }

  async #chunkRows(ids: number[]): Promise<Map<number, StoredRow>> {
    const { chunk } = await this.manifest();
    const chunks = [...new Set(ids.map((id) => Math.floor(id / chunk)))];
    const loaded = await Promise.all(chunks.map((n) => this.#load<StoredRow[]>(`r/${n}.json`)));
    const rows = new Map<number, StoredRow>();
    chunks.forEach((n, index) => loaded[index]!.forEach((row, offset) => rows.set(n * chunk + offset, row)));
    return rows;
  }

  /** The best `limit` rows: an exact title first, then title matches, whole words before prefixes, newest first. */
  async search(query: SearchQuery, limit = 20): Promise<SearchResult> {
    const matches = await Promise.all([
      ...query.subject.map((term) => (term.phrase ? this.#matchPhrase(term) : this.#matchWord('t', term.words[0]!))),
      ...query.author.map((word) => this.#matchWord('f', word)),
    ]);
    const [first, end] = await this.#dateRange(query);
    let candidates: number[];
    if (matches.length === 0) {
      if (query.from === null && query.to === null) return { total: 0, rows: [] };
      candidates = Array.from({ length: end - first }, (_, index) => first + index);
    } else {
      const rows = matches.map((match) => match.rows).reduce(intersect);
      candidates = [...rows].filter((row) => row >= first && row < end);
    }
    // Rank: terms found in the title, then terms matched as whole words, then newer.
    const rank = new Map(
      candidates.map((row) => {
        const outsideTitle = matches.filter((match) => !match.title.has(row)).length;
        const prefixOnly = matches.filter((match) => !match.whole.has(row)).length;
        return [row, outsideTitle * 100 + prefixOnly];
      }),
    );
    candidates.sort((a, b) => rank.get(a)! - rank.get(b)! || a - b);
    const inDays = (row: StoredRow) => (!query.from || row[5] >= query.from) && (!query.to || (row[5] !== '' && row[5] <= query.to));
    // Dates are matched to the month by row number; rows fetched beyond `limit` make up for
    // those the exact days then drop.
    const shown = candidates.slice(0, query.from || query.to ? limit * 2 : limit);
    const details = await this.#chunkRows(shown);
    const wanted = query.subject.flatMap((term) => term.words).join(' ');
    const exact = (row: StoredRow) => (wanted !== '' && words(row[2]).join(' ') === wanted ? 0 : 1);
    const rows = shown.map((id) => details.get(id)!).filter(inDays);
    rows.sort((a, b) => exact(a) - exact(b));
    return { total: candidates.length, rows: rows.slice(0, limit) };
  }
}
