/**
 * Screenshots for the README and docs: serves the built site (`SHEAF_OUT`, default dist/) and
 * photographs pages in Debian's Chromium, in the light and the dark scheme.
 * Run after a build: `node_modules/.bin/node scripts/screenshots.ts [path ...]`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';

const project = fileURLToPath(new URL('../', import.meta.url));
const port = 4392;
const shots: { path: string; file: string; fullPage?: boolean }[] = [
  { path: '/', file: 'docs/screenshot-index' },
  { path: '/m/731e8ee747ecd34a11ece3fc7c3b7b4c@content.sheaf.invalid/', file: 'docs/screenshot-seed', fullPage: true },
  { path: '/m/20250303090000.1000-2-ada@example.org/', file: 'docs/screenshot-patch' },
];

const server = serve(process.env.SHEAF_OUT || join(project, 'dist'), port);
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
    for (const shot of shots) {
      await page.goto(`http://127.0.0.1:${port}${shot.path}`);
      await page.screenshot({ path: join(project, `${shot.file}-${scheme}.png`), fullPage: shot.fullPage ?? false });
      console.log(`${shot.file}-${scheme}.png`);
    }
    await page.close();
  }
  await browser.close();
} finally {
  server.close();
}
