import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorSlug } from '../../archive/author.ts';
import { diff, reviewOf, type MailSpec } from '../../archive/test-support.ts';
import { buildSearchIndex } from '../../search/build-index.ts';
import { searchRows } from '../../search/rows.ts';
import { addressPolicy } from '../addresses.ts';
import { resolveConfig, type SheafConfig } from '../config.ts';
import { pageKey, siteRoutes, type KeptThreads, type SiteRoutes } from './index.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';

const archive: MailSpec[] = [
  { id: 'cover', subject: '[PATCH v2 0/2] leds: demo', from: ada, date: '2025-03-01T10:00:00.000Z', body: 'Cover.\n' },
  { id: 'p1', subject: '[PATCH v2 1/2] leds: one', from: ada, date: '2025-03-01T10:01:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `one\n${diff('a.c')}` },
  { id: 'p2', subject: '[PATCH v2 2/2] leds: two', from: ada, date: '2025-03-01T10:02:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `two\n${diff('b.c')}` },
  { id: 'q', subject: 'How do I blink?', from: lee, date: '2025-01-05T09:00:00.000Z', body: 'A question.\n' },
  { id: 'qa', subject: 'Re: How do I blink?', from: ada, date: '2025-01-05T10:00:00.000Z', inReplyTo: 'q', references: ['q'], body: 'Like this.\n' },
];

const reply: MailSpec = {
  id: 'r1', subject: 'Re: [PATCH v2 2/2] leds: two', from: lee, date: '2025-03-02T08:00:00.000Z', inReplyTo: 'p2', references: ['cover', 'p2'],
  body: 'Reviewed-by: Lee Reviewer <lee@example.org>\n',
};

function routesOf(specs: MailSpec[], digest = 'd1', options: SheafConfig = {}, kept?: KeptThreads): SiteRoutes {
  const review = reviewOf(specs);
  const config = resolveConfig({ site: 'https://archive.example', ...options }, {});
  const rows = searchRows(review, addressPolicy(config.addresses));
  const digests = new Map(review.archive.messages.map((message) => [message.mail.key, `${digest}-${message.mail.key}`]));
  return siteRoutes({ review, digests, searchRows: rows, searchIndex: buildSearchIndex(rows), ingest: null, config, bodyBytes: () => 1_000, setAside: (_name, _key, text) => () => text }, kept);
}

/** Every keyed page as `kind:param` → key. */
function keysOf(routes: SiteRoutes): Map<string, string> {
  const keys = new Map<string, string>();
  for (const page of routes.messages) keys.set(`m:${page.param}`, page.key);
  for (const page of routes.series) keys.set(`s:${page.param}`, page.key);
  for (const [kind, list] of [['page', routes.index], ['messages', routes.messageList], ['subjects', routes.subjects]] as const) {
    for (const page of [...list.pages, ...list.aliases]) keys.set(`${kind}:${page.param}`, page.key);
  }
  for (const page of routes.threadReadings) keys.set(`t:${page.param}`, page.key);
  for (const page of routes.seriesReadings) keys.set(`read:${page.param}`, page.key);
  for (const file of routes.searchFiles) keys.set(`search:${file.param}`, file.key);
  for (const file of routes.api) keys.set(`api:${file.param}`, file.key);
  for (const file of routes.rawMails) keys.set(`raw:${file.param}`, file.key);
  for (const file of routes.threadMboxes) keys.set(`t.mbox:${file.param}`, file.key);
  for (const file of routes.amSeriesMboxes) keys.set(`series.mbox:${file.param}`, file.key);
  for (const file of routes.plainSeriesMboxes) keys.set(`series-plain.mbox:${file.param}`, file.key);
  for (const file of routes.archiveFeeds) keys.set(`feeds:${file.param}`, file.key);
  for (const file of routes.seriesFeeds) keys.set(`feed:${file.param}`, file.key);
  keys.set('overview:index', routes.index.overview.key);
  keys.set('overview:messages', routes.messageList.overview.key);
  keys.set('overview:subjects', routes.subjects.overview.key);
  for (const page of routes.dates.pages) keys.set(`d:${page.param}`, page.key);
  keys.set('overview:dates', routes.dates.overview.key);
  for (const page of routes.authors) keys.set(`a:${page.param}`, page.key);
  for (const page of routes.states) keys.set(`state:${page.param}`, page.key);
  for (const page of routes.interdiffs) keys.set(`interdiff:${page.param}`, page.key);
  for (const page of routes.files) keys.set(`f:${page.param}`, page.key);
  for (const file of routes.fileFeeds) keys.set(`f.atom:${file.param}`, file.key);
  return keys;
}

function changedPages(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([page, key]) => before.get(page) !== key).map(([page]) => page).sort();
}

describe('siteRoutes', () => {
  it('gives every page plain data: what the key digests is what the components get', () => {
    const routes = routesOf(archive);
    for (const page of [...routes.messages, ...routes.series]) assert.deepEqual(JSON.parse(JSON.stringify(page.data)), page.data);
    for (const page of routes.series) assert.equal(page.key, pageKey(['Sheaf', pageKey(page.data)]), 'the data, in the frame that shows the archive’s name');
    const [cover, p1] = ['cover', 'p1'].map((id) => routes.messages.find((page) => page.param === id)!);
    assert.equal(cover!.data.tree.rows, p1!.data.tree.rows, 'the pages of a thread shown whole share its rows');
    assert.notEqual(cover!.key, p1!.key);
  });

  it('adding a reply changes the keys of its thread, its series and the listing pages it is on, and no other', () => {
    const before = keysOf(routesOf(archive));
    const after = keysOf(routesOf([...archive, reply]));
    const changed = changedPages(before, after);
    assert.deepEqual(
      changed.filter((page) => !page.startsWith('search:')),
      [
        // The reviewer's page, and the series author's (its row shows the reply and review).
        ...[`a:${authorSlug('ada@example.org')}`, `a:${authorSlug('lee@example.org')}`].sort(),
        'api:messages', 'api:report', 'api:series', 'd:2025-03', 'feed:cover', 'feeds:messages', 'm:cover', 'm:p1', 'm:p2', 'm:r1', 'messages:2025-03',
        'overview:dates', 'overview:index', 'overview:messages', 'page:2025-03', 'raw:r1/raw', 's:cover', 'series.mbox:cover', 'subjects:l', 't.mbox:cover', 't:cover',
        // The pages of the files its series touches and of its state, whose rows show the reply and the review.
        'f:a.c', 'f:b.c', 'state:waiting',
      ].sort(),
    );
    assert.ok(!changed.includes('m:q') && !changed.includes('m:qa') && !changed.includes('t:q'), 'the other thread is untouched');
    // The manifest, the reply's row and message chunks, its day file, its Message-ID's shard, and the shards of its words.
    assert.ok(changed.filter((page) => page.startsWith('search:')).length <= 8, `search files changed: ${changed.join(' ')}`);
  });

  it('keeps the keys of the threads whose digest the last build saw, which are the keys a build from nothing gives', () => {
    // A question that names a message not archived yet, and a reply whose parent is not archived yet.
    const naming: MailSpec = { id: 'n', subject: 'Which patch?', from: lee, date: '2025-02-01T09:00:00.000Z', body: 'As in <p4> and <cover>.\n', names: ['p4', 'cover'] };
    const orphan: MailSpec = { id: 'o2', subject: 'Re: lost', from: ada, date: '2025-02-03T09:00:00.000Z', inReplyTo: 'o1', references: ['o1'], body: 'Found it.\n' };
    // A series whose second patch was sent into another thread: read whole over two threads.
    const split: MailSpec[] = [
      { id: 'w0', subject: '[PATCH 0/2] leds: wide', from: ada, date: '2025-02-10T10:00:00.000Z', body: 'Cover.\n' },
      { id: 'w1', subject: '[PATCH 1/2] leds: wide one', from: ada, date: '2025-02-10T10:01:00.000Z', inReplyTo: 'w0', references: ['w0'], body: `one, as <p4> does\n${diff('w.c')}`, names: ['p4'] },
      { id: 'w2', subject: '[PATCH 2/2] leds: wide two', from: ada, date: '2025-02-10T10:02:00.000Z', inReplyTo: 'q', references: ['q'], body: `two\n${diff('x.c')}` },
    ];
    const base = [...archive, naming, orphan, ...split];
    const additions: [string, MailSpec[]][] = [
      ['a reply in a series', [reply]],
      ['the message another thread names', [{ id: 'p4', subject: '[PATCH 1/1] leds: four', from: ada, date: '2025-04-01T10:00:00.000Z', body: `four\n${diff('d.c')}` }]],
      ['the parent a reply answers', [{ id: 'o1', subject: 'lost', from: lee, date: '2025-02-02T09:00:00.000Z', body: 'Where?\n' }]],
      ['a new version of the series, touching a file of another thread', [
        { id: 'v3', subject: '[PATCH v3 1/1] leds: one', from: ada, date: '2025-05-01T10:00:00.000Z', body: `one\n${diff('a.c')}` },
      ]],
      ['a reply to the patch of a series that came on its own', [
        { id: 'w2r', subject: 'Re: [PATCH 2/2] leds: wide two', from: lee, date: '2025-02-11T08:00:00.000Z', inReplyTo: 'w2', references: ['w2'], body: 'Acked-by: Lee Reviewer <lee@example.org>\n' },
      ]],
    ];
    const before = routesOf(base);
    assert.ok(before.seriesReadings.some((page) => page.param === 'w0'), 'the split series is read on pages of its own');
    const keptOf = (routes: SiteRoutes, verify: boolean): KeptThreads => ({ threads: routes.threadKeys, seriesReadings: routes.seriesReadingKeys, seriesPages: routes.seriesPageKeys, verify });
    for (const [what, added] of additions) {
      const fresh = routesOf([...base, ...added]);
      const kept = routesOf([...base, ...added], 'd1', {}, keptOf(before, true));
      assert.deepEqual(keysOf(kept), keysOf(fresh), what);
      assert.deepEqual(JSON.parse(JSON.stringify(kept.messages.map((page) => page.data))), fresh.messages.map((page) => page.data), `${what}: a kept page's data, when it is rendered`);
      assert.deepEqual(JSON.parse(JSON.stringify(kept.seriesReadings.map((page) => page.data))), fresh.seriesReadings.map((page) => page.data), `${what}: a kept series reading's data`);
      assert.deepEqual(JSON.parse(JSON.stringify(kept.series.map((page) => page.data))), fresh.series.map((page) => page.data), `${what}: a kept series page's data`);
    }
    const made = (pages: readonly { param: string }[], param: string) => Object.getOwnPropertyDescriptor(pages.find((page) => page.param === param)!, 'data')!.get === undefined;
    const afterReply = routesOf([...base, reply], 'd1', {}, keptOf(before, false));
    assert.deepEqual(['cover', 'r1', 'q', 'qa', 'n'].map((param) => made(afterReply.messages, param)), [true, true, false, false, false], 'the reply\'s thread is made again; the others are kept, their data not made');
    assert.equal(made(afterReply.seriesReadings, 'w0'), false, 'a series whose threads did not change keeps its reading pages, their data not made');
    assert.deepEqual(['cover', 'w0'].map((param) => made(afterReply.series, param)), [true, false], 'the series the reply answers is made again; the other series page is kept');
    const afterAck = routesOf([...base, additions.at(-1)![1][0]!], 'd1', {}, keptOf(before, false));
    assert.equal(made(afterAck.seriesReadings, 'w0'), true, 'a reply in one of its threads makes them again');
    // A series page compares it with its next version: a new diff there (a mail sent again, under a new key) shows on it.
    const next = (line: string): MailSpec => ({ id: 'v3', subject: '[PATCH v3 1/1] leds: one', from: ada, date: '2025-05-01T10:00:00.000Z', body: `one\n${diff('a.c', line)}` });
    const question: MailSpec = { id: 'z', subject: 'Unrelated', from: lee, date: '2025-01-01T09:00:00.000Z', body: 'Hello.\n' };
    const withNext = routesOf([...base, next('changed')]);
    const resent = [...base, question, next('changed again')];
    assert.deepEqual(keysOf(routesOf(resent, 'd1', {}, keptOf(withNext, true))), keysOf(routesOf(resent)), 'a changed next version');
  });

  it('a new rendering of a body (parser, renderer or dependency upgrade) changes every page that shows a body', () => {
    const before = keysOf(routesOf(archive, 'd1'));
    const after = keysOf(routesOf(archive, 'd2'));
    const changed = changedPages(before, after);
    const routes = routesOf(archive, 'd2');
    const forwards = new Set([
      ...routes.threadReadings.filter((page) => 'target' in page.data).map((page) => `t:${page.param}`),
      ...routes.seriesReadings.filter((page) => 'target' in page.data).map((page) => `read:${page.param}`),
    ]);
    const showingBodies = (page: string) => /^(m|t|read|series\.mbox|feed|f\.atom|interdiff):/.test(page) && !forwards.has(page);
    assert.deepEqual(changed, [...after.keys()].filter(showingBodies).sort().concat('feeds:messages').sort(), 'the data contract, the lists, raw mails and forwards do not show rendered bodies');
    assert.deepEqual(
      routes.seriesReadings.map((page) => [page.param, page.data]),
      [['cover', { target: '/t/cover/' }]],
      'the series is its whole thread, read in the same order: its reading page forwards to the thread page',
    );
  });

  it('gives each download the mails it holds, and the series mbox for git am its trailers and links at the site', () => {
    const routes = routesOf([...archive, reply]);
    assert.deepEqual(routes.rawMails.map((page) => page.param).sort(), ['cover/raw', 'p1/raw', 'p2/raw', 'q/raw', 'qa/raw', 'r1/raw']);
    assert.deepEqual(routes.threadMboxes.map((page) => [page.param, page.data.keys.length]).sort(), [['cover', 4], ['q', 2]]);
    const [mbox] = routes.amSeriesMboxes;
    assert.equal(mbox!.param, 'cover');
    assert.deepEqual(mbox!.data.patches.map((patch) => patch.trailers), [
      ['Link: https://archive.example/m/p1/'],
      ['Reviewed-by: Lee Reviewer <lee@example.org>', 'Link: https://archive.example/m/p2/'],
    ]);
    const elsewhere = keysOf(routesOf([...archive, reply], 'd1', { site: 'https://lists.example' }));
    assert.deepEqual(changedPages(keysOf(routes), elsewhere), ['f.atom:a.c', 'f.atom:b.c', 'feed:cover', 'feeds:messages', 'feeds:series', 'series.mbox:cover'], 'only the feeds and mboxes, whose links are absolute, name it');
  });

  it('links every page under the base path, in the pages’ data and in the JSON data', () => {
    const routes = routesOf([...archive, reply], 'd1', { base: '/lists/demo/' });
    const strays: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        if (value.startsWith('/') && !value.startsWith('/lists/demo/')) strays.push(`${where}: ${value}`);
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`);
    };
    for (const [name, pages] of Object.entries(routes)) {
      if (name === 'searchFiles') continue; // site paths, made links by the search box (search/client.ts)
      if (name === 'api') for (const page of pages as SiteRoutes['api']) visit(JSON.parse(page.data), `api/${page.param}`);
      else visit(pages, name);
    }
    assert.deepEqual(strays, []);
    assert.equal(routes.messages.find((page) => page.param === 'r1')!.data.mails[0]!.raw, '/lists/demo/m/r1/raw.txt');
    assert.equal(routes.subjects.pages[0]!.data.rows[0]!.url.startsWith('/lists/demo/'), true);
    const [mbox] = routes.amSeriesMboxes;
    assert.equal(mbox!.data.patches[0]!.trailers.at(-1), 'Link: https://archive.example/lists/demo/m/p1/');
  });

  it('shows no address as sent anywhere when addresses are masked, and offers no mail as archived', () => {
    const routes = routesOf([...archive, reply], 'd1', { addresses: 'masked' });
    const text = JSON.stringify(routes);
    assert.doesNotMatch(text, /@example\.org/);
    assert.match(text, /lee@xxxxxxxxxx/);
    assert.deepEqual([routes.rawMails, routes.threadMboxes, routes.plainSeriesMboxes], [[], [], []]);
    const page = routes.messages.find((one) => one.param === 'r1')!.data;
    assert.equal(page.mails[0]!.raw, null);
    assert.equal(page.threadMbox, null);
    assert.deepEqual(page.mails[0]!.body.masking, { mode: 'masked', keep: [] }, 'the body is masked when its page is written');
    const series = routes.series[0]!.data;
    assert.deepEqual(series.mbox, { url: '/s/cover/series.mbox', plainUrl: null, masked: 'addresses masked by the archive: user@xxxxxxxxxx', partial: null });
    const [messages] = routes.api.map((file) => JSON.parse(file.data) as { from: { email: string }; raw: string | null }[]);
    assert.ok(messages!.every((message) => message.from.email.endsWith('@xxxxxxxxxx') && message.raw === null));
    const hidden = JSON.stringify(routesOf([...archive, reply], 'd1', { addresses: 'hidden' }));
    assert.doesNotMatch(hidden, /@example\.org|@xxxxxxxxxx/);
  });

  it('a change of the archive’s name changes the key of every page in the frame, and of nothing else', () => {
    const before = keysOf(routesOf(archive));
    const after = keysOf(routesOf(archive, 'd1', { name: 'linux-leds' }));
    const routes = routesOf(archive);
    const forwards = new Set([
      ...routes.threadReadings.filter((page) => 'target' in page.data).map((page) => `t:${page.param}`),
      ...routes.seriesReadings.filter((page) => 'target' in page.data).map((page) => `read:${page.param}`),
      ...routes.index.aliases.map((page) => `page:${page.param}`),
      ...routes.messageList.aliases.map((page) => `messages:${page.param}`),
      ...routes.subjects.aliases.map((page) => `subjects:${page.param}`),
    ]);
    const framed = (page: string) => /^(m|s|t|read|page|messages|subjects|overview|feeds?|a|d|f|f\.atom|state|interdiff):/.test(page) && !forwards.has(page);
    assert.deepEqual(changedPages(before, after), [...after.keys()].filter(framed).sort());
  });

  it('an interdiff page per version pair with a changed patch: its key covers both bodies and its links, not their replies', () => {
    const v3: MailSpec[] = [
      { id: 'v3', subject: '[PATCH v3 0/2] leds: demo', from: ada, date: '2025-04-01T10:00:00.000Z', body: 'Cover.\n' },
      { id: 'v3p1', subject: '[PATCH v3 1/2] leds: one', from: ada, date: '2025-04-01T10:01:00.000Z', inReplyTo: 'v3', references: ['v3'], body: `one\n${diff('a.c', 'other')}` },
      { id: 'v3p2', subject: '[PATCH v3 2/2] leds: two', from: ada, date: '2025-04-01T10:02:00.000Z', inReplyTo: 'v3', references: ['v3'], body: `two\n${diff('b.c')}` },
    ];
    const routes = routesOf([...archive, ...v3]);
    assert.deepEqual(routes.interdiffs.map((page) => page.param), ['v3']);
    const [page] = routes.interdiffs;
    assert.deepEqual(page!.data.patches.map((patch) => [patch.change, patch.anchor, patch.bodies?.older.key !== undefined]), [['changed', 'p1', true], ['unchanged', null, false]]);
    assert.deepEqual(page!.data.patches[0]!.fileUrls, [['a.c', '/f/a.c/']]);
    assert.equal(routes.series.find((one) => one.param === 'v3')!.data.changes[0]!.rows[0]!.interdiff, '/s/v3/interdiff/#p1');
    const key = (specs: MailSpec[], digest = 'd1') => keysOf(routesOf(specs, digest)).get('interdiff:v3');
    assert.equal(key([...archive, ...v3, reply]), key([...archive, ...v3]), 'a reply to the older version changes no interdiff');
    assert.notEqual(key([...archive, ...v3], 'd2'), key([...archive, ...v3]), 'a new reading of the bodies does');
    assert.notEqual(keysOf(routesOf([...archive, ...v3], 'd1', { base: '/lists/' })).get('interdiff:v3'), key([...archive, ...v3]), 'and so do its links');
  });

  it('gives the archive a feed of new series and one of new messages, and each series one of its new versions and replies, newest first', () => {
    const v3: MailSpec[] = [
      { id: 'v3', subject: '[PATCH v3 0/2] leds: demo', from: ada, date: '2025-04-01T10:00:00.000Z', body: 'Cover.\n' },
      { id: 'v3p1', subject: '[PATCH v3 1/2] leds: one', from: ada, date: '2025-04-01T10:01:00.000Z', inReplyTo: 'v3', references: ['v3'], body: `one\n${diff('a.c')}` },
    ];
    const routes = routesOf([...archive, reply, ...v3], 'd1', { base: '/lists/demo/', addresses: 'masked' });
    const [series, messages] = routes.archiveFeeds.map((page) => page.data);
    assert.equal(series!.selfUrl, 'https://archive.example/lists/demo/feeds/series.atom');
    assert.deepEqual(series!.entries.map((entry) => [entry.id, entry.title, entry.updated]), [
      ['https://archive.example/lists/demo/s/v3/', 'leds: demo v3', '2025-04-01T10:01:00.000Z'],
      ['https://archive.example/lists/demo/s/cover/', 'leds: demo v2', '2025-03-01T10:02:00.000Z'],
    ]);
    assert.equal(series!.updated, '2025-04-01T10:01:00.000Z', 'the newest entry’s date: no build time');
    assert.deepEqual(series!.entries[1]!.summary, { text: '[PATCH v2 0/2] leds: demo\n[PATCH v2 1/2] leds: one\n[PATCH v2 2/2] leds: two' });
    assert.deepEqual(messages!.entries.map((entry) => entry.url.slice('https://archive.example/lists/demo/m/'.length)), ['v3p1/', 'v3/', 'r1/', 'p2/', 'p1/', 'cover/', 'qa/', 'q/']);
    assert.deepEqual(messages!.entries[2]!.author, { name: 'Lee Reviewer', email: 'lee@xxxxxxxxxx' });
    const v2Feed = routes.seriesFeeds.find((page) => page.param === 'cover')!.data;
    assert.deepEqual(v2Feed.entries.map((entry) => entry.id.slice('https://archive.example/lists/demo/'.length)), ['s/v3/', 'm/r1/', 'm/p2/', 'm/p1/', 'm/cover/'], 'the newer version, then the review');
    assert.equal(v2Feed.pageUrl, 'https://archive.example/lists/demo/s/cover/');
    assert.equal(routes.series.find((page) => page.param === 'cover')!.data.feedUrl, '/lists/demo/s/cover/feed.atom');
  });

  it('pages the list by month and by letter, and forwards the page numbers of earlier builds', () => {
    const routes = routesOf(archive);
    assert.deepEqual(routes.index.pages.map((page) => page.param), ['2025-01', '2025-03']);
    assert.deepEqual(routes.messageList.pages.map((page) => page.param), ['2025-01', '2025-03']);
    assert.deepEqual(routes.subjects.pages.map((page) => page.param), ['h', 'l']);
    assert.deepEqual(routes.index.aliases.map((alias) => [alias.param, alias.data.target]), [['1', '/page/2025-01/'], ['2', '/page/2025-03/']]);
    assert.equal(routes.index.overview.data.rows[0]!.url, '/s/cover/', 'the newest activity first on the overview');
    const march = routes.messageList.pages[1]!.data;
    assert.deepEqual(march.rows.map((row) => row.url), ['/m/cover/', '/m/p1/', '/m/p2/'], 'oldest first within the month');
    assert.deepEqual(march.pager.previous, { url: '/messages/page/2025-01/', label: 'January 2025' });
    assert.equal(march.pager.next, null);
  });
});
