/**
 * Per-message search over the linux-leds threads sample: people, dates, bodies, Message-IDs,
 * and tokens that mean what they say (issue 16).
 */
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

test.use({ baseURL: `http://127.0.0.1:${sites.sample.port}` });

const box = (page: Page) => page.locator('form.search input[name="q"]');
const items = (page: Page) => page.locator('#search-results .search-list li');

async function search(page: Page, query: string): Promise<void> {
  await box(page).fill('');
  await box(page).pressSequentially(query, { delay: 5 });
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', query.trim());
}

/** Conor Dooley's reply in the pca963x series: its own text, and the text of Loic Poulain's it quotes. */
const REPLY = '/m/20260707-spoken-anemia-68fb54a6ab34@spud/';
const QUOTED = '/m/CAFEp6-2k1O80iY9f8WeoHHRZPMdKGcOTYuEsDvpZmZZXTz3xbw@mail.gmail.com~uf2a7edd4bc/';

test('f: finds a reviewer who started no thread, and each row says what matched and links to it', async ({ page }) => {
  await page.goto('/');
  await search(page, 'f:robh');
  await expect(items(page).first()).toBeVisible();
  const count = await items(page).count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const item = items(page).nth(i);
    // What matched is filled in for the rows in view (src/search/client.ts): scroll each to it.
    await item.scrollIntoViewIfNeeded();
    await expect(item.locator('.result-meta')).not.toContainText('Rob Herring');
    await expect(item.locator('a.result-match')).toHaveText(/^\d+ messages? from Rob Herring/);
  }
  const first = items(page).first().locator('a.result-match');
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/m\//);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('main')).toContainText('Rob Herring');
});

test('a name unquoted reads as the name; f:jones with a subject word finds his review of that series', async ({ page }) => {
  await page.goto('/');
  await search(page, 'f:Lee Jones');
  await expect(page.locator('#search-results .search-note')).toContainText('jones → f:');
  await expect(items(page).first().locator('a.result-match')).toContainText('from Lee Jones');
  await search(page, 'f:jones multicolor');
  await expect(items(page).first().locator('.result-title')).toContainText(/multicolor/i);
  await expect(items(page).first().locator('a.result-match')).toContainText('from Lee Jones');
});

test('a late reply is found by its own date, not the date its thread began', async ({ page }) => {
  await page.goto('/');
  await search(page, 'multicolor d:2025-04');
  const row = items(page).filter({ hasText: 'led: multicolor: Fix intensity setting while SW blinking' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.result-meta')).toContainText('2022-06-27');
  await search(page, 'f:lee multicolor d:2025-04');
  await expect(items(page).first().locator('a.result-match')).toHaveText(/^2 messages from Lee Jones, latest 2025-04-10$/);
  await search(page, 'multicolor d:2024');
  await expect(page.locator('#search-results .result-title', { hasText: 'SW blinking' })).toHaveCount(0);
});

test('m: opens the message, from the box and from a link; a lore URL pasted whole does too', async ({ page }) => {
  await page.goto('/');
  await search(page, 'm:<20260707-spoken-anemia-68fb54a6ab34@spud>');
  await box(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`${REPLY}$`));
  await page.goto('/search/?q=m%3A20260707-spoken-anemia-68fb54a6ab34%40spud');
  await expect(page).toHaveURL(new RegExp(`${REPLY}$`));
  await page.goto('/');
  await box(page).focus();
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('form.search input[name="q"]')!;
    input.value = 'https://lore.kernel.org/linux-leds/20260707-spoken-anemia-68fb54a6ab34@spud/T/#u';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  });
  await expect(page).toHaveURL(new RegExp(`${REPLY}$`));
  await page.goto('/');
  await search(page, 'm:nowhere@example.org');
  await expect(page.locator('#search-results .search-empty')).toContainText('No message <nowhere@example.org>');
});

test('b: finds a phrase of a reply\'s own text; a phrase it only quotes is found in it with q:, not b:', async ({ page }) => {
  await page.goto('/');
  await search(page, 'b:"regexes permitting things"');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).first().locator('a.result-match')).toHaveAttribute('href', REPLY);
  await search(page, 'q:"regexes permitting things"');
  await expect(page.locator('#search-results .search-empty')).toHaveText('No results.');
  await search(page, 'q:"hardware max for pca9635"');
  await expect(items(page).first().locator('a.result-match')).toHaveAttribute('href', REPLY);
  await search(page, 'b:"hardware max for pca9635"');
  await expect(items(page).first().locator('a.result-match')).toHaveAttribute('href', QUOTED);
});

test('v6.4 does not match [PATCH v6 4/4]; v6 4/4 does', async ({ page }) => {
  await page.goto('/');
  await search(page, 'v6 4/4');
  await expect(page.locator('#search-results .result-title', { hasText: 'Add support for WLED5' })).toHaveCount(1);
  await search(page, 'v6.4');
  await expect(page.locator('#search-results .result-title', { hasText: 'Add support for WLED5' })).toHaveCount(0);
});

test('function names and file names from patches are found', async ({ page }) => {
  await page.goto('/');
  await search(page, 'dfn:leds-pca963x.c');
  await expect(items(page).first().locator('.result-title')).toContainText('pca963x');
  await search(page, 'pca963x_led_mc_set');
  await expect(page.locator('#search-results .search-note')).toContainText('b:, dfn:, dfhh:');
  await expect(items(page).first().locator('.result-title')).toContainText('pca963x');
});

test('the search page lists every prefix with an example that runs', async ({ page }) => {
  await page.goto('/search/');
  const prefixes = await page.locator('.search-help tbody td:first-child').allTextContents();
  for (const prefix of ['words', 's:', 'f:', 't:', 'c:', 'tc:', 'a:', 'd:', 'b:', 'nq:', 'q:', 'dfn:', 'dfhh:', 'm:']) expect(prefixes).toContain(prefix);
  await page.locator('.search-help a', { hasText: 'c:pavel' }).click();
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', 'c:pavel');
  await expect(items(page).first()).toBeVisible();
});
