import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

test.use({ baseURL: `http://127.0.0.1:${sites.sample.port}` });

const box = (page: Page) => page.locator('form.search input[name="q"]');
const results = (page: Page) => page.locator('#search-results a.result');

async function search(page: Page, query: string): Promise<void> {
  await box(page).fill('');
  await box(page).pressSequentially(query, { delay: 10 });
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', query.trim());
}

test('typing a fragment of a series title finds that series first', async ({ page }) => {
  await page.goto('/');
  await search(page, 'qcom-wl');
  await expect(results(page).first().locator('.result-title')).toHaveText(/qcom-wled: Support for QCOM wled driver/);
  await search(page, 'multicolor v25');
  await expect(results(page).first().locator('.result-title')).toContainText('Multicolor Framework');
  await expect(results(page).first().locator('.result-versions')).toContainText('v21 → v25');
});

test('f: and d: filter, and a phrase matches as a phrase', async ({ page }) => {
  await page.goto('/');
  await search(page, 'f:marek');
  const matches = page.locator('#search-results .result-match');
  const count = await matches.count();
  expect(count).toBeGreaterThan(0);
  // Who sent a match is filled in once typing pauses, for the rows in view (src/search/client.ts).
  for (let i = 0; i < count; i++) {
    await matches.nth(i).scrollIntoViewIfNeeded();
    await expect(matches.nth(i)).toHaveText(/from .*Marek/);
  }
  // A row matches d: by any of its messages, so it began in the range or before it.
  await search(page, 'leds d:2019-01..2019-12');
  const dates = await page.locator('#search-results .result-meta').allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  for (const meta of dates) expect(meta.match(/· (\d{4}-\d\d-\d\d)/)![1]! <= '2019-12-31').toBe(true);
  await search(page, '"flash led"');
  for (const title of await page.locator('#search-results .result-title').allTextContents()) expect(title.toLowerCase()).toMatch(/flash led/);
  await search(page, '"led flash"');
  for (const title of await page.locator('#search-results .result-title').allTextContents()) expect(title.toLowerCase()).not.toMatch(/flash led(?!.*led flash)/);
});

test('no results says so', async ({ page }) => {
  await page.goto('/');
  await search(page, 'zzyzx-nothing');
  await expect(page.locator('#search-results .search-empty')).toHaveText('No results.');
});

test('keyboard: / focuses the box, arrows move, Enter opens', async ({ page }) => {
  await page.goto('/');
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  await box(page).pressSequentially('wled', { delay: 10 });
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', 'wled');
  await box(page).press('ArrowDown');
  await box(page).press('ArrowDown');
  const second = results(page).nth(1);
  await expect(second).toHaveClass(/active/);
  const href = await second.getAttribute('href');
  await box(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('?q= in the URL restores the search, and the back button returns to it', async ({ page }) => {
  await page.goto('/search/?q=strobe');
  await expect(box(page)).toHaveValue('strobe');
  await expect(results(page).first()).toContainText(/strobe/i);
  await results(page).first().click();
  await page.goBack();
  await expect(page).toHaveURL(/\?q=strobe$/);
  await expect(box(page)).toHaveValue('strobe');
  await search(page, 'strobe flash');
  expect(new URL(page.url()).searchParams.get('q')).toBe('strobe flash');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the box says search needs it and links to the subject index', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.search-nojs')).toContainText('Search needs JavaScript');
    await page.locator('.search-nojs a').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Subjects');
    await page.locator('.buckets').getByRole('link', { name: 'M', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Subjects: M');
    await expect(page.locator('.subject-list a', { hasText: 'Multicolor Framework' }).first()).toBeVisible();
  });
});
