/**
 * Hostile mail in Chromium (the site built from src/testing/hostile-mail.ts): on the page of
 * every hostile mail and on the lists, no dialog opens, nothing injected runs or logs, no
 * request leaves the site, the Content-Security-Policy is never violated, and the payloads
 * show as text with their invisible characters marked.
 */
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

const origin = `http://127.0.0.1:${sites.hostile.port}`;
test.use({ baseURL: origin });

interface Watch {
  dialogs: string[];
  console: string[];
  outside: string[];
  errors: string[];
}

/** Records what a page must never do; the CSP violations are gathered in the page itself. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], console: [], outside: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico by itself; the site has none.
    if (!message.location().url.endsWith('/favicon.ico')) seen.console.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) seen.outside.push(request.url());
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return seen;
}

/** An id as a page shows it: each invisible character as its mark. */
const shown = (text: string) =>
  text.replace(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/g, (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);

async function assertInert(page: Page, seen: Watch, path: string): Promise<void> {
  // Hovering and focusing would fire inline handlers, had any got through.
  await page.mouse.move(200, 200);
  await page.mouse.move(400, 500);
  await page.waitForTimeout(50);
  expect(seen.dialogs, path).toEqual([]);
  expect(seen.console, path).toEqual([]);
  expect(seen.errors, path).toEqual([]);
  expect(seen.outside, path).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), path).toEqual([]);
  const found = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((script) => !script.src.startsWith(`${location.origin}/_astro/`)).length,
    // The one svg is the activity chart of /d/, drawn from counts.
    foreign: document.querySelectorAll('iframe, frame, object, embed, base, img, svg:not(.activity-chart), video, audio, style, link:not([rel="stylesheet"]):not([rel="canonical"]):not([rel="icon"]):not([rel="alternate"][type="application/atom+xml"])').length,
    refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
    forms: [...document.forms].filter((form) => !form.classList.contains('search')).length,
    handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name) || attribute.name === 'style')).length,
    hrefs: [...document.querySelectorAll('a[href]:not(.reply-mailto)')].map((a) => (a as HTMLAnchorElement).href).filter((href) => !/^(?:https?|ftp|git):/.test(href)),
    // The reply link is the page's own mailto: whatever the mail holds, it carries these fields and no other (no Bcc, no body).
    replyFields: [...document.querySelectorAll('a.reply-mailto')].flatMap((a) => {
      const url = new URL((a as HTMLAnchorElement).href);
      return url.protocol !== 'mailto:' ? ['not mailto'] : [...url.searchParams.keys()].filter((name) => !['Cc', 'Subject', 'In-Reply-To', 'References'].includes(name));
    }),
    outsideWithoutRel: [...document.querySelectorAll('a[href]:not(.reply-mailto)')]
      .filter((a) => new URL((a as HTMLAnchorElement).href).origin !== location.origin && a.getAttribute('rel') !== 'nofollow noopener noreferrer').length,
    policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  }));
  expect(found, path).toMatchObject({ scripts: 0, foreign: 0, refresh: 0, forms: 0, handlers: 0, hrefs: [], replyFields: [], outsideWithoutRel: 0 });
  expect(found.policy, path).toContain("script-src 'self'");
}

test('every hostile mail has a page of its own, and nothing on it runs', async ({ page, request }) => {
  test.setTimeout(120_000);
  const messages = (await (await request.get('/api/messages.json')).json()) as { id: string; url: string; subject: string }[];
  expect(messages.length).toBeGreaterThanOrEqual(20);
  expect(new Set(messages.map(({ url }) => url.toLowerCase())).size, 'no two pages share a folder where case is ignored').toBe(messages.length);
  const seen = await watch(page);
  for (const { id, url } of messages) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.locator('.headers .message-id').first(), url).toContainText(shown(id).slice(0, 40));
    await assertInert(page, seen, url);
  }
});

test('the payloads show as text, with bidi and zero-width characters marked', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/m/~2E.~2F..~2F..~2Fetc~2Fpasswd/');
  await expect(page.locator('h1.subject')).toContainText("<script>alert('INJECTED')</script>");
  await expect(page.locator('h1.subject .invisible-char').first()).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE');
  await expect(page.locator('.headers .from')).toContainText("<script>alert('INJECTED')</script> Ev⟨U+202E⟩il");
  await expect(page.locator('.mail-body').first()).toContainText('<iframe src="http://evil.example/frame"></iframe>');
  await expect(page.locator('.mail-body .invisible-char[title="U+2066 LEFT-TO-RIGHT ISOLATE"]').first()).toHaveText('⟨U+2066⟩');
  await expect(page.locator('.mail-body a[href^="http://evil.example/"]').first()).toHaveAttribute('rel', 'nofollow noopener noreferrer');
  expect(await page.title()).toContain('⟨U+202E⟩');
  expect(await page.title()).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/);
  await assertInert(page, seen, 'the first hostile mail');
});

test('the lists, the subject index and search show hostile subjects inertly', async ({ page }) => {
  const seen = await watch(page);
  for (const path of ['/', '/messages/', '/subjects/', '/messages/page/2025-03/', '/page/2025-03/', '/d/', '/d/2025-03/']) {
    await page.goto(path);
    await assertInert(page, seen, path);
  }
  // The page of a hostile sender, reached from their From line.
  await page.goto('/m/~2E.~2F..~2F..~2Fetc~2Fpasswd/');
  await page.locator('.headers .from a').click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f]{16}\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText("<script>alert('INJECTED')</script>");
  await assertInert(page, seen, 'the hostile sender\'s page');
  await page.goto('/search/?q=script');
  await page.waitForTimeout(300);
  await assertInert(page, seen, '/search/?q=script');
});

test('the watch itself sees a dialog, a console line, an outside request and a policy violation', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  await page.evaluate(() => {
    console.log('INJECTED');
    alert('INJECTED');
    const image = document.createElement('img');
    image.src = 'http://evil.example/seen.png';
    document.body.append(image);
  });
  await page.waitForTimeout(200);
  expect(seen.dialogs).toEqual(['alert: INJECTED']);
  expect(seen.console[0]).toContain('INJECTED');
  expect(seen.outside).toContain('http://evil.example/seen.png');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toContain('img-src: http://evil.example/seen.png');
});

test('real threads keep their indentation under the policy: depths are classes', async ({ page }) => {
  const seen = await watch(page);
  // A reply four levels deep in a linux-leds thread (an id without capitals: its URL never changed).
  await page.goto(`http://127.0.0.1:${sites.sample.port}/m/01fc2e30-eafe-495c-a62d-402903fd3e2a@lunn.ch/`);
  const paddings = await page.locator('.tree-row').evaluateAll((rows) =>
    Object.fromEntries(rows.map((row) => [/indent-(\d+)/.exec(row.className)?.[1], parseFloat(getComputedStyle(row).paddingLeft)])),
  );
  for (const depth of ['0', '1', '2', '3']) expect(paddings[depth], JSON.stringify(paddings)).toBeGreaterThan(0);
  expect(paddings['1']).toBeGreaterThan(paddings['0']!);
  expect(paddings['3']).toBeGreaterThan(paddings['2']!);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.console).toEqual([]);
});
