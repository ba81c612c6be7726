/**
 * Search at scale, in headless Chromium: the index's size against the site, and for each kind
 * of query (subject words; per-message prefixes f:, t:, c:, a:, d:; bodies b:, q:, dfn:,
 * dfhh:; m:) the bytes a first query fetches (the page's scripts included, in a fresh
 * browser context), the bytes each further one fetches, and the time from the last keystroke
 * to results. Run by hand on a built site:
 *
 *   SHEAF_OUT=<dist> node_modules/.bin/node bench/search.ts [--kind subject|message|body|id] [--verbose]
 *   SHEAF_OUT=<dist> node_modules/.bin/node bench/search.ts --synthetic <folder> [--count 100000] [--kind …] [--verbose]
 *   SHEAF_CACHE=<cache> node_modules/.bin/node bench/search.ts --index-build
 *
 * Queries are drawn from the site itself, spread over the archive: fragments of subjects,
 * senders and their dates from api/messages.json, terms of each body field from the index's
 * own buckets, Message-IDs; and a few fixed ones a reviewer types (f:"Lee Jones", c:pavel,
 * b:"looks good"). `--index-build` times building the index from a build's cache (its
 * content store and search terms), as the build does, and its memory.
 *
 * `--synthetic <folder>` measures the synthetic archive (bench/synthesize.ts, 100,000
 * messages unless `--count`) without building its pages, which would take an hour: in
 * `<folder>` it writes the archive (`content/`, once), runs the content loader over it
 * (bench/loader.ts: parsing, rendering and each mail's search terms, kept in `cache/`, so a
 * second run only checks them), and writes what search reads (`dist/search/`, by the build's
 * own code, and `dist/api/messages.json`, which the queries are drawn from); the page and its
 * scripts are those of the built site SHEAF_OUT, linked in. The site's size is estimated: the
 * bytes SHEAF_OUT holds outside `search/`, per message, times the synthetic archive's messages,
 * plus its index. bench/scale.ts builds the 23,200- and 100,000-message sites whole instead.
 * `--count 23200` is the whole linux-leds list as it is (the first copy keeps every mail's
 * headers), so its queries are the whole list's without building its pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { serve } from '../scripts/serve.mjs';
import type { IndexFile } from '../src/search/types.ts';
import { synthesize } from './synthesize.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
const built = resolve(process.env.SHEAF_OUT ?? join(project, 'dist'));
const port = 4393;
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const verbose = args.includes('--verbose');
const onlyKind = option('--kind');
const syntheticFolder = option('--synthetic');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (args.includes('--index-build')) {
  await indexBuild();
  process.exit(0);
}

/** The archive of a build's cache (`folder`: its records and bodies), as the build reads it, and its search rows. */
async function cachedArchive(folder: string) {
  process.env.SHEAF_CACHE = folder;
  const { readBody, readIngestReport } = await import('../src/loader/cache.ts');
  const { readRecords } = await import('../src/loader/record-shelf.ts');
  const { buildReviewArchive } = await import('../src/archive/index.ts');
  const { searchRows } = await import('../src/search/rows.ts');
  const contentRoot = readIngestReport()?.contentRoot;
  if (!contentRoot) throw new Error(`no build in ${folder}`);
  const review = buildReviewArchive(readRecords(contentRoot).values(), readBody);
  return { review, rows: searchRows(review) };
}

