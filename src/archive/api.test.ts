import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { messagesApi, seriesApi, type SeriesApiEntry } from './api.ts';

/** A site at the root showing addresses as sent. */
import type { ReviewArchive } from './index.ts';
import { AS_SENT_VIEW, reviewOfCorpus } from './test-support.ts';

describe('seriesApi and messagesApi', () => {
  let review: ReviewArchive;
  let series: SeriesApiEntry[];
  before(async () => {
    review = await reviewOfCorpus('b4/trailers-followup-partial-reroll.mbox');
    series = JSON.parse(JSON.stringify(seriesApi(review, AS_SENT_VIEW))) as SeriesApiEntry[];
  });

  it('writes one plain JSON entry per series, newest activity first', () => {
    assert.deepEqual(
      series.map((entry) => entry.id),
      review.series.map((one) => one.id),
    );
  });

  it('writes the contract fields of a series', () => {
    const v2 = series.find((entry) => entry.version === 2)!;
    const v3 = series.find((entry) => entry.version === 3)!;
    assert.deepEqual(
      { ...v2, trailers: undefined, review: undefined, state: undefined },
      {
        id: 'cover-message@example.com',
        url: '/s/cover-message@example.com/',
        title: 'Simple cover',
        version: 2,
        total: 2,
        tags: [],
        stable: null,
        stableSiblings: [],
        author: { name: 'Test Test', email: 'test@example.com' },
        authorName: 'Test Test',
        date: '2022-08-30T15:19:07.000Z',
        lastActivity: '2022-08-30T15:19:07.000Z',
        cover: 'cover-message@example.com',
        coverCopies: [],
        patches: [
          { number: 1, id: 'patch-1-message@example.com', archived: true },
          { number: 2, id: 'patch-2-message@example.com', archived: true },
        ],
        replies: 2,
        trailers: undefined,
        review: undefined,
        previous: null,
        next: v3.id,
        mbox: '/s/cover-message@example.com/series.mbox',
        mboxPlain: '/s/cover-message@example.com/series-plain.mbox',
        state: undefined,
        changes: null,
      },
    );
    assert.equal(v2.state.name, 'superseded');
    assert.equal(v2.state.supersededBy, v3.id);
    // A partial re-roll: v3 sends patch 2 again, and patch 1 is not in it.
    assert.deepEqual(v3.changes, [
      { number: 2, status: 'changed', interdiff: `/s/${v3.id}/interdiff/#p2` },
      { number: 1, status: 'unknown', interdiff: null },
    ]);
    const reviewer = { name: 'Followup Reviewer1', email: 'followup-reviewer1@example.com' };
    const original = { name: 'Original Reviewer', email: 'original-reviewer@example.com' };
    assert.deepEqual(v2.trailers, {
      'cover-message@example.com': { reviewedBy: [{ name: 'Coverletter Reviewer1', email: reviewer.email }], ackedBy: [], testedBy: [], nackedBy: [] },
      'patch-1-message@example.com': { reviewedBy: [original, { name: 'Coverletter Reviewer1', email: reviewer.email }], ackedBy: [], testedBy: [], nackedBy: [] },
      'patch-2-message@example.com': { reviewedBy: [original, reviewer], ackedBy: [], testedBy: [], nackedBy: [] },
    });
    assert.deepEqual(v3.patches, [
      { number: 1, id: null, archived: false },
      { number: 2, id: 'patch-v3-2-message@example.com', archived: true },
    ]);
    assert.equal(v3.previous, v2.id);
    assert.equal(v3.cover, null);
  });

  it('gives each message its thread and series', () => {
    const messages = messagesApi(review, AS_SENT_VIEW);
    assert.equal(messages.length, 6);
    for (const message of messages) assert.equal(message.thread, 'cover-message@example.com');
    const seriesOf = Object.fromEntries(messages.map((message) => [message.id, message.series]));
    assert.deepEqual(seriesOf, {
      'cover-message@example.com': 'cover-message@example.com',
      'patch-1-message@example.com': 'cover-message@example.com',
      'patch-2-message@example.com': 'cover-message@example.com',
      'fwup-message-1@example.com': 'cover-message@example.com',
      'fwup-message-2@example.com': 'cover-message@example.com',
      'patch-v3-2-message@example.com': 'patch-v3-2-message@example.com',
    });
  });

  it('gives each message its raw mail and its thread mbox, as site paths', () => {
    const byId = new Map(messagesApi(review, AS_SENT_VIEW).map((message) => [message.id, message]));
    const patch = byId.get('patch-1-message@example.com')!;
    assert.equal(patch.raw, '/m/patch-1-message@example.com/raw.txt');
    assert.equal(patch.threadMbox, '/m/cover-message@example.com/t.mbox', "in its thread root's folder");
  });

  it('gives each message the parent it is threaded under, from its headers', () => {
    const byId = new Map(messagesApi(review, AS_SENT_VIEW).map((message) => [message.id, message]));
    assert.deepEqual([byId.get('cover-message@example.com')!.parent, byId.get('cover-message@example.com')!.parentInferred], [null, false]);
    assert.deepEqual([byId.get('patch-2-message@example.com')!.parent, byId.get('patch-2-message@example.com')!.parentInferred], ['cover-message@example.com', false]);
    for (const message of byId.values()) assert.equal(message.parent, review.nodes.get(message.id)!.parent?.id ?? null);
  });

  it('gives mail that is not a patch no series', async () => {
    const pull = await reviewOfCorpus('lore-linux-leds/threads-sample/edge-git-pull.mbox');
    assert.deepEqual(seriesApi(pull, AS_SENT_VIEW), []);
    const messages = messagesApi(pull, AS_SENT_VIEW);
    const root = messages.find((message) => message.inReplyTo === null)!;
    assert.ok(messages.every((message) => message.series === null && message.thread === root.id));
  });
});

describe('seriesApi for the seed', () => {
  it('lists the four patches as not in the archive, the third known from its reply', async () => {
    const review = await reviewOfCorpus('seed-lkml-iu-edu.txt');
    const [entry] = seriesApi(review, AS_SENT_VIEW);
    assert.equal(entry?.title, 'iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.equal(entry?.cover, null);
    assert.equal(entry?.replies, 1);
    assert.deepEqual(
      entry?.patches.map(({ number, archived }) => [number, archived]),
      [
        [1, false],
        [2, false],
        [3, false],
        [4, false],
      ],
    );
    assert.match(entry!.patches[2]!.id!, /@inferred\.sheaf\.invalid$/);
    assert.equal(entry?.id, entry?.patches[2]?.id);
    assert.deepEqual([entry?.mbox, entry?.mboxPlain], [null, null], 'no patch to download');
    const [message] = messagesApi(review, AS_SENT_VIEW);
    assert.equal(message?.series, entry?.id);
    assert.equal(message?.thread, review.threadByMessage.get(message!.id)!.root.id);
    assert.equal(message?.threadMbox, `${message!.url}t.mbox`, 'the root is not archived: the mbox is in the folder of its oldest archived message');
    assert.equal(message?.parent, review.nodes.get(message!.id)!.parent!.id, 'the saved page has no headers: its parent is inferred from its quotes');
    assert.match(message!.parent!, /@inferred\.sheaf\.invalid$/);
    assert.equal(message?.parentInferred, true);
  });
});
