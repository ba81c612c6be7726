/**
 * The content loader alone, without Astro: cold, warm or after a change, with a store kept in
 * a JSON file between runs the way Astro keeps its data store. Run by hand, one run a process
 * so `/usr/bin/time -v` can tell each run's peak memory:
 *
 *   SHEAF_CONTENT=… SHEAF_CACHE=… node_modules/.bin/node bench/loader.ts [--cold] [--workers N]
 *
 * `--cold` empties SHEAF_CACHE first; `--workers 0` parses on the main thread. Prints the
 * loader's time and its final line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoaderContext } from 'astro/loaders';
import { cacheRoot } from '../src/loader/cache.ts';
import { contentPath } from '../src/loader/content-path.ts';
import { mailLoader } from '../src/loader/mail-loader.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

const { values } = parseArgs({ options: { cold: { type: 'boolean', default: false }, workers: { type: 'string' } } });
if (values.cold) rmSync(cacheRoot(), { recursive: true, force: true });
mkdirSync(cacheRoot(), { recursive: true });
const storeFile = join(cacheRoot(), 'bench-loader-store.json');
const entries = new Map<string, Entry>(existsSync(storeFile) ? (JSON.parse(readFileSync(storeFile, 'utf8')) as Entry[]).map((e) => [e.id, e]) : []);

const lines: string[] = [];
const context = {
  store: {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  },
  logger: { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(`warn: ${line}`) },
  // Astro digests with xxhash; any string digest serves here.
  generateDigest: (data: string) => createHash('sha1').update(data).digest('hex').slice(0, 16),
  config: { root: new URL('../', import.meta.url), srcDir: new URL('../src/', import.meta.url) },
} as unknown as LoaderContext;

const workers = values.workers === undefined ? undefined : Number(values.workers);
const started = performance.now();
await mailLoader({ contentPath: contentPath(), workers }).load(context);
const seconds = (performance.now() - started) / 1000;
writeFileSync(storeFile, JSON.stringify([...entries.values()]));
const warnings = lines.filter((line) => line.startsWith('warn: ')).length;
console.log(`loader: ${seconds.toFixed(2)} s (workers: ${workers ?? 'default'}), ${warnings} warnings: ${lines.at(-1)}`);
