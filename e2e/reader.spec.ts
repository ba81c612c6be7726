/**
 * Reading the linux-leds sample as a reader does every day: by month and by person, with the
 * keyboard, in either theme, on a phone and a wide screen, with assistive technology (axe-core
 * finds nothing serious in either theme), and with JavaScript off.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

test.use({ baseURL: `http://127.0.0.1:${sites.sample.port}` });

const V25 = '20200504211344.13221-1-dmurphy@ti.com';
const V25_PATCH_4 = '20200504211344.13221-5-dmurphy@ti.com';
/** A reply that quotes at several depths, folds a quote and carries a diff. */
const QUOTES_AND_DIFFS = '/m/Y6WiQKRI~2FYCbMBhA@google.com~udfb4/';
/** The sample's longest thread, read whole. */
const LONG_THREAD = '/t/20220613111146.25221-1-peterwu.pub@gmail.com/';

/** Presses a key once the page's scripts have run (a page reached by a key is still loading when its URL shows). */
async function press(page: Page, key: string): Promise<void> {
  await page.waitForLoadState('load');
  await page.keyboard.press(key);
}

/** Follows the first link of that name. */
async function follow(page: Page, name: string | RegExp, within = page.locator('body')): Promise<void> {
  await within.getByRole('link', { name }).first().click();
}

test.describe('by date', () => {
  test("a series and its patches link to their month, whose page lists the series as new that month", async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    await follow(page, 'More from May 2020');
    await expect(page).toHaveURL(/\/d\/2020-05\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^May 2020: \d+ messages, \d+ series, \d+ other threads?$/);
    const row = page.locator('.listing-row').filter({ has: page.locator(`a[href="/s/${V25}/"]`) });
    await expect(row).toContainText('Multicolor Framework v25');
    await expect(row.locator('.month-start')).toHaveText('new this month');
    await expect(row.locator('.message-count')).toHaveText(/^\d+ messages this month$/);
    await page.goto(`/s/${V25}/`);
    await expect(page.locator('.series-facts .month-link')).toHaveAttribute('href', '/d/2020-05/');
  });

  test('the years link to their months, under a chart of messages and series per month given as text too', async ({ page }) => {
    await page.goto('/d/');
    const chart = page.locator('svg.activity-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart.locator('desc')).toContainText('messages from');
    expect(await chart.locator('.panel-messages rect').count()).toBeGreaterThan(10);
    await expect(chart.locator('rect title').first()).toHaveText(/^\w+ \d{4}: \d+ messages?$/);
    const may = page.locator('.year').filter({ has: page.getByRole('heading', { name: /^2020/ }) }).getByRole('link', { name: 'May 2020' });
    await expect(may).toHaveAttribute('href', '/d/2020-05/');
    await may.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('May 2020');
  });
});

