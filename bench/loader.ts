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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheRoot } from '../src/loader/cache.ts';
import { contentPath } from '../src/loader/content-path.ts';
import { mailLoader } from '../src/loader/mail-loader.ts';
import { memoryLoaderContext, type StoreEntry } from '../src/testing/loader-context.ts';


const { values } = parseArgs({ options: { cold: { type: 'boolean', default: false }, workers: { type: 'string' } } });
if (values.cold) rmSync(cacheRoot(), { recursive: true, force: true });
mkdirSync(cacheRoot(), { recursive: true });
const storeFile = join(cacheRoot(), 'bench-loader-store.json');
const entries = new Map<string, StoreEntry>(existsSync(storeFile) ? (JSON.parse(readFileSync(storeFile, 'utf8')) as StoreEntry[]).map((e) => [e.id, e]) : []);

const lines: string[] = [];
const context = memoryLoaderContext(entries, lines, new URL('../', import.meta.url));

const workers = values.workers === undefined ? undefined : Number(values.workers);
const started = performance.now();
await mailLoader({ contentPath: contentPath(), workers }).load(context);
const seconds = (performance.now() - started) / 1000;
writeFileSync(storeFile, JSON.stringify([...entries.values()]));
const warnings = lines.filter((line) => line.startsWith('warn: ')).length;
console.log(`loader: ${seconds.toFixed(2)} s (workers: ${workers ?? 'default'}), ${warnings} warnings: ${lines.at(-1)}`);
