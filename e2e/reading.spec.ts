import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config.ts';

const sample = `http://127.0.0.1:${sites.sample.port}`;
const hostile = `http://127.0.0.1:${sites.hostile.port}`;
const V25_COVER = '20200504211344.13221-1-dmurphy@ti.com';

test('a thread read whole lists every archived message once, in thread order, with the bodies of their own pages', async ({ page, context, request }) => {
  await page.goto(`${sample}/t/${V25_COVER}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[PATCH v25 00/16] Multicolor Framework v25');
  const entries = page.locator('article.reading-entry');
  const anchors = await entries.evaluateAll((articles) => articles.map((article) => article.id));
  const messages = (await (await request.get(`${sample}/api/messages.json`)).json()) as { url: string; thread: string }[];
  const members = messages.filter((message) => message.thread === V25_COVER).map((message) => message.url.split('/')[2]);
  expect(members.length).toBeGreaterThan(20);
  expect([...anchors].sort(), 'each archived message of the thread once').toEqual(members.sort());
  // The tree at the top is in thread order and links to the anchors, in the same order.
  const treeLinks = await page.locator('.thread-tree a.node-text').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).hash.slice(1)));
  expect(treeLinks).toEqual(anchors);
  for (const anchor of [anchors[0]!, anchors[5]!, anchors.at(-1)!]) {
    const here = await page.locator(`[id="${anchor}"] > .mail-body`).first().innerHTML();
    const own = await context.newPage();
    await own.goto(`${sample}/m/${anchor}/`);
    expect(await own.locator('.message > .mail-body').first().innerHTML(), `${anchor}: its own page shows the same body`).toBe(here);
    await own.close();
  }
});

test("a message page's link to the whole thread lands on its anchor", async ({ page }) => {
  const patch = '20200504211344.13221-5-dmurphy@ti.com';
  await page.goto(`${sample}/m/${patch}/`);
  await page.getByRole('link', { name: 'Read the whole thread' }).click();
  await expect(page).toHaveURL(`${sample}/t/${V25_COVER}/#${patch}`);
  await expect(page.locator(`[id="${patch}"]`)).toBeInViewport();
  await expect(page.locator(`[id="${patch}"] h2`)).toContainText('[PATCH v25 04/16]');
});

test('the series read whole: the cover letter, the 16 patches in order, and their replies', async ({ page }) => {
  await page.goto(`${sample}/s/${V25_COVER}/read/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multicolor Framework v25');
  const labels = page.locator('article.reading-slot .slot-label');
  await expect(labels).toHaveText(['Cover letter', ...Array.from({ length: 16 }, (_, index) => `Patch ${index + 1}/16`)]);
  const entries = page.locator('article.reading-entry');
  expect(await entries.count()).toBeGreaterThan(17);
  // A reply sits under the patch it answers: after patch 1, before patch 2.
  const order = await entries.evaluateAll((articles) => articles.map((article) => (article.classList.contains('reading-slot') ? article.querySelector('.slot-label')!.textContent : 'reply')));
  expect(order.slice(0, 3)).toEqual(['Cover letter', 'reply', 'reply']);
  expect(order.indexOf('Patch 2/16') - order.indexOf('Patch 1/16')).toBeGreaterThan(1);
  // The outline links to the series read whole and each slot to its place there.
  await page.goto(`${sample}/s/${V25_COVER}/`);
  await page.getByRole('link', { name: 'Read the whole series' }).click();
  await expect(page).toHaveURL(`${sample}/s/${V25_COVER}/read/`);
  await page.goto(`${sample}/s/${V25_COVER}/`);
  await page.locator('#patch-3').getByRole('link', { name: 'read with its replies' }).click();
  await expect(page).toHaveURL(`${sample}/s/${V25_COVER}/read/#20200504211344.13221-4-dmurphy@ti.com`);
});

test("a series sent as one thread, with nothing else in it, is read on its thread's page", async ({ page, request }) => {
  const series = (await (await request.get(`${sample}/api/series.json`)).json()) as { url: string; title: string }[];
  const readings = await Promise.all(series.slice(0, 40).map(async ({ url }) => ({ url, html: await (await request.get(`${sample}${url}read/`)).text() })));
  const forwarded = readings.find(({ html }) => html.includes('http-equiv="refresh"'));
  expect(forwarded, 'some series read as their thread').toBeTruthy();
  await page.goto(`${sample}${forwarded!.url}`);
  const link = page.getByRole('link', { name: 'Read the whole series' });
  await expect(link).toHaveAttribute('href', /^\/t\/[^/]+\/$/);
  await link.click();
  await expect(page.locator('article.reading-thread')).toBeVisible();
});

test('a thread longer than a page is split, and its anchors resolve across the pages', async ({ page }) => {
  await page.goto(`${hostile}/m/long-120@example.org/`);
  await page.getByRole('link', { name: 'Read the whole thread' }).click();
  await expect(page).toHaveURL(`${hostile}/t/long-0@example.org/2/#long-120@example.org`);
  await expect(page.locator('[id="long-120@example.org"]')).toBeInViewport();
  await expect(page.locator('article.reading-entry')).toHaveCount(30);
  // The tree on every page holds the whole thread; a row of the first page's messages goes back there.
  await page.locator('.thread-tree a.node-text').nth(10).click();
  await expect(page).toHaveURL(`${hostile}/t/long-0@example.org/#long-10@example.org`);
  await expect(page.locator('[id="long-10@example.org"]')).toBeInViewport();
  await expect(page.locator('article.reading-entry')).toHaveCount(100);
  await page.getByRole('link', { name: 'Later →' }).click();
  await expect(page).toHaveURL(`${hostile}/t/long-0@example.org/2/`);
});

test('search results and the index open the pages that read a thread or series whole', async ({ page }) => {
  await page.goto(`${sample}/`);
  const box = page.locator('form.search input[name="q"]');
  await box.pressSequentially('git pull', { delay: 10 });
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', 'git pull');
  const reading = page.locator('#search-results li').filter({ has: page.locator('.result-thread') }).first().locator('a.result-reading');
  await expect(reading).toHaveAttribute('href', /^\/t\/[^/]+\/$/);
  await reading.click();
  await expect(page.locator('article.reading-thread')).toBeVisible();
  await page.goto(`${sample}/`);
  await page.locator('.listing-series a.read-whole').first().click();
  await expect(page.locator('article.reading')).toBeVisible();
});
