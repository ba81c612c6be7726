import { expect, test, type Page } from '@playwright/test';

const DEMO_TITLE = 'leds: demo: add a blink pattern for the demo LED driver';
const SEED_TITLE = 'iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO';

/** The index row of a series, by title and version. */
function seriesRow(page: Page, title: string, version: string) {
  return page.locator('.listing-series').filter({ has: page.getByRole('link', { name: title, exact: true }) }).filter({ has: page.locator('.version', { hasText: version }) });
}

test('from the index to a series, a patch, a reply, and back by the parent and series links', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Series and threads');
  const row = seriesRow(page, DEMO_TITLE, 'v2');
  await expect(row.locator('.patch-count')).toHaveText('2/2 patches');
  await expect(row.locator('.reply-count')).toHaveText('1 reply');
  await expect(row.locator('.review-count')).toHaveText(['1 reviewed']);
  await row.getByRole('link', { name: DEMO_TITLE }).click();

  await expect(page).toHaveURL(/\/s\/20250303090000\.1000-1-ada@example\.org\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_TITLE);
  await expect(page.locator('.series-status .review-kind')).toHaveText([/Reviewed-by\s*Lee Jones \(patch 1 of 2\)/]);
  await expect(page.locator('#cover .slot-title')).toHaveText(DEMO_TITLE);
  await expect(page.locator('#patch-1 .slot-review')).toContainText(/Reviewed-by\s*Lee Jones \(reply, 2025-03-04\)/);
  await page.locator('#patch-1').getByRole('link', { name: 'leds: demo: add blink pattern' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[PATCH v2 1/2] leds: demo: add blink pattern');
  await expect(page.locator('.series-place')).toContainText('Patch 1/2 of the series');
  await expect(page.locator('.tree-row.current')).toContainText('[PATCH v2 1/2] leds: demo: add blink pattern');
  await page.locator('.thread-nav').getByRole('link', { name: '↓ First reply' }).click();

  await expect(page).toHaveURL(/\/m\/20250304161245\.GA7@example\.org~uc\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re: [PATCH v2 1/2] leds: demo: add blink pattern');
  await expect(page.locator('.series-place')).toContainText('Reply to patch 1/2 of the series');
  await expect(page.locator('.tree-row.current')).toContainText('Lee Jones');
  await expect(page.locator('.tree-row')).toHaveCount(4);
  await page.locator('.thread-nav').getByRole('link', { name: '↑ Parent' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[PATCH v2 1/2] leds: demo: add blink pattern');
  await page.locator('.series-place .series-link').click();
  await expect(page).toHaveURL(/\/s\/20250303090000\.1000-1-ada@example\.org\/$/);

  // The reply is linked from its patch on the series page too.
  await page.locator('#patch-1 .slot-replies').getByRole('link', { name: 'Lee Jones' }).click();
  await expect(page).toHaveURL(/\/m\/20250304161245\.GA7@example\.org~uc\/$/);
});

test('an earlier version: its missing patch, its NAK and test, and what changed in the next one', async ({ page }) => {
  await page.goto('/s/20250303090000.1000-1-ada@example.org/');
  await page.locator('.series-versions').getByRole('link', { name: 'v1, previous' }).click();

  await expect(page).toHaveURL(/\/s\/20250224090000\.900-1-ada@example\.org\/$/);
  await expect(page.locator('.series-facts .patch-count')).toHaveText('1 of 2 in the archive');
  await expect(page.locator('#patch-2')).toContainText('patch not in the archive');
  await expect(page.locator('#patch-2 .slot-head a')).toHaveCount(0);
  await expect(page.locator('.series-status .review-kind')).toHaveText([
    /Tested-by\s*Grace Hopper \(whole series\)/,
    /NAKed-by\s*Lee Jones \(patch 1 of 2\)/,
  ]);
  await expect(page.locator('#patch-1 .review-kind.nacked')).toContainText('Lee Jones (reply, 2025-02-25)');
  await expect(page.locator('#patch-1 .review-kind.tested')).toContainText('Grace Hopper (on the cover letter, 2025-02-26)');
  const changes = page.locator('.version-changes tr');
  await expect(changes.filter({ hasText: 'leds: demo: add blink pattern' }).locator('.change')).toHaveText('changed');
  await expect(changes.filter({ hasText: 'dt-bindings: leds: demo: document blink-period-ms' }).locator('.change')).toHaveText('counterpart missing');

  await page.goto('/');
  const row = seriesRow(page, DEMO_TITLE, 'v1');
  await expect(row.locator('.patch-count')).toHaveText('1/2 patches');
  await expect(row.locator('.review-count')).toHaveText(['1 tested', '1 NAKed']);
});

test('the seed sits under patch 3 of a four-patch series none of whose patches is archived, with no NAK', async ({ page }) => {
  await page.goto('/');
  const row = seriesRow(page, SEED_TITLE, 'v1');
  await expect(row.locator('.patch-count')).toHaveText('0/4 patches');
  await expect(row.locator('.review-none')).toHaveText('no review yet');
  await row.getByRole('link', { name: SEED_TITLE }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(SEED_TITLE);
  await expect(page.locator('#cover')).toContainText('no cover letter in the archive');
  for (const number of [1, 2, 3, 4]) await expect(page.locator(`#patch-${number}`)).toContainText('patch not in the archive');
  await expect(page.locator('.series-status')).toContainText('No Reviewed-by, Acked-by, Tested-by or NAK yet.');
  await expect(page.locator('#patch-3 .slot-inferred')).toContainText(`[PATCH 3/4] ${SEED_TITLE}`);
  await page.locator('#patch-3 .slot-replies').getByRole('link', { name: 'Jason Gunthorpe' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Re: [PATCH 3/4] ${SEED_TITLE}`);
  await expect(page.locator('.series-place')).toContainText('Reply to patch 3/4 of the series');
  await expect(page.locator('.thread-nav')).toContainText('↑ Parent: not in the archive');
  await expect(page.locator('.tree-row.placeholder')).toHaveCount(2);
  await expect(page.locator('.tree-row.placeholder').nth(1)).toContainText('Suthikulpanit, Suravee');
  await expect(page.locator('.tree-row.current')).toContainText('Jason Gunthorpe');
});

test('every message stays listed, newest first, at /messages/', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Every message' }).click();
  await expect(page).toHaveURL(/\/messages\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Messages');
  await expect(page.locator('.message-list tr')).toHaveCount(12);
  await expect(page.getByRole('link', { name: `Re: [PATCH 3/4] ${SEED_TITLE}` })).toBeVisible();
});

test('older mail by month: month pages that stay put, and the page numbers of earlier builds forward to them', async ({ page }) => {
  await page.goto('/messages/');
  await page.locator('.buckets').getByRole('link', { name: 'March 2025' }).click();
  await expect(page).toHaveURL(/\/messages\/page\/2025-03\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Messages of March 2025');
  const days = await page.locator('.message-list td.date').allTextContents();
  expect(days).toEqual([...days].sort());
  await page.locator('.pagination').getByRole('link', { name: /February 2025/ }).click();
  await expect(page).toHaveURL(/\/messages\/page\/2025-02\/$/);

  await page.goto('/');
  await page.locator('.buckets').getByRole('link', { name: 'March 2025' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Series and threads started in March 2025');
  await expect(seriesRow(page, DEMO_TITLE, 'v2')).toHaveCount(1);

  await page.goto('/messages/page/1/');
  await expect(page).toHaveURL(/\/messages\/page\/\d{4}-\d{2}\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Messages of');
});

test('the permalink of an earlier build, before ids with capitals got their case suffix, forwards to the page', async ({ page }) => {
  await page.goto('/m/20250304161245.GA7@example.org/');
  await expect(page).toHaveURL(/\/m\/20250304161245\.GA7@example\.org~uc\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re: [PATCH v2 1/2] leds: demo: add blink pattern');
});

test('the new pages carry no inline script', async ({ page }) => {
  for (const path of ['/', '/messages/', '/s/20250303090000.1000-1-ada@example.org/', '/m/20250304161245.GA7@example.org~uc/']) {
    await page.goto(path);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  }
});
