import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { ReviewArchive } from './index.ts';
import { messageSlug } from './permalink.ts';
import { seriesStatus } from './review.ts';
import type { Series } from './series.ts';
import { parseSubject } from './subject.ts';
import { corpusPath } from '../testing/corpus.ts';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from './test-support.ts';

const alice = 'Alice Author <alice@example.org>';
const bob = 'Bob Reviewer <bob@example.org>';

function patch(id: string, subject: string, extra: Partial<MailSpec> = {}): MailSpec {
  return { id, subject, from: alice, body: `commit message\n\nSigned-off-by: ${alice}\n${diff(`f${id}.c`)}`, ...extra };
}

function numbers(series: Series): number[] {
  return series.patches.filter((patch) => patch.node?.message).map((patch) => patch.number);
}

describe('buildSeries: a cover letter sent again', () => {
  // linux-leds, 2025-09-02: "[PATCH 0/2] leds: privacy-led support for devicetree" reached the list at 10:50 and 10:53
  // without its patches (its mailer rewrote the ids), then at 11:10 with them.
  const subject = '[PATCH 0/2] leds: privacy-led support for devicetree';
  const cover = (id: string, date: string): MailSpec => ({ id, subject, from: alice, date, body: 'This series adds devicetree support for privacy LEDs.\n' });

  it('joins the series as a copy: the copy the patches reply to is the cover, replies to any copy are the cover\'s', () => {
    const review = reviewOf([
      cover('first', '2025-09-02T10:50:42.000Z'),
      { id: 'ack', subject: `Re: ${subject}`, from: bob, date: '2025-09-02T12:00:00.000Z', inReplyTo: 'first', references: ['first'], body: 'Acked-by: Bob Reviewer <bob@example.org>\n' },
      cover('second', '2025-09-02T10:53:49.000Z'),
      cover('third', '2025-09-02T11:10:48.000Z'),
      patch('p1', '[PATCH 1/2] dt-bindings: leds: add generic LED consumer documentation', { date: '2025-09-02T11:10:49.000Z', inReplyTo: 'third', references: ['third'] }),
      patch('p2', '[PATCH 2/2] leds: led-class: Add devicetree support to led_get()', { date: '2025-09-02T11:10:50.000Z', inReplyTo: 'third', references: ['third'] }),
    ]);
    assert.equal(review.series.length, 1);
    const [series] = review.series as [Series];
    assert.equal(series.id, 'third');
    assert.deepEqual(series.coverCopies.map((copy) => copy.id), ['first', 'second']);
    assert.deepEqual(numbers(series), [1, 2]);
    assert.deepEqual(series.cover?.replies.map((reply) => reply.id), ['ack']);
    assert.equal(series.firstDate, '2025-09-02T10:50:42.000Z');
    assert.equal(review.seriesByMessage.get('first'), series);
    assert.equal(review.seriesByMessage.get('ack'), series);
  });

  it('leaves two whole sends two series, and a copy a day later a series of its own', () => {
    const review = reviewOf([
      cover('first', '2025-09-02T10:50:00.000Z'),
      patch('a1', '[PATCH 1/2] leds: one', { date: '2025-09-02T10:50:01.000Z', inReplyTo: 'first', references: ['first'] }),
      patch('a2', '[PATCH 2/2] leds: two', { date: '2025-09-02T10:50:02.000Z', inReplyTo: 'first', references: ['first'] }),
      cover('again', '2025-09-02T10:52:00.000Z'),
      patch('b1', '[PATCH 1/2] leds: one', { date: '2025-09-02T10:52:01.000Z', inReplyTo: 'again', references: ['again'] }),
      patch('b2', '[PATCH 2/2] leds: two', { date: '2025-09-02T10:52:02.000Z', inReplyTo: 'again', references: ['again'] }),
      cover('later', '2025-09-03T12:00:00.000Z'),
    ]);
    assert.deepEqual(review.series.map((one) => [one.id, one.coverCopies.length]).sort(), [['again', 0], ['first', 0], ['later', 0]]);
  });
});

