/**
 * The Atom feeds and reply links of the linux-leds threads sample: every feed a page links
 * parses as Atom (in Chromium's XML parser) with the elements RFC 4287 requires and absolute
 * links that open; every message page's reply link carries In-Reply-To and References.
 */
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config.ts';

const origin = `http://127.0.0.1:${sites.sample.port}`;
test.use({ baseURL: origin });

const SERIES = '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu';
const PATCH_2 = '20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu';

interface ParsedFeed {
  errors: number;
  namespace: string | null;
  id: string | null;
  title: string | null;
  updated: string | null;
  authorName: string | null;
  self: string | null;
  entries: { id: string | null; title: string | null; updated: string | null; link: string | null; author: string | null }[];
}

/** A feed read by the browser's XML parser. */
async function parseFeed(page: Page, xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    const child = (parent: Element, name: string) => [...parent.children].find((element) => element.localName === name) ?? null;
    const text_ = (parent: Element, name: string) => child(parent, name)?.textContent ?? null;
    const alternate = (parent: Element, rel: string) => [...parent.children].find((element) => element.localName === 'link' && element.getAttribute('rel') === rel)?.getAttribute('href') ?? null;
    const author = (parent: Element) => {
      const element = child(parent, 'author');
      return element ? text_(element, 'name') : null;
    };
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      namespace: root.localName === 'feed' ? root.namespaceURI : null,
      id: text_(root, 'id'),
      title: text_(root, 'title'),
      updated: text_(root, 'updated'),
      authorName: author(root),
      self: alternate(root, 'self'),
      entries: [...root.children].filter((element) => element.localName === 'entry').map((entry) => ({
        id: text_(entry, 'id'),
        title: text_(entry, 'title'),
        updated: text_(entry, 'updated'),
        link: alternate(entry, 'alternate'),
        author: author(entry),
      })),
    };
  }, xml);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test('every feed parses as Atom, with the required elements, absolute links that open, and stable ids', async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const archiveFeeds = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(archiveFeeds).toEqual([`${origin}/feeds/series.atom`, `${origin}/feeds/messages.atom`]);
  const series = (await (await request.get('/api/series.json')).json()) as { url: string }[];
  const feeds = [...archiveFeeds];
  for (const { url } of series) {
    await page.goto(url);
    const linked = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(linked, url).toBe(`${url}feed.atom`);
    feeds.push(new URL(linked!, origin).href);
  }
  const opened = new Set<string>();
  for (const feedUrl of feeds) {
    const response = await request.get(feedUrl);
    expect(response.status(), feedUrl).toBe(200);
    expect(response.headers()['content-type']).toBe('application/atom+xml');
    const feed = await parseFeed(page, await response.text());
    expect(feed.errors, feedUrl).toBe(0);
    expect(feed.namespace, feedUrl).toBe('http://www.w3.org/2005/Atom');
    expect([feed.id, feed.self], feedUrl).toEqual([feedUrl, feedUrl]);
    expect(feed.title, feedUrl).toBeTruthy();
    expect(feed.authorName, feedUrl).toBe('Sheaf');
    expect(feed.updated, feedUrl).toMatch(RFC3339);
    expect(feed.entries.length, feedUrl).toBeLessThanOrEqual(50);
    expect(new Set(feed.entries.map((entry) => entry.id)).size, `${feedUrl}: ids are unique`).toBe(feed.entries.length);
    if (feed.entries.length > 0) expect(feed.updated, `${feedUrl}: the newest entry's date`).toBe(feed.entries[0]!.updated);
    for (const entry of feed.entries) {
      expect(entry.title, feedUrl).toBeTruthy();
      expect(entry.author, feedUrl).toBeTruthy();
      expect(entry.updated, feedUrl).toMatch(RFC3339);
      expect(entry.id, `${feedUrl}: the id is the entry's permalink`).toBe(entry.link);
      expect(entry.link!.startsWith(`${origin}/`), `${feedUrl}: ${entry.link}`).toBe(true);
      if (!opened.has(entry.link!)) {
        opened.add(entry.link!);
        expect((await request.get(entry.link!)).status(), entry.link!).toBe(200);
      }
    }
  }
  const messages = await parseFeed(page, await (await request.get('/feeds/messages.atom')).text());
  expect(messages.entries).toHaveLength(50);
  const dates = messages.entries.map((entry) => entry.updated!);
  expect([...dates].sort().reverse(), 'newest first').toEqual(dates);
  const sy7802 = await parseFeed(page, await (await request.get(`/s/${SERIES}/feed.atom`)).text());
  expect(sy7802.entries.map((entry) => entry.link)).toContain(`${origin}/m/${PATCH_2}/`);
});

