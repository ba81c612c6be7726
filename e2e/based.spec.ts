/**
 * The demo content built to be served under a sub-path (`SHEAF_BASE=/lists/demo/`) with its
 * addresses masked (playwright.config.ts `based`), served there and nowhere else: every page,
 * crawled from the base, links, loads and fetches nothing on the host outside the base; search
 * works there; and no address shows as sent.
 */
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

const { port, base } = sites.based;
const origin = `http://127.0.0.1:${port}`;
const home = `${origin}${base}`;

/**
 * Every URL a page names: links, scripts, styles, feeds, forms, forwards. A forward (a `<meta>`
 * refresh) may leave while it is read: then the page it went to is read, and named.
 */
async function namedUrls(page: Page): Promise<string[]> {
  try {
    return await readNamedUrls(page);
  } catch (error) {
    if (!String(error).includes('Execution context was destroyed')) throw error;
    await page.waitForLoadState('load');
    return [page.url(), ...(await readNamedUrls(page))];
  }
}

async function readNamedUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls: string[] = [];
    for (const element of document.querySelectorAll('a[href], link[href]')) urls.push((element as HTMLAnchorElement | HTMLLinkElement).href);
    for (const script of document.querySelectorAll('script[src]')) urls.push((script as HTMLScriptElement).src);
    for (const form of document.forms) urls.push(form.action);
    for (const refresh of document.querySelectorAll('meta[http-equiv="refresh" i]')) {
      const target = /url=(.*)$/i.exec(refresh.getAttribute('content') ?? '')?.[1];
      if (target) urls.push(new URL(target, location.href).href);
    }
    return urls;
  });
}

test('no link, script, style, feed or fetch of any page leaves the base path', async ({ page, request }) => {
  test.setTimeout(180_000);
  const requested: string[] = [];
  page.on('request', (one) => requested.push(one.url()));
  const queue = [home];
  const seen = new Set(queue);
  const outside: string[] = [];
  const broken: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    pages++;
    for (const named of await namedUrls(page)) {
      const target = new URL(named);
      if (target.origin !== origin) continue; // mail links elsewhere (lore, kernel.org) and mailto: reply links
      target.hash = '';
      if (!target.pathname.startsWith(base)) outside.push(`${url} → ${named}`);
      else if (!seen.has(target.href)) {
        seen.add(target.href);
        const isPage = target.pathname.endsWith('/') && !target.search;
        if (isPage) queue.push(target.href);
        else if (target.search === '') {
          const file = await request.get(target.href);
          if (file.status() !== 200) broken.push(`${url} → ${named}: ${file.status()}`);
        }
      }
    }
  }
  expect(outside).toEqual([]);
  expect(broken).toEqual([]);
  expect(pages).toBeGreaterThan(30);
  expect(requested.filter((url) => new URL(url).origin === origin && !new URL(url).pathname.startsWith(base))).toEqual([]);
  expect((await request.get(`${origin}/`)).status(), 'nothing is served outside the base').toBe(404);
});

test('search works under the base path: it fetches its index there and opens results there', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (one) => fetched.push(new URL(one.url()).pathname));
  await page.goto(home);
  const box = page.locator('form.search input[name="q"]');
  await box.pressSequentially('blink', { delay: 10 });
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', 'blink');
  const first = page.locator('#search-results a.result').first();
  await expect(first).toHaveAttribute('href', new RegExp(`^${base}s/`));
  expect(fetched.some((path) => path.startsWith(`${base}search/`))).toBe(true);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`^${home}s/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('leds: demo');
  // The search page itself, from the form.
  await page.goto(`${home}search/?q=blink`);
  await expect(page.locator('#search-results a.result').first()).toHaveAttribute('href', new RegExp(`^${base}`));
});

test('addresses are masked on pages, in the JSON data and the search index; the mails as archived are not offered', async ({ page, request }) => {
  await page.goto(`${home}m/20250304161245.GA7@example.org~uc/`);
  await expect(page).toHaveTitle(/· Demo list$/);
  await expect(page.locator('.headers .from')).toHaveText('Lee Jones <lee@xxxxxxxxxx>');
  await expect(page.locator('.mail-body').first()).toContainText('Reviewed-by: Lee Jones <lee@xxxxxxxxxx>');
  await expect(page.locator('.downloads')).toHaveCount(0);
  const reply = new URL((await page.locator('a.reply-mailto').getAttribute('href'))!);
  expect([reply.pathname, reply.searchParams.get('Cc'), reply.searchParams.get('In-Reply-To')]).toEqual(['', null, '<20250304161245.GA7@example.org>']);
  await expect(page.locator('.reply-missing')).toHaveText(/^This archive masks addresses and names no list: add the list, the author, Lee Jones, and those it was sent to \(.+\) yourself\.$/);
  await expect(page.locator('.reply-command')).not.toContainText('--to=');
  const messages = (await (await request.get(`${home}api/messages.json`)).json()) as { url: string; from: { email: string }; raw: string | null; threadMbox: string | null }[];
  expect(messages.length).toBeGreaterThan(5);
  for (const message of messages) {
    expect(message.url.startsWith(`${base}m/`), message.url).toBe(true);
    expect(message.from.email === '' || message.from.email.endsWith('@xxxxxxxxxx'), message.from.email).toBe(true);
    expect([message.raw, message.threadMbox]).toEqual([null, null]);
  }
  expect((await request.get(`${messages[0]!.url}raw.txt`)).status()).toBe(404);
  const series = (await (await request.get(`${home}api/series.json`)).json()) as { mbox: string | null; mboxPlain: string | null }[];
  const mbox = (await (await request.get(`${origin}${series.find((entry) => entry.mbox)!.mbox}`)).text());
  expect(mbox).toContain('X-Sheaf-Addresses: addresses masked by the archive: user@xxxxxxxxxx');
  expect(mbox).toMatch(/^From: Ada Lovelace <ada@xxxxxxxxxx>$/m);
  expect(mbox).not.toMatch(/<ada@example\.org>/);
  expect(series.every((entry) => entry.mboxPlain === null)).toBe(true);
  // The people `f:` searches hold the masked addresses' words: the user, never the domain.
  const manifest = (await (await request.get(`${home}search/manifest.json`)).json()) as { peopleShards: string[] };
  const people = new Set<string>();
  for (const shard of manifest.peopleShards) for (const word of Object.keys(await (await request.get(`${home}search/f/${shard}.json`)).json())) people.add(word);
  expect(people.has('ada') && people.has('xxxxxxxxxx')).toBe(true);
  expect(['org', 'net', 'com'].filter((word) => people.has(word)), 'no word of a domain').toEqual([]);
});