describe('buildSeries on small input', () => {
  it('groups patches replying to their cover letter, in number order', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH v2 0/3] leds: add things', from: alice, body: 'Cover letter.\n' },
      patch('p2', '[PATCH v2 2/3] leds: two', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p1', '[PATCH v2 1/3] leds: one', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p3', '[PATCH v2 3/3] leds: three', { inReplyTo: 'cover', references: ['cover'] }),
    ]);
    assert.equal(review.series.length, 1);
    const [series] = review.series as [Series];
    assert.equal(series.id, 'cover');
    assert.equal(series.url, `/s/${messageSlug('cover')}/`);
    assert.equal(series.title, 'leds: add things');
    assert.equal(series.version, 2);
    assert.equal(series.total, 3);
    assert.equal(series.cover?.node?.id, 'cover');
    assert.deepEqual(series.patches.map((patch) => patch.node?.id), ['p1', 'p2', 'p3']);
    assert.equal(review.discussions.length, 0);
  });

  it('follows git send-email chains without a cover letter', () => {
    const review = reviewOf([
      patch('p1', '[PATCH 1/3] leds: one'),
      patch('p2', '[PATCH 2/3] leds: two', { inReplyTo: 'p1', references: ['p1'] }),
      patch('p3', '[PATCH 3/3] leds: three', { inReplyTo: 'p2', references: ['p1', 'p2'] }),
    ]);
    assert.equal(review.series.length, 1);
    assert.equal(review.series[0]!.id, 'p1');
    assert.equal(review.series[0]!.cover, null);
    assert.deepEqual(numbers(review.series[0]!), [1, 2, 3]);
  });

  it('groups patches replying to a missing cover letter, and lists missing patches', () => {
    const review = reviewOf([
      patch('p1', '[PATCH 1/4] leds: one', { inReplyTo: 'lost-cover', references: ['lost-cover'] }),
      patch('p3', '[PATCH 3/4] leds: three', { inReplyTo: 'lost-cover', references: ['lost-cover'] }),
    ]);
    assert.equal(review.series.length, 1);
    const [series] = review.series as [Series];
    assert.equal(series.total, 4);
    assert.deepEqual(series.patches.map((patch) => patch.node?.id ?? null), ['p1', null, 'p3', null]);
    assert.equal(series.id, 'p1');
  });

  it('places a missing patch that replies name by Message-ID, so their review stays on that patch', () => {
    const review = reviewOf([
      { id: 'c@x', subject: '[PATCH 0/2] leds: thing', from: alice, body: 'Cover.\n' },
      patch('p1@x', '[PATCH 1/2] leds: one', { inReplyTo: 'c@x', references: ['c@x'] }),
      { id: 'r2@x', subject: 'Re: [PATCH 2/2] leds: two', from: bob, inReplyTo: 'p2@x', references: ['c@x', 'p2@x'], body: `Reviewed-by: ${bob}\n` },
    ]);
    const [series] = review.series as [Series];
    assert.equal(series.patches[1]!.node?.id, 'p2@x');
    assert.equal(series.patches[1]!.node?.message, null);
    assert.deepEqual(series.patches[1]!.replies.map((reply) => reply.id), ['r2@x']);
    assert.deepEqual(series.cover!.replies, []);
    const status = review.reviews.get(series.id)!;
    assert.deepEqual(status.patches.get(1)!.filter((trailer) => trailer.kind === 'reviewed'), []);
    assert.deepEqual(status.patches.get(2)!.map((trailer) => trailer.person.email), ['bob@example.org']);
  });

  it('groups unthreaded patches by author, version, total and time', () => {
    const review = reviewOf([
      patch('a1', '[PATCH 1/2] leds: one', { date: '2024-01-01T10:00:00.000Z' }),
      patch('a2', '[PATCH 2/2] leds: two', { date: '2024-01-01T10:01:00.000Z' }),
      patch('b1', '[PATCH 1/2] leds: one again', { date: '2024-01-05T10:00:00.000Z' }),
      patch('c1', '[PATCH 1/2] other: one', { date: '2024-01-01T10:02:00.000Z', from: bob }),
      patch('d2', '[PATCH v2 2/2] leds: two', { date: '2024-01-01T10:03:00.000Z' }),
    ]);
    const groups = review.series.map((series) => series.patches.flatMap((patch) => (patch.node ? [patch.node.id] : []))).sort();
    assert.deepEqual(groups, [['a1', 'a2'], ['b1'], ['c1'], ['d2']]);
  });

  it('keeps a patch sent into another series’ thread out of that series', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH 0/2] leds: things', from: alice, body: 'Cover.\n' },
      patch('p1', '[PATCH 1/2] leds: one', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p2', '[PATCH 2/2] leds: two', { inReplyTo: 'cover', references: ['cover'] }),
      { id: 'review', subject: 'Re: [PATCH 2/2] leds: two', from: bob, inReplyTo: 'p2', references: ['cover', 'p2'], body: 'Broken.\n' },
      patch('fix', '[PATCH] leds: fix what bob saw', { from: bob, inReplyTo: 'review', references: ['cover', 'p2', 'review'] }),
      patch('v2p2', '[PATCH v2 2/2] leds: two', { inReplyTo: 'p2', references: ['cover', 'p2'] }),
      patch('again', '[PATCH 2/2] leds: two, again', { inReplyTo: 'cover', references: ['cover'] }),
    ]);
    const first = review.seriesById.get('cover')!;
    assert.deepEqual(numbers(first), [1, 2]);
    assert.equal(first.patches[1]!.node?.id, 'p2');
    for (const id of ['fix', 'v2p2', 'again']) assert.notEqual(review.seriesByMessage.get(id), first, id);
    assert.equal(review.seriesByMessage.get('review'), first);
    assert.equal(review.series.length, 4);
  });

  it('lets a patch versioned on its own join the cover letter it replies to', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH v2 00/03] gpiolib: fence off', from: alice, body: 'Cover.\n' },
      patch('p1', '[PATCH 01/03] gpiolib: one', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p2', '[PATCH 02/03] [v3] input: two', { inReplyTo: 'cover', references: ['cover'] }),
    ]);
    assert.equal(review.series.length, 1);
    assert.deepEqual(numbers(review.series[0]!), [1, 2]);
  });

  it('reads a patch-like subject without a diff, in reply, as a reply', () => {
    const review = reviewOf([
      patch('orig', '[PATCH] Simple test'),
      { id: 'fwup', subject: '[PATCH] Simple test', from: bob, inReplyTo: 'orig', references: ['orig'], body: '> text\n\nReviewed-by: Bob Reviewer <bob@example.org>\n' },
    ]);
    assert.equal(review.series.length, 1);
    assert.equal(review.series[0]!.replyCount, 1);
    assert.deepEqual(review.series[0]!.patches[0]!.replies.map((node) => node.id), ['fwup']);
  });

  it('counts replies per patch, and replies to a patch of another series for that series', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH 0/2] leds: things', from: alice, body: 'Cover.\n' },
      patch('p1', '[PATCH 1/2] leds: one', { inReplyTo: 'cover', references: ['cover'] }),
      patch('p2', '[PATCH 2/2] leds: two', { inReplyTo: 'cover', references: ['cover'] }),
      { id: 'r-cover', subject: 'Re: [PATCH 0/2] leds: things', from: bob, inReplyTo: 'cover', references: ['cover'] },
      { id: 'r1', subject: 'Re: [PATCH 1/2] leds: one', from: bob, inReplyTo: 'p1', references: ['cover', 'p1'] },
      { id: 'r1r', subject: 'Re: [PATCH 1/2] leds: one', from: alice, inReplyTo: 'r1', references: ['cover', 'p1', 'r1'] },
      patch('v2p1', '[PATCH v2 1/2] leds: one', { inReplyTo: 'r1r', references: ['cover', 'p1', 'r1', 'r1r'] }),
      { id: 'r-v2', subject: 'Re: [PATCH v2 1/2] leds: one', from: bob, inReplyTo: 'v2p1', references: ['cover', 'p1', 'r1', 'r1r', 'v2p1'] },
    ]);
    const first = review.seriesById.get('cover')!;
    assert.deepEqual(first.cover?.replies.map((node) => node.id), ['r-cover']);
    assert.deepEqual(first.patches[0]!.replies.map((node) => node.id), ['r1', 'r1r']);
    assert.equal(first.replyCount, 3);
    assert.equal(review.seriesByMessage.get('r-v2')?.id, 'v2p1');
    assert.equal(first.lastActivity, review.archive.byId.get('r1r')!.mail.date);
  });

  it('leaves pull requests and questions to the discussions, and orders the listing by activity', () => {
    const review = reviewOf([
      { id: 'pull', subject: '[GIT PULL] LED updates', from: alice, body: 'The following changes...\n', date: '2024-01-03T00:00:00.000Z' },
      { id: 'question', subject: 'How do I use leds?', from: bob, date: '2024-01-01T00:00:00.000Z' },
      patch('solo', '[PATCH] leds: one', { date: '2024-01-02T00:00:00.000Z' }),
    ]);
    assert.equal(review.series.length, 1);
    assert.deepEqual(review.discussions.map((thread) => thread.id), ['pull', 'question']);
    assert.deepEqual(review.listing.map((entry) => (entry.kind === 'series' ? entry.series.id : entry.thread.id)), ['pull', 'solo', 'question']);
  });
});

