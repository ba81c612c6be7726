import { expect, test } from '@playwright/test';

const SEED_SUBJECT = 'Re: [PATCH 3/4] iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO';

test('from the message list to the seed message: subject, author, date and body', async ({ page }) => {
  await page.goto('/messages/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Messages');
  await page.getByRole('link', { name: SEED_SUBJECT }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_SUBJECT);
  await expect(page.locator('.headers .from')).toHaveText('Jason Gunthorpe');
  await expect(page.locator('.headers .date')).toContainText('17 January 2023');
  await expect(page.locator('.headers .date')).toContainText('Tue Jan 17 2023 - 09:20:08 EST');
  await expect(page.locator('.message')).toContainText('Connecting the iommu driver to KVM has to be properly architected');
  await expect(page.locator('.message')).toContainText('The kvm pointer is only valid so long as the group_lock is held.');
});

test('a reply links to its parent, and the parent page opens', async ({ page }) => {
  await page.goto('/m/20250304161245.GA7@example.org~uc/');
  await expect(page.locator('.headers .from')).toContainText('Lee Jones');
  await page.locator('.headers .parent a').click();
  await expect(page).toHaveURL(/\/m\/20250303090000\.1000-2-ada@example\.org\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[PATCH v2 1/2] leds: demo: add blink pattern');
});

test('a patch sent as an attachment is shown with the body; other attachments are listed', async ({ page }) => {
  await page.goto('/m/reply-cafe-sign-1@example.org/');
  await expect(page.locator('.attachment pre')).toContainText('dev_attr_shop_hours');
  await expect(page.locator('.attachments')).toContainText('shop-hours.sh');
});

test('the pages carry no inline script', async ({ page }) => {
  for (const path of ['/', '/m/reply-cafe-sign-1@example.org/']) {
    await page.goto(path);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  }
});

test('the seed renders its three quote levels, attributions and the quoted hunk as a C diff', async ({ page }) => {
  await page.goto('/m/731e8ee747ecd34a11ece3fc7c3b7b4c@content.sheaf.invalid/');
  const body = page.locator('.mail-body');
  await expect(body.locator('figcaption.attribution[data-depth="1"]').first()).toHaveText(
    'On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:',
  );
  await expect(body.locator('figcaption.attribution[data-depth="3"]').first()).toContainText('Suravee Suthikulpanit wrote:');
  const level3 = body.locator('blockquote[data-depth="1"] blockquote[data-depth="2"] blockquote[data-depth="3"]');
  await expect(level3.first()).toContainText('Currently, VFIO provide an kvm_vfio_file_set_kvm() interface');
  const hunk = level3.locator('pre.diff[data-lang="c"]');
  await expect(hunk.locator('.line.hunk')).toHaveText(/^@@ -1652,6 \+1652,7 @@ void vfio_file_set_kvm/);
  await expect(hunk.locator('.line.add')).toHaveAttribute('data-new', '1654');
  expect(await hunk.locator('.line.add span[class^="hl-"], .line.add span[style]').count()).toBeGreaterThan(0);
  await expect(body.locator('blockquote[data-depth="2"]').first()).toContainText('Also NAK');
  await expect(body.locator(':scope > p').last()).toHaveText('Jason');
});

test('a quote links to the message it quotes, and diffstat lines to their file', async ({ page }) => {
  await page.goto('/m/20250304161245.GA7@example.org~uc/');
  const attribution = page.locator('.mail-body figcaption.attribution[data-depth="1"]');
  await expect(attribution).toContainText('Ada Lovelace wrote:');
  await attribution.locator('a').click();
  await expect(page).toHaveURL(/\/m\/20250303090000\.1000-2-ada@example\.org\/$/);
  const statLink = page.locator('.mail-body pre.diffstat a').first();
  const target = (await statLink.getAttribute('href'))!;
  expect(target).toMatch(/^#m[0-9a-f]{8}-f1$/);
  await expect(page.locator(`pre.diff${target}`)).toHaveAttribute('data-file', 'drivers/leds/leds-demo.c');
});
