import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReviewArchive } from '../../archive/index.ts';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from '../../archive/test-support.ts';
import { walkThread } from '../../archive/thread.ts';
import { resolveConfig } from '../config.ts';
import { routeContext } from './context.ts';
import { messageMailViews } from './message-page.ts';
import { earlierThreadRoots, READING_MAX_INDENT, seriesReading, splitReading, threadReading, type ReadingInputs } from './reading-page.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';

const series: MailSpec[] = [
  { id: 'cover', subject: '[PATCH 0/3] leds: demo', from: ada, date: '2025-03-01T10:00:00.000Z', body: 'Cover.\n' },
  { id: 'p1', subject: '[PATCH 1/3] leds: one', from: ada, date: '2025-03-01T10:01:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `one\n${diff('a.c')}` },
  { id: 'p3', subject: '[PATCH 3/3] leds: three', from: ada, date: '2025-03-01T10:03:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `three\n${diff('c.c')}` },
  { id: 'c1', subject: 'Re: [PATCH 0/3] leds: demo', from: lee, date: '2025-03-02T08:00:00.000Z', inReplyTo: 'cover', references: ['cover'], body: 'Nice.\n' },
  { id: 'r1', subject: 'Re: [PATCH 1/3] leds: one', from: lee, date: '2025-03-02T09:00:00.000Z', inReplyTo: 'p1', references: ['cover', 'p1'], body: 'Why?\n' },
  { id: 'r2', subject: 'Re: [PATCH 1/3] leds: one', from: ada, date: '2025-03-02T10:00:00.000Z', inReplyTo: 'r1', references: ['cover', 'p1', 'r1'], body: 'Because.\n' },
];

function inputsOf(review: ReviewArchive, bodyBytes: ReadingInputs['bodyBytes'] = () => 1_000): ReadingInputs {
  const digests = new Map(review.archive.messages.map((message) => [message.mail.key, `d-${message.mail.key}`]));
  const context = routeContext(resolveConfig({}, {}));
  const mailViews = new Map(review.archive.messages.map((message) => [message, messageMailViews(message, review, digests, context)]));
  return { review, mailViews: (message) => mailViews.get(message)!, bodyBytes, context };
}

describe('splitReading', () => {
  it('fills pages up to the byte and message bounds, and gives an item bigger than a page a page of its own', () => {
    const limits = { bytes: 100, messages: 3 };
    assert.deepEqual(splitReading([40, 40, 40, 10], (size) => size, limits), [[40, 40], [40, 10]]);
    assert.deepEqual(splitReading([1, 1, 1, 1, 1, 1, 1], (size) => size, limits), [[1, 1, 1], [1, 1, 1], [1]]);
    assert.deepEqual(splitReading([10, 500, 10], (size) => size, limits), [[10], [500], [10]]);
    assert.deepEqual(splitReading([], (size: number) => size, limits), []);
  });
});

describe('threadReading', () => {
  const review = reviewOf(series);
  const thread = review.threadByMessage.get('cover')!;

  it('shows every archived message once, in thread order, with the mails of its own page', () => {
    const inputs = inputsOf(review);
    const { pages } = threadReading(thread, inputs);
    assert.equal(pages.length, 1);
    const [param, data] = pages[0]!;
    assert.equal(param, 'cover');
    const order = [...walkThread(thread.root)].map(({ node }) => node.id);
    assert.deepEqual(data.entries.map((entry) => entry.anchor), order);
    for (const entry of data.entries) {
      const message = review.archive.byId.get(entry.anchor)!;
      assert.deepEqual(entry.mails, inputs.mailViews(message), 'the same mails, so the same cached bodies');
      assert.equal(entry.url, message.url);
    }
    assert.deepEqual(data.tree!.rows.map((row) => row.url), order.map((id) => `/t/cover/#${id}`));
  });

  it('says which message an entry answers when that is not the entry above it', () => {
    const [, data] = threadReading(thread, inputsOf(review)).pages[0]!;
    const byAnchor = new Map(data.entries.map((entry) => [entry.anchor, entry]));
    assert.equal(byAnchor.get('p1')!.inReplyTo, null, 'just below the cover letter');
    assert.equal(byAnchor.get('r2')!.inReplyTo, null, 'just below r1');
    assert.deepEqual(byAnchor.get('p3')!.inReplyTo, { url: '/t/cover/#cover', text: '[PATCH 0/3] leds: demo' });
    assert.deepEqual([byAnchor.get('cover')!.indent, byAnchor.get('p1')!.indent, byAnchor.get('r1')!.indent, byAnchor.get('r2')!.indent], [0, 1, 2, 3]);
  });

  it('splits a long thread into pages whose anchors point at the page holding each message', () => {
    const chain: MailSpec[] = [{ id: 'm0', subject: 'A long talk', from: ada, date: '2025-01-01T00:00:00.000Z', body: 'Start.\n' }];
    for (let i = 1; i < 250; i++) {
      const date = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
      chain.push({ id: `m${i}`, subject: 'Re: A long talk', from: i % 2 ? lee : ada, date, inReplyTo: `m${i - 1}`, references: ['m0', `m${i - 1}`], body: `Reply ${i}.\n` });
    }
    const long = reviewOf(chain);
    const { pages, anchors } = threadReading(long.threadByMessage.get('m0')!, inputsOf(long));
    assert.deepEqual(pages.map(([param]) => param), ['m0', 'm0/2', 'm0/3']);
    assert.deepEqual(pages.map(([, data]) => data.entries.length), [100, 100, 50]);
    assert.deepEqual(pages[1]![1].pageUrls, ['/t/m0/', '/t/m0/2/', '/t/m0/3/']);
    assert.equal(anchors.get(long.nodes.get('m150')!), '/t/m0/2/#m150');
    const first = pages[1]![1].entries[0]!;
    assert.deepEqual(first.inReplyTo, { url: '/t/m0/#m99', text: 'Re: A long talk' }, 'the parent is on the page before');
    assert.equal(Math.max(...pages.flatMap(([, data]) => data.entries.map((entry) => entry.indent))), READING_MAX_INDENT);
    assert.ok(pages.every(([, data]) => data.tree!.rows.length === 250), 'each page shows the whole tree');
  });

  it('splits by the bytes of the cached bodies too', () => {
    const { pages } = threadReading(thread, inputsOf(review, () => 700_000));
    assert.deepEqual(pages.map(([, data]) => data.entries.length), [2, 2, 2]);
  });
});

describe('seriesReading', () => {
  it('reads the cover letter and its replies, then each patch with its replies, a missing patch in its place', () => {
    const review = reviewOf(series);
    const { pages } = seriesReading(review.seriesById.get('cover')!, inputsOf(review));
    const [param, data] = pages[0]!;
    assert.equal(param, 'cover');
    assert.deepEqual(
      data.entries.map((entry) => [entry.label, entry.anchor, entry.indent]),
      [
        ['Cover letter', 'cover', 0],
        [null, 'c1', 1],
        ['Patch 1/3', 'p1', 0],
        [null, 'r1', 1],
        [null, 'r2', 2],
        ['Patch 2/3', 'patch-2', 0],
        ['Patch 3/3', 'p3', 0],
      ],
    );
    assert.deepEqual(data.entries[5]!.mails, [], 'patch 2 is not in the archive');
    assert.equal(data.home.url, '/s/cover/');
    assert.equal(data.messages, '6 messages');
  });

  it('reads Multicolor Framework v25 whole: the cover, 16 patches in order and their replies', async (t) => {
    const review = await reviewOfCorpus('lore-linux-leds/threads-sample/018-multicolor-framework-v25.mbox').catch(() => null);
    if (!review) return t.skip('the shared corpus is not here');
    const v25 = review.series.find((one) => one.version === 25 && one.total === 16)!;
    const [, data] = seriesReading(v25, inputsOf(review)).pages[0]!;
    const labels = data.entries.map((entry) => entry.label).filter((label) => label !== null);
    assert.deepEqual(labels, ['Cover letter', ...Array.from({ length: 16 }, (_, index) => `Patch ${index + 1}/16`)]);
    assert.equal(data.entries.length, 1 + 16 + v25.replyCount);
  });
});

describe('earlierThreadRoots', () => {
  it('names the mails that were a root before a later mail told their parent: missing mails and mails without threading headers', () => {
    const review = reviewOf([
      { id: 'late', subject: 'Re: question', from: lee, date: '2025-01-02T00:00:00.000Z', inReplyTo: 'gone', references: ['top', 'gone'], body: 'Answer.\n' },
      { id: 'top', subject: 'question', from: ada, date: '2025-01-01T00:00:00.000Z', body: 'Question.\n' },
      { id: 'other', subject: 'Re: question', from: ada, date: '2025-01-03T00:00:00.000Z', inReplyTo: 'late', references: ['top', 'gone', 'late'], body: 'Thanks.\n' },
    ]);
    const roots = earlierThreadRoots(review.threadByMessage.get('top')!).map((node) => node.id);
    assert.deepEqual(roots, ['gone'], 'the missing mail was the root until "top" was archived with it; "late" and "other" always named theirs');
  });
});
