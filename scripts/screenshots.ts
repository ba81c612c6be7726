/**
 * Screenshots for the README: serves a build of the linux-leds threads sample and photographs
 * the index, a series, a message, a month, the years and a person's page in Debian's Chromium,
 * in the light and the dark theme, into docs/screenshots/. Not part of `npm test`. Run:
 *
 *   SHEAF_CONTENT=../shared/corpus/lore-linux-leds/threads-sample SHEAF_OUT=/tmp/sample npm run build
 *   SHEAF_OUT=/tmp/sample node_modules/.bin/node scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { authorKey, authorSlug } from '../src/archive/author.ts';
import { serve } from './serve.mjs';

const project = fileURLToPath(new URL('../', import.meta.url));
const folder = join(project, 'docs/screenshots');
const port = 4392;
const V25 = '20200504211344.13221-1-dmurphy@ti.com';
const shots: { name: string; path: string }[] = [
  { name: 'index', path: '/' },
  { name: 'series', path: `/s/${V25}/` },
  { name: 'message', path: '/m/Y6WiQKRI~2FYCbMBhA@google.com~udfb4/' },
  { name: 'month', path: '/d/2020-05/' },
  { name: 'years', path: '/d/' },
  { name: 'author', path: `/a/${authorSlug(authorKey({ name: '', email: 'dmurphy@ti.com' })!)}/` },
];

const out = process.env.SHEAF_OUT;
if (!out) throw new Error('SHEAF_OUT: the folder of a build of the threads sample');
mkdirSync(folder, { recursive: true });
const server = serve(out, port);
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 860 }, colorScheme: scheme });
    for (const shot of shots) {
      const response = await page.goto(`http://127.0.0.1:${port}${shot.path}`);
      if (!response?.ok()) throw new Error(`${shot.path}: ${response?.status()}`);
      const file = join(folder, `${shot.name}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
  await browser.close();
} finally {
  server.close();
}