test.describe('by author', () => {
  test("the From line leads to the author's page: the names used, the series sent with their review, the other messages", async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    await follow(page, 'Dan Murphy <dmurphy@ti.com>', page.locator('.headers .from'));
    await expect(page).toHaveURL(/\/a\/[0-9a-f]{16}\/$/);
    expect(page.url()).not.toContain('dmurphy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dan Murphy');
    await expect(page.locator('.address')).toHaveText('dmurphy@ti.com');
    const v25 = page.locator('section[aria-labelledby="author-series"] .listing-row').filter({ has: page.locator(`a[href="/s/${V25}/"]`) });
    await expect(v25.locator('.review-count')).toHaveText(['1 reviewed', '3 acked']);
    await expect(page.locator('section[aria-labelledby="author-messages"] .message-list tr').first()).toBeVisible();
  });

  test('a reviewer\'s page lists the trailers they gave, as the series counts them', async ({ page }) => {
    await page.goto(`/s/${V25}/`);
    await follow(page, 'Pavel Machek', page.locator('.series-status'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pavel Machek');
    const acked = page.locator('.reviews-given .listing-row').filter({ has: page.locator(`a[href="/s/${V25}/"]`) });
    await expect(acked).toContainText('Acked-by');
    await expect(acked).toContainText('patches 1, 5, 7–16 of 16');
  });
});

test.describe('keyboard', () => {
  test('j and k go to the next and previous message in thread order, u to the parent, t to the start', async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    const next = await page.locator('a[data-key="j"]').getAttribute('href');
    const previous = await page.locator('a[data-key="k"]').getAttribute('href');
    await press(page, 'j');
    await expect(page).toHaveURL(next!);
    await press(page, 'k');
    await expect(page).toHaveURL(`/m/${V25_PATCH_4}/`);
    await press(page, 'k');
    await expect(page).toHaveURL(previous!);
    await page.goto(`/m/${V25_PATCH_4}/`);
    await press(page, 'u');
    await expect(page).toHaveURL(`/m/${V25}/`);
    await page.goto(`/m/${V25_PATCH_4}/`);
    await press(page, 't');
    await expect(page).toHaveURL(`/m/${V25}/`);
  });

  test('n and p go to the series sent after and before; on a list they walk its rows', async ({ page }) => {
    await page.goto(`/s/${V25}/`);
    const next = await page.locator('a[data-key="n"]').getAttribute('href');
    await press(page, 'n');
    await expect(page).toHaveURL(next!);
    await press(page, 'p');
    await expect(page).toHaveURL(`/s/${V25}/`);

    await page.goto('/');
    const rows = page.locator('.listing [data-key-item]');
    await press(page, 'n');
    await expect(rows.nth(0)).toBeFocused();
    await press(page, 'n');
    await expect(rows.nth(1)).toBeFocused();
    await press(page, 'p');
    await expect(rows.nth(0)).toBeFocused();
    const outline = await rows.nth(0).evaluate((link) => getComputedStyle(link).outlineStyle);
    expect(outline, 'the focused row is outlined').not.toBe('none');
    await press(page, 'Enter');
    await expect(page).toHaveURL(/\/(?:s|m)\/[^/]+\/$/);
  });

  test('on a thread read whole, j and k move from message to message', async ({ page }) => {
    await page.goto(LONG_THREAD);
    const entries = page.locator('article.reading-entry');
    await press(page, 'j');
    await expect(entries.nth(0)).toBeFocused();
    await press(page, 'j');
    await expect(entries.nth(1)).toBeFocused();
    await expect(entries.nth(1)).toBeInViewport();
    await press(page, 'k');
    await expect(entries.nth(0)).toBeFocused();
  });

  test('/ focuses the search, ? opens the help, and no key acts while typing in a field', async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    await press(page, '?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const key of ['j', 'k', 'n', 'p', 'u', 't', '/', '?']) await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
    await press(page, 'Escape');
    await expect(help).toBeHidden();
    await press(page, '/');
    const box = page.locator('form.search input[name="q"]');
    await expect(box).toBeFocused();
    await page.keyboard.type('jkut');
    await expect(box).toHaveValue('jkut');
    await expect(page).toHaveURL(/\/m\/20200504211344\.13221-5-dmurphy@ti\.com\/(\?q=jkut)?$/);
  });
});

test.describe('theme', () => {
  test('the toggle is remembered, and the chosen theme is set before the page is painted', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator('button.theme-toggle');
    await expect(toggle).toHaveText('Theme: system');
    await toggle.click();
    await expect(toggle).toHaveText('Theme: light');
    await toggle.click();
    await expect(toggle).toHaveText('Theme: dark');
    const dark = await background();
    expect(dark).not.toBe(light);

    // On the next page, the theme is already set when <body> starts: no flash of the system's.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/m/${V25_PATCH_4}/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
    expect(await background()).toBe(dark);
    await expect(toggle).toHaveText('Theme: dark');
    const themeScript = page.locator('head > script[src*="/_astro/theme."]');
    await expect(themeScript).toHaveCount(1);
    expect(await themeScript.evaluate((script) => [script.getAttribute('type'), (script as HTMLScriptElement).async, (script as HTMLScriptElement).defer])).toEqual([null, false, false]);

    await toggle.click();
    await expect(toggle).toHaveText('Theme: system');
    await page.reload();
    expect(await background()).toBe(light);
  });
});

test.describe('screens', () => {
  const pages = ['/', `/s/${V25}/`, `/m/${V25_PATCH_4}/`, QUOTES_AND_DIFFS, LONG_THREAD, '/d/', '/d/2020-05/', '/messages/', '/search/?q=led'];

  test('at 360 px nothing but code scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of [...pages, await authorPage(page)]) {
      await page.goto(path);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0], `${path} scrolls sideways`).toBeLessThanOrEqual(widths[1]!);
    }
    await page.goto(`/m/${V25_PATCH_4}/`);
    await expect(page.locator('.site-header form.search input')).toBeInViewport();
    await expect(page.locator('.site-header nav a').last()).toBeInViewport();
    const code = await page.locator('pre.diff').first().evaluate((pre) => pre.scrollWidth > pre.clientWidth);
    expect(code, 'a long diff line scrolls inside its block').toBe(true);
  });

  test('on a 2560 px screen the text keeps a readable measure', async ({ page }) => {
    await page.setViewportSize({ width: 2560, height: 1200 });
    await page.goto(`/m/${V25_PATCH_4}/`);
    const width = await page.locator('main').evaluate((main) => main.getBoundingClientRect().width);
    expect(width).toBeLessThan(1000);
  });

  test('the copy-permalink button beside the Message-ID copies the message\'s address', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/m/${V25_PATCH_4}/`);
    await page.locator('.message-id').getByRole('button', { name: 'Copy permalink' }).click();
    await expect(page.locator('.message-id [role="status"]')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://127.0.0.1:${sites.sample.port}/m/${V25_PATCH_4}/`);
  });

  test('a favicon', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await request.get(href!);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  });
});

