/**
 * The base of the per-message search index (src/search/build-index.ts `BaseCache`), kept in the
 * cache folder between builds: `<SHEAF_CACHE>/search-base.data` is a header line
 * (`sheaf-search-base <digest> <bytes>`) and the files' texts one after the other;
 * `search-base.json` gives each file's path, page key, place and length, and
 * `search-base.entries.json` what the base was made of, to patch it (build-index.ts
 * `BaseEntries`). Each is written whole or not at all, the description last; files that do not
 * fit (digest, size) are not used, and the base is built again. A kept file's text is read only
 * when its page is rendered or the base is patched; so is a base's just put there (at 100,000
 * mails its texts are a hundred megabytes or more that a cold build would hold to its end).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, writeAtomically } from '../loader/cache.ts';
import type { BaseCache, BaseEntries } from '../search/build-index.ts';
import type { IndexFile } from '../search/types.ts';
import { textKey } from './routes/keys.ts';

const BASE_META = 'search-base.json';
const BASE_DATA = 'search-base.data';
const BASE_ENTRIES = 'search-base.entries.json';

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

interface BaseMeta {
  digest: string;
  bytes: number;
  files: [string, string, number, number][];
}

/** The kept base's description, when its data file is whole (the header and size it was written with). */
function readMeta(root: string): BaseMeta | null {
  try {
    const meta = JSON.parse(readFileSync(join(root, BASE_META), 'utf8')) as BaseMeta;
    const header = `sheaf-search-base ${meta.digest} ${meta.bytes}\n`;
    const fd = openSync(join(root, BASE_DATA), 'r');
    try {
      const head = Buffer.alloc(header.length);
      readSync(fd, head, 0, head.length, 0);
      if (head.toString('latin1') !== header || statSync(join(root, BASE_DATA)).size !== header.length + meta.bytes) return null;
    } finally {
      closeSync(fd);
    }
    return meta;
  } catch {
    return null;
  }
}

/** The kept base's files, each read from the data file when its text is asked for. */
function keptFiles(root: string, meta: BaseMeta): IndexFile[] {
  const data = join(root, BASE_DATA);
  let fd: number | undefined;
  return meta.files.map(([path, key, offset, length]) => new KeptFile(path, key, () => {
    fd ??= openSync(data, 'r');
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  }));
}

/** The base kept in the cache folder (`SHEAF_CACHE`); `keptTerms` is the caller's (src/site/search.ts). */
export function baseCache(): Omit<BaseCache, 'keptTerms'> {
  const root = cacheRoot();
  return {
    get(digest) {
      const meta = readMeta(root);
      return meta?.digest === digest ? keptFiles(root, meta) : null;
    },
    last() {
      const meta = readMeta(root);
      if (!meta) return null;
      try {
        const kept = JSON.parse(readFileSync(join(root, BASE_ENTRIES), 'utf8')) as { digest: string; entries: BaseEntries };
        return kept.digest === meta.digest ? { digest: meta.digest, files: keptFiles(root, meta), entries: kept.entries } : null;
      } catch {
        return null;
      }
    },
    put(digest, files, entries) {
      const texts = files.map((file) => Buffer.from(file.json));
      const bytes = texts.reduce((sum, text) => sum + text.length, 0);
      const header = Buffer.from(`sheaf-search-base ${digest} ${bytes}\n`);
      let offset = header.length;
      const described = files.map((file, index) => {
        const entry: BaseMeta['files'][number] = [file.path, textKey(file.json), offset, texts[index]!.length];
        offset += texts[index]!.length;
        return entry;
      });
      const meta: BaseMeta = { digest, bytes, files: described };
      try {
        mkdirSync(root, { recursive: true });
        // The description last: it names the digest the other two files are read under.
        writeAtomically(join(root, BASE_DATA), Buffer.concat([header, ...texts]));
        writeAtomically(join(root, BASE_ENTRIES), JSON.stringify({ digest, entries }));
        writeAtomically(join(root, BASE_META), JSON.stringify(meta));
      } catch {
        // A base that cannot be kept is built again next time; this build uses its texts as they are.
        return null;
      }
      // Read back when placed, so the build holds no text of the base while its pages are made.
      return keptFiles(root, meta);
    },
  };
}