/** The first subject of each series file, as SOURCE.md lists it: the cover letter's. */
function expectedCovers(review: ReviewArchive): Map<string, { version: number; total: number }> {
  const files = readdirSync(corpusPath('lore-linux-leds/threads-sample')).filter((file) => /^\d{3}-/.test(file));
  assert.equal(files.length, 22);
  const covers = new Map<string, { version: number; total: number }>();
  for (const file of files) {
    const cover = review.archive.messages.find((message) => message.mail.file === file && parseSubject(message.mail.subject).number === 0 && !parseSubject(message.mail.subject).isReply)!;
    const subject = parseSubject(cover.mail.subject);
    covers.set(file, { version: subject.version, total: subject.total! });
  }
  return covers;
}

describe('buildSeries on the real corpus', () => {
  let review: ReviewArchive;
  before(async () => {
    review = await reviewOfCorpus('lore-linux-leds/threads-sample');
  });

  it('finds each of the 22 series whole: cover, version, total and all patches', () => {
    for (const [file, expected] of expectedCovers(review)) {
      const found = review.series.filter((series) => series.cover?.node?.message?.mail.file === file);
      assert.equal(found.length, 1, file);
      const [series] = found as [Series];
      assert.equal(series.version, expected.version, file);
      assert.equal(series.total, expected.total, file);
      assert.deepEqual(numbers(series), Array.from({ length: expected.total }, (_, index) => index + 1), file);
      assert.ok(series.patches.every((patch) => patch.node?.message?.mail.file === file), file);
      assert.ok(series.replyCount >= 3, file);
      const others = review.series.filter((other) => other !== series && [other.cover, ...other.patches].some((patch) => patch?.node?.message?.mail.file === file));
      // 012 holds a partial re-roll (v2 3/5 and 4/5) sent into the v1 thread: a series of its own.
      assert.deepEqual(others.map((other) => `v${other.version} ${numbers(other).join(',')}`), file.startsWith('012-') ? ['v2 3,4'] : [], file);
    }
  });

  it('finds a Reviewed-by or Acked-by in each of the 22 series', () => {
    for (const file of expectedCovers(review).keys()) {
      const series = review.series.find((one) => one.cover?.node?.message?.mail.file === file)!;
      const status = seriesStatus(review.reviews.get(series.id)!);
      assert.ok(status.reviewedBy.length + status.ackedBy.length > 0, file);
    }
  });

  it('reads the edge cases: RESEND, single patches, a missing cover letter', () => {
    const resend = review.series.filter((series) => series.patches[0]?.node?.message?.mail.file === 'edge-resend.mbox');
    assert.deepEqual(resend.map((series) => `v${series.version} ${series.tags.join(',')}`).sort(), ['v2 RESEND', 'v3 ']);
    const flowed = review.series.find((series) => series.patches[0]?.node?.message?.mail.file === 'edge-flowed-pgp-signed-windows-1252.mbox')!;
    assert.equal(flowed.cover, null);
    assert.deepEqual(numbers(flowed), [1, 2]);
    const pull = review.archive.messages.find((message) => message.mail.file === 'edge-git-pull.mbox' && !message.mail.inReplyTo)!;
    assert.equal(review.seriesByMessage.has(pull.id), false);
    assert.ok(review.discussions.some((thread) => thread.root.id === pull.id));
  });

  it('shows the seed’s series, of which only a reply is archived, with every patch missing', async () => {
    const seed = await reviewOfCorpus('seed-lkml-iu-edu.txt');
    assert.equal(seed.series.length, 1);
    const [series] = seed.series as [Series];
    assert.equal(series.title, 'iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.equal(series.total, 4);
    assert.ok(series.patches.every((patch) => !patch.node?.message));
    assert.deepEqual(series.patches.map((patch) => patch.node !== null), [false, false, true, false]);
    const reply = seed.archive.messages[0]!;
    assert.deepEqual(series.patches[2]!.replies.map((node) => node.id), [reply.id]);
    assert.equal(series.replyCount, 1);
    assert.equal(seed.seriesByMessage.get(reply.id), series);
    assert.equal(seed.discussions.length, 0);
  });
});