/** Builds the index from a build's cache, as `src/site/search.ts` does, timed. */
async function indexBuild(): Promise<void> {
  const { rows } = await cachedArchive(resolve(process.env.SHEAF_CACHE ?? join(project, '.cache/sheaf')));
  const { readSearchTerms } = await import('../src/loader/search-terms-store.ts');
  const { buildSearchIndex } = await import('../src/search/build-index.ts');
  const { memoryBaseCache } = await import('../src/testing/memory-base-cache.ts');
  // First from nothing, then as a rebuild does, with the base of the per-message index kept.
  const cache = memoryBaseCache(readSearchTerms);
  for (const run of ['from nothing', 'base kept', 'base kept']) {
    const before = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    let read = 0;
    let missing = 0;
    const files = buildSearchIndex(rows, (key) => (read++, readSearchTerms(key) ?? (missing++, null)), cache);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const bytes = files.reduce((sum, file) => sum + file.json.length, 0);
    console.log(
      `index build, ${run}: ${seconds.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s), ${read} mails' terms read, ` +
        `${files.length} files, ${(bytes / 1024 ** 2).toFixed(1)} MiB, RSS ${(before / 1024 ** 2).toFixed(0)} → ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MiB` +
        `${missing ? `, ${missing} mails without terms` : ''}`,
    );
  }
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * The synthetic archive in `folder`, made and loaded as `--synthetic` says (top of this file);
 * returns the folder to serve and the bytes its site is estimated to take.
 */
async function synthetic(folder: string, count: number): Promise<{ out: string; siteBytes: number }> {
  const content = join(folder, 'content');
  const mbox = join(content, 'archive.mbox');
  if (!existsSync(mbox)) {
    const source = join(folder, 'linux-leds.mbox');
    mkdirSync(content, { recursive: true });
    writeFileSync(source, spawnSync('xz', ['-dc', join(project, '../shared/corpus/lore-linux-leds/linux-leds.mbox.xz')], { maxBuffer: 1024 ** 3 }).stdout);
    synthesize(source, count, mbox);
    rmSync(source);
  }
  const cache = join(folder, 'cache');
  console.log(`loading ${mbox} into ${cache} (bench/loader.ts)…`);
  const loaded = spawnSync(process.execPath, [join(project, 'bench/loader.ts')], { env: { ...process.env, SHEAF_CONTENT: content, SHEAF_CACHE: cache }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (loaded.status !== 0) throw new Error('the loader failed');
  const started = performance.now();
  const { review, rows } = await cachedArchive(cache);
  const { readSearchTerms } = await import('../src/loader/search-terms-store.ts');
  const { buildSearchIndex } = await import('../src/search/build-index.ts');
  const { messagesApi } = await import('../src/archive/api.ts');
  const { routeContext } = await import('../src/site/routes/context.ts');
  const { resolveConfig } = await import('../src/site/config.ts');
  const files = buildSearchIndex(rows, readSearchTerms);
  const out = join(folder, 'dist');
  rmSync(out, { recursive: true, force: true });
  const made = new Set<string>();
  for (const { path, json } of [...files.map((file) => ({ path: `search/${file.path}`, json: file.json })), { path: 'api/messages.json', json: JSON.stringify(messagesApi(review, routeContext(resolveConfig({}, {})))) }]) {
    const target = join(out, path);
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    writeFileSync(target, json);
  }
  // The page and its scripts: the search box's code is the same on any site.
  for (const name of ['index.html', '_astro']) symlinkSync(join(built, name), join(out, name));
  console.log(`rows and index of ${review.archive.messages.length} messages written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const reference = sizeOf(built).bytes - sizeOf(join(built, 'search')).bytes;
  const referenceMessages = (JSON.parse(readFileSync(join(built, 'api/messages.json'), 'utf8')) as unknown[]).length;
  console.log(`pages of ${built}: ${(reference / referenceMessages / 1024).toFixed(1)} KB a message outside search/, ${referenceMessages} messages`);
  return { out, siteBytes: (reference / referenceMessages) * review.archive.messages.length + sizeOf(join(out, 'search')).bytes };
}

interface MessageEntry {
  id: string;
  subject: string;
  from: { name: string; email: string };
  date: string | null;
}

const { out, siteBytes } = syntheticFolder ? await synthetic(resolve(syntheticFolder), Number(option('--count') ?? 100_000)) : { out: built, siteBytes: undefined };
const messages = JSON.parse(readFileSync(join(out, 'api/messages.json'), 'utf8')) as MessageEntry[];

/** `count` messages spread evenly over the archive. */
function spread(count: number): MessageEntry[] {
  const step = Math.max(1, Math.floor(messages.length / count));
  return Array.from({ length: Math.min(count, messages.length) }, (_, i) => messages[i * step]!);
}

function subjectWords(subject: string): string[] {
  return subject.replace(/^(re:\s*)+/i, '').replace(/\[[^\]]*\]/g, ' ').split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 3);
}

/** 40 fragments of real titles: two words, one word, a word's first four letters. */
function subjectQueries(): string[] {
  const picked: string[] = [];
  for (const { subject } of spread(120)) {
    const words = subjectWords(subject);
    if (words.length === 0 || picked.length >= 40) continue;
    const variant = picked.length % 3;
    picked.push(variant === 2 ? words[0]!.slice(0, 4) : variant === 1 ? words[0]! : words.slice(0, 2).join(' '));
  }
  return picked;
}

/** 40 per-message queries: a sender with a subject word, alone, with a year; a Cc; a date range alone and with a word. */
function messageQueries(): string[] {
  const picked = ['f:"Lee Jones"', 'f:Lee Jones', 'f:jones pca963x', 'f:pavel d:2024', 'c:pavel', 't:linux-leds d:2024-01', 'multicolor d:2020-06', 'd:2024-01..2024-02', 'a:ucw.cz', 'f:lee@kernel.org d:..2023'];
  for (const { subject, from, date } of spread(200)) {
    if (picked.length >= 40) break;
    const words = subjectWords(subject);
    const name = from.name.split(/\s+/).filter((w) => w.length > 2)[0];
    if (!name || words.length === 0 || !date) continue;
    const variant = picked.length % 5;
    if (variant === 0) picked.push(`f:${name} ${words[0]}`);
    else if (variant === 1) picked.push(`f:${name}`);
    else if (variant === 2) picked.push(`f:${name} d:${date.slice(0, 4)}`);
    else if (variant === 3) picked.push(`c:${name}`);
    else picked.push(`${words[0]} d:${date.slice(0, 7)}`);
  }
  return picked;
}

/** Terms of a body field from the index's own buckets: spread over the buckets, of some length, as typed. */
function indexTerms(field: string, count: number, fits: (term: string) => boolean): string[] {
  const folder = join(out, 'search', field);
  const buckets = readdirSync(folder).filter((name) => name.endsWith('.json')).sort((a, b) => parseInt(a) - parseInt(b));
  const terms: string[] = [];
  for (let i = 0; terms.length < count && i < buckets.length * 4; i++) {
    const bucket = JSON.parse(readFileSync(join(folder, buckets[(i * 7) % buckets.length]!), 'utf8')) as Record<string, unknown>;
    const keys = Object.keys(bucket).filter(fits);
    const term = keys[(i * 13) % Math.max(1, keys.length)];
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** 40 body queries: identifiers of own text and of quoted text, file names, hunk functions, and phrases. */
function bodyQueries(): string[] {
  const identifier = (term: string) => term.includes('_') && term.length >= 8 && !/\d{4,}/.test(term);
  return [
    'b:"looks good"', 'q:"looks good"', 'b:regression', 'nq:"applied, thanks"', 'b:pca963x_led_mc_set', 'dfn:leds-pca963x.c', 'dfn:drivers/leds',
    'q:brightness_set_blocking', 'b:devm_led_classdev_register f:pavel', 'dfhh:probe',
    ...indexTerms('b', 10, identifier).map((term) => `b:${term}`),
    ...indexTerms('q', 8, identifier).map((term) => `q:${term}`),
    ...indexTerms('dfn', 6, (term) => /^[\w-]+\.[ch]$/.test(term)).map((term) => `dfn:${term}`),
    ...indexTerms('dfhh', 6, identifier).map((term) => `dfhh:${term}`),
  ];
}

/** 20 Message-IDs, with and without brackets. */
function idQueries(): string[] {
  return spread(20).map(({ id }, i) => (i % 2 === 0 ? `m:<${id}>` : `m:${id}`));
}

const site = siteBytes === undefined ? sizeOf(out) : { files: NaN, bytes: siteBytes };
const index = sizeOf(join(out, 'search'));
console.log(
  siteBytes === undefined
    ? `site: ${messages.length} messages, ${site.files} files, ${(site.bytes / 1024 ** 2).toFixed(1)} MiB`
    : `site (estimated): ${messages.length} messages, ${(site.bytes / 1024 ** 2).toFixed(1)} MiB`,
);
console.log(
  `search index: ${index.files} files (${(messages.length / index.files).toFixed(1)} messages per file), ` +
    `${(index.bytes / 1024 ** 2).toFixed(2)} MiB (${((100 * index.bytes) / site.bytes).toFixed(2)}% of dist; goal ≤ 25%)`,
);

const kinds: { name: string; queries: string[]; goalMs: number }[] = [
  { name: 'subject', queries: subjectQueries(), goalMs: 100 },
  { name: 'message', queries: messageQueries(), goalMs: 200 },
  { name: 'body', queries: bodyQueries(), goalMs: 200 },
  { name: 'id', queries: idQueries(), goalMs: 200 },
].filter((kind) => !onlyKind || kind.name === onlyKind);

async function runKind(page: Page, queries: string[]): Promise<{ latencies: number[]; transfers: number[] }> {
  let fetched = 0;
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/search/') && !url.pathname.endsWith('.js')) return;
    const sizes = await request.sizes();
    fetched += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  const box = page.locator('form.search input[name="q"]');
  const latencies: number[] = [];
  const transfers: number[] = [];
  for (const query of queries) {
    // The first query counts the page's scripts as well; later ones only what they fetch.
    if (latencies.length > 0) fetched = 0;
    await box.fill('');
    await box.pressSequentially(query.slice(0, -1), { delay: 20 });
    await page.waitForTimeout(50);
    const started = Date.now();
    await box.pressSequentially(query.slice(-1));
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('#search-results')?.dataset.query === q, query.trim());
    latencies.push(Date.now() - started);
    await page.waitForTimeout(30);
    transfers.push(fetched);
    if (verbose) {
      const count = await page.locator('#search-results .search-count, #search-results .search-empty').first().textContent();
      console.log(`  ${String(latencies.at(-1)).padStart(4)} ms ${kib(fetched).padStart(9)}  ${query}  → ${count}`);
    }
  }
  return { latencies, transfers };
}

const server = serve(out, port);
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  console.log('\n| kind | queries | first query | further: median | further: max | keystroke to results: median | max | goal |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  const overs: string[] = [];
  for (const kind of kinds) {
    if (verbose) console.log(`${kind.name}:`);
    const context = await browser.newContext();
    const { latencies, transfers } = await runKind(await context.newPage(), kind.queries);
    await context.close();
    const further = transfers.slice(1);
    further.forEach((bytes, i) => {
      if (bytes > 100 * 1024) overs.push(`${kind.name} "${kind.queries[i + 1]}" fetched ${kib(bytes)}`);
    });
    console.log(
      `| ${kind.name} | ${kind.queries.length} | ${kib(transfers[0]!)} | ${kib(median(further))} | ${kib(Math.max(...further))} | ` +
        `${median(latencies.slice(1))} ms | ${Math.max(...latencies.slice(1))} ms | ≤ ${kind.goalMs} ms median, ≤ 300 KB first, ≤ 100 KB each further |`,
    );
  }
  for (const line of overs) console.log(`over 100 KB: ${line}`);
  await browser.close();
} finally {
  server.close();
}
