/**
 * The review answers on the linux-leds sample (issue 13): what changed between two versions
 * (a series page to the interdiff of a changed patch and back), and where series stand (the
 * index's state filter, a series page's state).
 */
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config.ts';

test.use({ baseURL: `http://127.0.0.1:${sites.sample.port}` });

const V25 = '/s/20200504211344.13221-1-dmurphy@ti.com/';

test('from a series page to the interdiff of a changed patch, and back', async ({ page }) => {
  await page.goto(V25);
  const table = page.locator('.series-versions .version-changes').first();
  const row = table.locator('tr').filter({ hasText: 'leds: lp50xx: Add the LP50XX family of the RGB LED driver' });
  await expect(row.locator('.change')).toHaveText('changed');
  await expect(table.locator('tr').filter({ hasText: 'ARM: dts: n900' }).locator('.interdiff-link')).toHaveCount(0);
  await row.getByRole('link', { name: 'interdiff' }).click();

  await expect(page).toHaveURL(/\/s\/20200504211344\.13221-1-dmurphy@ti\.com\/interdiff\/#p4$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Multicolor Framework v25: From v21 to v25');
  const section = page.locator('#p4');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('leds: lp50xx: Add the LP50XX family of the RGB LED driver');
  // The diff of the two diffs, marked and highlighted as every diff: file headers, hunks, added and removed lines.
  await expect(section.locator('.diff .line.file').filter({ hasText: 'diff --git a/drivers/leds/leds-lp50xx.c' })).toHaveCount(1);
  await expect(section.locator('.diff .line.hunk').first()).toBeVisible();
  await expect(section.locator('.diff .line.add').first()).toBeVisible();
  await expect(section.locator('.diff .line.del').first()).toBeVisible();
  await expect(section.locator('.diff [class^="hl-"]').first()).toBeAttached();
  // Unchanged patches are listed, with no section.
  await expect(page.locator('.version-changes tr').filter({ hasText: 'ARM: dts: n900' }).locator('.change')).toHaveText('unchanged');
  await expect(page.locator('section.interdiff-patch')).toHaveCount(6);
  // Both versions' patch pages, and back to the series.
  await expect(section.locator('.change-links a')).toHaveText(['v21 4/16', 'v25 4/16']);
  await page.locator('.interdiff-versions .interdiff-newer').click();
  await expect(page).toHaveURL(new RegExp(`${V25.replace(/\./g, '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Multicolor Framework v25');
});

test('series states: on the index, filtered, and on a series page', async ({ page }) => {
  await page.goto('/');
  await page.locator('.state-filter').getByRole('link', { name: 'applied' }).click();
  await expect(page).toHaveURL(/\/state\/applied\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Series by state: applied');
  const wled = page.locator('.listing-series').filter({ hasText: 'Add support for WLED5' });
  await expect(wled.locator('.state')).toHaveText('applied');
  await wled.getByRole('link', { name: 'Add support for WLED5' }).click();
  await expect(page.locator('.series-state .state')).toHaveText('applied');
  await expect(page.locator('.series-state')).toContainText('applied by Lee Jones');

  await page.goto('/state/superseded/');
  await page.locator('.listing-series').filter({ hasText: 'Multicolor Framework' }).getByRole('link', { name: 'Multicolor Framework', exact: true }).click();
  await expect(page.locator('.series-state')).toContainText('superseded by Multicolor Framework v25');
  await page.locator('.series-state').getByRole('link', { name: /superseded by/ }).click();
  await expect(page).toHaveURL(new RegExp(`${V25.replace(/\./g, '\\.')}$`));
});

test("from a diff's file header to the file's page, its folders and its feed", async ({ page, request }) => {
  await page.goto('/m/20200504211344.13221-5-dmurphy@ti.com/');
  await page.locator('pre.diff .line.file a.file-page', { hasText: 'diff --git a/drivers/leds/leds-lp50xx.c' }).click();
  await expect(page).toHaveURL(/\/f\/drivers\/leds\/leds-lp50xx\.c\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('File drivers/leds/leds-lp50xx.c');
  await expect(page.locator('.file-rows .listing-title a')).toHaveText(['Multicolor Framework v25', 'Multicolor Framework']);
  await expect(page.locator('.file-rows .state')).toHaveText(['reviewed', 'superseded']);

  // The feed is Atom, its entries the patches touching the file.
  const feedUrl = await page.locator('.file-summary a[type="application/atom+xml"]').getAttribute('href');
  const xml = await (await request.get(feedUrl!)).text();
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      namespace: doc.documentElement.namespaceURI,
      titles: [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0]?.textContent),
    };
  }, xml);
  expect(feed).toEqual({
    errors: 0,
    namespace: 'http://www.w3.org/2005/Atom',
    titles: ['[PATCH v25 04/16] leds: lp50xx: Add the LP50XX family of the RGB LED driver', '[PATCH v21 04/16] leds: lp50xx: Add the LP50XX family of the RGB LED driver'],
  });

  // Up to its folder, which sums its files.
  await page.locator('.file-page h1').getByRole('link', { name: 'leds' }).click();
  await expect(page).toHaveURL(/\/f\/drivers\/leds\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Folder drivers/leds');
  await expect(page.locator('.file-rows > li')).toHaveCount(21);

  // A diffstat line links to the file's page too.
  await page.goto('/m/20200504211344.13221-5-dmurphy@ti.com/');
  await page.locator('pre.diffstat .line.file').filter({ hasText: 'drivers/leds/leds-lp50xx.c' }).locator('a.file-page').click();
  await expect(page).toHaveURL(/\/f\/drivers\/leds\/leds-lp50xx\.c\/$/);
});
