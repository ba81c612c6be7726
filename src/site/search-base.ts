/**
 * The base of the per-message search index (src/search/build-index.ts `BaseCache`), kept in the
 * cache folder between builds: `<SHEAF_CACHE>/search-base.data` is a header line
 * (`sheaf-search-base <digest> <bytes>`) and the files' texts one after the other;
 * `search-base.json` gives each file's path, page key, place and length. Both are written whole
 * or not at all, the data first; a pair that does not fit (digest, size) is not used, and the
 * base is built again. A kept file's text is read only when its page is rendered.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, writeAtomically } from '../loader/cache.ts';
import type { BaseCache } from '../search/build-index.ts';
import type { IndexFile } from '../search/types.ts';
import { pageKey } from './routes/keys.ts';

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

/** The base kept in the cache folder (`SHEAF_CACHE`). */
export function baseCache(): BaseCache {
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