/** The author page of Dan Murphy, found from his series. */
async function authorPage(page: Page): Promise<string> {
  await page.goto(`/s/${V25}/`);
  return (await page.locator('.series-facts .author a').getAttribute('href'))!;
}

/** Pages found by a link: the author's, an interdiff of the series, a file page of its patch. */
async function linkedPage(page: Page, path: string): Promise<string> {
  if (path === 'author') return authorPage(page);
  const [from, link] = path === 'interdiff' ? [`/s/${V25}/`, 'a[href*="/interdiff/"]'] : [`/m/${V25_PATCH_4}/`, 'a[href^="/f/"]'];
  await page.goto(from);
  return (await page.locator(link).first().getAttribute('href'))!;
}

test.describe('accessibility', () => {
  const checked = ['/', `/s/${V25}/`, `/m/${V25_PATCH_4}/`, QUOTES_AND_DIFFS, LONG_THREAD, '/search/?q=led', '/d/', '/d/2020-05/', '/state/applied/', 'author', 'interdiff', 'file'];
  for (const scheme of ['light', 'dark'] as const) {
    for (const path of checked) {
      test(`no serious or critical axe-core violation on ${path} in the ${scheme} theme`, async ({ page }) => {
        test.setTimeout(120_000);
        const url = path.startsWith('/') ? path : await linkedPage(page, path);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        if (url.startsWith('/search/')) await expect(page.locator('#search-results a.result').first()).toBeVisible();
        // The long thread's tens of thousands of highlighted diff tokens take axe minutes; their colours are those of the message pages checked here (and src/styles/contrast.test.ts).
        const axe = url === LONG_THREAD ? new AxeBuilder({ page }).exclude('pre.diff > code') : new AxeBuilder({ page });
        const { violations } = await axe.analyze();
        const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
      });
    }
  }

  test('the chosen theme, not only the system\'s, passes too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('sheaf-theme', 'dark'));
    await page.goto(QUOTES_AND_DIFFS);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2aa']).analyze();
    expect(violations.filter((violation) => violation.id === 'color-contrast').flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  });

  test('landmarks and headings in order; the tree tells its depths; folded quotes open from the keyboard', async ({ page }) => {
    await page.goto(QUOTES_AND_DIFFS);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const levels = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let index = 1; index < levels.length; index++) expect(levels[index]! - levels[index - 1]!, `heading ${index}`).toBeLessThanOrEqual(1);
    await expect(page.locator('.tree-row .visually-hidden').first()).toHaveText('Top level:');
    await expect(page.locator('.tree-row[aria-current="page"] .visually-hidden')).toHaveText(/^Level \d+:\s*$/);

    const fold = page.locator('details.fold').first();
    await expect(fold).not.toHaveAttribute('open');
    await fold.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(fold).toHaveAttribute('open');
    // The skip link is the first stop, and lands in the content.
    await page.goto(QUOTES_AND_DIFFS);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the content' })).toBeFocused();
  });
});

test.describe('wording', () => {
  test('a patch names its series with the version once, and a count of one is singular', async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    await expect(page.locator('.series-place .series-link')).toHaveText('Multicolor Framework v25');
    await page.goto('/');
    for (const text of await page.locator('.patch-count, .reply-count').allTextContents()) expect(text).not.toMatch(/^(?:\d+\/1 patches|1 replies)$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every page reads: month, author, message and thread; the buttons that need a script stay hidden', async ({ page }) => {
    await page.goto(`/m/${V25_PATCH_4}/`);
    await expect(page.locator('.message > .mail-body')).toContainText('LP5036 can control 36 LEDs');
    for (const button of ['button.theme-toggle', 'button.keys-button', 'button.copy-link']) await expect(page.locator(button)).toBeHidden();
    await follow(page, 'More from May 2020');
    await expect(page.locator(`.listing-row a[href="/s/${V25}/"]`)).toBeVisible();
    await page.goto(await authorPage(page));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dan Murphy');
    await page.goto('/d/');
    await expect(page.locator('svg.activity-chart')).toBeVisible();
    await page.goto(QUOTES_AND_DIFFS);
    const fold = page.locator('details.fold').first();
    await fold.locator('summary').click();
    await expect(fold).toHaveAttribute('open');
    await page.goto(LONG_THREAD);
    expect(await page.locator('article.reading-entry').count()).toBeGreaterThan(40);
  });
});
