/**
 * Search rows and index files for the pages, built once per build: every mail's terms as the
 * loader kept them (src/loader/search-terms-store.ts), and the base of the per-message index
 * kept in the cache folder between builds (`<SHEAF_CACHE>/search-base.json` and `.data`), so a
 * rebuild reads the terms of the newest mail only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, readBody } from '../loader/cache.ts';
import { readSearchTerms, writeSearchTerms } from '../loader/search-terms-store.ts';
import { renderBody } from '../render/index.ts';
import { buildSearchIndex, type BaseCache } from '../search/build-index.ts';
import { plainTerms, treeTerms, type MailTerms } from '../search/mail-terms.ts';
import { searchRows } from '../search/rows.ts';
import type { IndexFile, SearchRow } from '../search/types.ts';
import { loadReview } from './archive.ts';
import { pageKey } from './routes/index.ts';

let rows: Promise<SearchRow[]> | undefined;
let files: Promise<IndexFile[]> | undefined;

export function loadSearchRows(): Promise<SearchRow[]> {
  rows ??= loadReview().then(searchRows);
  return rows;
}

/**
 * The terms of a mail whose terms file is missing or damaged, made again from its cached body
 * the way the loader makes them, and kept. A body that cannot be read has no terms.
 */
async function healTerms(key: string): Promise<void> {
  let terms: MailTerms;
  try {
    const body = readBody(key);
    let tree: MailTerms | undefined;
    await renderBody(body, {}, (mail) => void (tree = treeTerms(mail))).catch(() => undefined);
    terms = tree ?? plainTerms(body);
  } catch {
    return;
  }
  writeSearchTerms(key, terms);
}

/**
 * The code that makes the index: under `astro build` this module's chunk, whose bytes name the
 * chunks it imports by their content hashes; run from source, the index's own modules too.
 */
function codeVersion(): string {
  const hash = createHash('sha256');
  for (const url of [import.meta.url, new URL('../search/build-index.ts', import.meta.url).href, new URL('../search/postings.ts', import.meta.url).href, new URL('../search/tokenize.ts', import.meta.url).href]) {
    try {
      hash.update(readFileSync(fileURLToPath(url)));
    } catch {
      // Bundled: only this module's chunk is there.
    }
  }
  return hash.digest('hex');
}

const BASE_META = 'search-base.json';
const BASE_DATA = 'search-base.data';

/** A file of the kept base: its text is read from the cache folder only when its page is rendered. */
class KeptFile implements IndexFile {
  readonly path: string;
  readonly key: string;
  readonly #read: () => string;

  constructor(path: string, key: string, read: () => string) {
    this.path = path;
    this.key = key;
    this.#read = read;
  }

  get json(): string {
    return this.#read();
  }
}

function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The base kept in the cache folder: `search-base.data` is a header line
 * (`sheaf-search-base <digest> <bytes>`) and the files' texts one after the other;
 * `search-base.json` gives each file's path, key, place and length. Written data first, each
 * whole or not at all; a pair that does not fit (digest, size) is not used, and the base is
 * built again.
 */
function baseCache(): BaseCache {
  const root = cacheRoot();
  return {
    get(digest) {
      let meta: { digest: string; bytes: number; files: [string, string, number, number][] };
      try {
        meta = JSON.parse(readFileSync(join(root, BASE_META), 'utf8'));
        if (meta.digest !== digest) return null;
        const header = `sheaf-search-base ${digest} ${meta.bytes}\n`;
        const fd = openSync(join(root, BASE_DATA), 'r');
        try {
          const head = Buffer.alloc(header.length);
          readSync(fd, head, 0, head.length, 0);
          if (head.toString('latin1') !== header || statSync(join(root, BASE_DATA)).size !== header.length + meta.bytes) return null;
        } finally {
          closeSync(fd);
        }
      } catch {
        return null;
      }
      const data = join(root, BASE_DATA);
      let fd: number | undefined;
      return meta.files.map(([path, key, offset, length]) => new KeptFile(path, key, () => {
        fd ??= openSync(data, 'r');
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, offset);
        return buffer.toString('utf8');
      }));
    },
    put(digest, files) {
      const texts = files.map((file) => Buffer.from(file.json));
      const bytes = texts.reduce((sum, text) => sum + text.length, 0);
      const header = Buffer.from(`sheaf-search-base ${digest} ${bytes}\n`);
      let offset = header.length;
      const entries = files.map((file, index) => {
        const entry = [file.path, pageKey(file.json), offset, texts[index]!.length] as const;
        offset += texts[index]!.length;
        return entry;
      });
      try {
        mkdirSync(root, { recursive: true });
        writeAtomically(join(root, BASE_DATA), Buffer.concat([header, ...texts]));
        writeAtomically(join(root, BASE_META), JSON.stringify({ digest, bytes, files: entries }));
      } catch {
        // A base that cannot be kept is built again next time.
      }
    },
  };
}

/** The index, from every mail's terms as the loader kept them, its base from the cache folder when it is still what it was. */
export function loadSearchIndex(): Promise<IndexFile[]> {
  files ??= loadSearchRows().then(async (searchRows) => {
    const missing: string[] = [];
    const termsOf = (key: string) => {
      const terms = readSearchTerms(key);
      if (!terms) missing.push(key);
      return terms;
    };
    const version = codeVersion();
    const cache = baseCache();
    // A base is kept only when every mail it was made from had its terms.
    let made: [string, IndexFile[]] | undefined;
    const built = buildSearchIndex(searchRows, termsOf, { get: cache.get, put: (digest, base) => void (made = [digest, base]) }, version);
    if (missing.length === 0) {
      if (made) cache.put(...made);
      return built;
    }
    for (const key of missing) await healTerms(key);
    return buildSearchIndex(searchRows, readSearchTerms, cache, version);
  });
  return files;
}
