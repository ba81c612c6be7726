/**
 * Search at scale, in headless Chromium: index size against the site, bytes fetched by a
 * first and by further queries, and time from the last keystroke to results.
 * Run by hand on a built site:
 *   SHEAF_OUT=<dist> node_modules/.bin/node bench/search.ts [queries from series titles]
 * bench/scale.ts builds the 23,200- and 100,000-message archives and runs this on each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serve } from '../scripts/serve.mjs';

const project = fileURLToPath(new URL('../', import.meta.url));
const out = resolve(process.env.SHEAF_OUT ?? join(project, 'dist'));
const port = 4393;

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

/** 50 queries a person might type: fragments of real titles, some with f: and d:. */
function queries(): string[] {
  const messages = JSON.parse(readFileSync(join(out, 'api/messages.json'), 'utf8')) as { subject: string; from: { name: string }; date: string | null }[];
  const picked: string[] = [];
  const step = Math.max(1, Math.floor(messages.length / 50));
  for (let i = 0; picked.length < 50 && i < messages.length; i += step) {
    const { subject, from, date } = messages[i]!;
    const words = subject.replace(/^(re:\s*)+/i, '').replace(/\[[^\]]*\]/g, ' ').split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 3);
    if (words.length === 0) continue;
    const fragment = words.slice(0, 2).join(' ');
    const variant = picked.length % 5;
    if (variant === 3 && from.name) picked.push(`${fragment} f:${from.name.split(' ')[0]}`);
    else if (variant === 4 && date) picked.push(`${words[0]} d:${date.slice(0, 4)}-01..${date.slice(0, 4)}-12`);
    else picked.push(variant === 2 ? words[0]!.slice(0, 4) : fragment);
  }
  return picked;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const site = sizeOf(out);
const index = sizeOf(join(out, 'search'));
const messages = (JSON.parse(readFileSync(join(out, 'api/messages.json'), 'utf8')) as unknown[]).length;
console.log(`site: ${messages} messages, ${site.files} files, ${(site.bytes / 1024 ** 2).toFixed(1)} MiB`);
console.log(
  `search index: ${index.files} files (${(messages / index.files).toFixed(1)} messages per file; goal ≥ 10), ` +
    `${(index.bytes / 1024 ** 2).toFixed(2)} MiB (${((100 * index.bytes) / site.bytes).toFixed(2)}% of dist; goal ≤ 10%)`,
);

const server = serve(out, port);
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
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
  // The first query counts the page's scripts as well; later ones only what they fetch.
  for (const query of queries()) {
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
    if (transfers.length === 1) console.log(`first query "${query}": ${(fetched / 1024).toFixed(1)} KB (goal ≤ 300 KB)`);
  }
  const further = transfers.slice(1);
  const all = queries();
  further.forEach((bytes, index) => {
    if (bytes > 50 * 1024) console.log(`  over 50 KB: "${all[index + 1]}" fetched ${(bytes / 1024).toFixed(1)} KB`);
  });
  console.log(`further queries: median ${(median(further) / 1024).toFixed(1)} KB, max ${(Math.max(...further) / 1024).toFixed(1)} KB (goal ≤ 50 KB each)`);
  console.log(`last keystroke to results: median ${median(latencies.slice(1))} ms over ${latencies.length - 1} queries after the first, max ${Math.max(...latencies.slice(1))} ms (goal ≤ 100 ms)`);
  await browser.close();
} finally {
  server.close();
}