test('the feeds of hostile mail are well-formed Atom holding nothing but Atom elements: its markup stays text', async ({ page, request }) => {
  const hostile = `http://127.0.0.1:${sites.hostile.port}`;
  const series = (await (await request.get(`${hostile}/api/series.json`)).json()) as { url: string }[];
  const feeds = [`${hostile}/feeds/series.atom`, `${hostile}/feeds/messages.atom`, ...series.map(({ url }) => `${hostile}${url}feed.atom`)];
  await page.goto(`${hostile}/`);
  let payloads = 0;
  for (const feedUrl of feeds) {
    const xml = await (await request.get(feedUrl)).text();
    if (xml.includes('&lt;script')) payloads++;
    const found = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = new Set(['feed', 'id', 'title', 'link', 'updated', 'published', 'author', 'name', 'email', 'generator', 'entry', 'summary']);
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        foreign: [...doc.getElementsByTagName('*')].filter((element) => element.namespaceURI !== 'http://www.w3.org/2005/Atom' || !atom.has(element.localName)).map((element) => element.localName),
      };
    }, xml);
    expect(found.errors, feedUrl).toBe(0);
    expect(found.foreign, feedUrl).toEqual([]);
  }
  expect(payloads, 'the payloads are there, as text').toBeGreaterThan(0);
});

test('a message offers a reply: a mailto: link with In-Reply-To, References, To, Cc and Re:, and the git send-email command', async ({ page }) => {
  await page.goto(`/m/${PATCH_2}/`);
  const mailto = new URL((await page.locator('.reply a.reply-mailto').getAttribute('href'))!);
  expect(mailto.protocol).toBe('mailto:');
  // The author as the mail names them: sent through the B4 relay.
  expect(decodeURIComponent(mailto.pathname)).toBe('devnull+git.apitzsch.eu@kernel.org');
  expect(mailto.searchParams.get('In-Reply-To')).toBe(`<${PATCH_2}>`);
  expect(mailto.searchParams.get('References')).toBe(`<${SERIES}> <${PATCH_2}>`);
  expect(mailto.searchParams.get('Subject')).toBe('Re: [PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash LED controller');
  const cc = mailto.searchParams.get('Cc')!.split(',');
  expect(cc).toContain('linux-leds@vger.kernel.org');
  expect(cc).not.toContain('devnull+git.apitzsch.eu@kernel.org');
  expect(new Set(cc).size, 'each once').toBe(cc.length);
  const command = await page.locator('.reply-command').textContent();
  expect(command!.startsWith(`git send-email \\\n  --in-reply-to=${PATCH_2} \\\n  --to=devnull+git.apitzsch.eu@kernel.org \\\n`), command!).toBe(true);
  expect(command).toContain('--cc=linux-leds@vger.kernel.org');
  expect(command!.trimEnd().endsWith('/path/to/YOUR_REPLY')).toBe(true);
  await expect(page.locator('.reply-missing')).toHaveCount(0);

  // A thread read whole links each message's reply.
  await page.goto(`/t/${SERIES}/`);
  await expect(page.locator(`article[id="${PATCH_2}"] a.reply`)).toHaveAttribute('href', `/m/${PATCH_2}/#reply`);
});
