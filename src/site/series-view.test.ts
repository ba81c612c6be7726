import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ReviewArchive } from '../archive/index.ts';
import { seriesStatus } from '../archive/review.ts';
import type { Series } from '../archive/series.ts';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from '../archive/test-support.ts';
import { givenLabel, scopeLabel, seriesView, type ReviewGroup, type SeriesView } from './series-view.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';
const pat = 'Pat Tester <pat@example.org>';

/** A patch changing `line` of a file named after its number, so two versions of it can match. */
function patch(id: string, subject: string, line: string, extra: Partial<MailSpec> = {}): MailSpec {
  const file = `leds-${/ (\d+)\//.exec(subject)![1]}.c`;
  return { id, subject, from: ada, body: `commit message\n\nSigned-off-by: ${ada}\n${diff(file, line)}`, ...extra };
}

/** `Reviewed-by Lee Reviewer: r1, r2` per person. */
function shown(groups: ReviewGroup[]): string[] {
  return groups.flatMap(({ kind, people }) => people.map(({ person, given }) => `${kind.trailer} ${person.name}: ${given.map(({ message }) => message.id).join(', ')}`));
}

describe('seriesView on small input', () => {
  const review = reviewOf([
    { id: 'v1', subject: '[PATCH 0/2] leds: demo blink', from: ada, body: 'Cover.\n', date: '2024-01-01T10:00:00.000Z' },
    patch('v1-1', '[PATCH 1/2] leds: add blink', 'period = 50', { inReplyTo: 'v1', references: ['v1'], date: '2024-01-01T10:01:00.000Z' }),
    patch('v1-2', '[PATCH 2/2] dt-bindings: leds: blink period', 'blink-period-ms', { inReplyTo: 'v1', references: ['v1'], date: '2024-01-01T10:02:00.000Z' }),
    { id: 'v2', subject: '[PATCH v2 0/3] leds: demo blink', from: ada, body: 'Cover.\n', date: '2024-02-01T10:00:00.000Z' },
    patch('v2-1', '[PATCH v2 1/3] leds: add blink', 'period = DEMO_PERIOD', { inReplyTo: 'v2', references: ['v2'], date: '2024-02-01T10:01:00.000Z' }),
    patch('v2-2', '[PATCH v2 2/3] dt-bindings: leds: blink period', 'blink-period-ms', { inReplyTo: 'v2', references: ['v2'], date: '2024-02-01T10:02:00.000Z' }),
    { id: 'r1', subject: 'Re: [PATCH v2 1/3] leds: add blink', from: lee, inReplyTo: 'v2-1', references: ['v2', 'v2-1'], body: 'Reviewed-by: Lee Reviewer <lee@example.org>\n', date: '2024-02-02T10:00:00.000Z' },
    { id: 'r2', subject: 'Re: Re: [PATCH v2 1/3] leds: add blink', from: lee, inReplyTo: 'r1', references: ['v2', 'v2-1', 'r1'], body: 'Again:\nReviewed-by: Lee Reviewer <lee@example.org>\n', date: '2024-02-03T10:00:00.000Z' },
    { id: 'r3', subject: 'Re: [PATCH v2 0/3] leds: demo blink', from: pat, inReplyTo: 'v2', references: ['v2'], body: 'Tested-by: Pat Tester <pat@example.org>\n', date: '2024-02-04T10:00:00.000Z' },
  ]);
  const byId = (id: string) => review.seriesById.get(id)!;
  const view = seriesView(byId('v2'), review);

  it('shows the cover letter and every patch in order, the missing one marked', () => {
    assert.equal(view.cover.message?.id, 'v2');
    assert.equal(view.cover.counter, '0/3');
    assert.deepEqual(view.patches.map((slot) => [slot.counter, slot.message?.id ?? null, slot.title]), [
      ['1/3', 'v2-1', 'leds: add blink'],
      ['2/3', 'v2-2', 'dt-bindings: leds: blink period'],
      ['3/3', null, null],
    ]);
    assert.deepEqual(view.patches[2]!.missing, { id: null, inferred: null });
    assert.equal(view.present, 2);
  });

  it('lists replies under their patch, and who reviewed it through which message', () => {
    assert.deepEqual(view.patches[0]!.replies.map((reply) => reply.id), ['r1', 'r2']);
    assert.deepEqual(view.cover.replies.map((reply) => reply.id), ['r3']);
    assert.deepEqual(shown(view.patches[0]!.review), ['Reviewed-by Lee Reviewer: r1, r2', 'Tested-by Pat Tester: r3']);
    assert.deepEqual(shown(view.patches[1]!.review), ['Tested-by Pat Tester: r3']);
    assert.deepEqual(shown(view.cover.review), ['Tested-by Pat Tester: r3']);
    const [reviewed, tested] = view.patches[0]!.review;
    assert.deepEqual([...reviewed!.people[0]!.given, ...tested!.people[0]!.given].map(givenLabel), ['reply, 2024-02-02', 'reply, 2024-02-03', 'on the cover letter, 2024-02-04']);
  });

  it('gives the status of the whole series: on the cover letter, or per patch', () => {
    assert.deepEqual(
      view.status.map(({ kind, people }) => [kind.kind, people.map(({ person, wholeSeries, patches }) => ({ email: person.email, wholeSeries, patches }))]),
      [
        ['reviewed', [{ email: 'lee@example.org', wholeSeries: false, patches: [1] }]],
        ['tested', [{ email: 'pat@example.org', wholeSeries: true, patches: [] }]],
      ],
    );
    assert.deepEqual(view.status.flatMap(({ people }) => people.map((person) => scopeLabel(person, 3))), ['patch 1 of 3', 'whole series']);
    assert.equal(scopeLabel({ wholeSeries: true, patches: [2, 3] }, 4), 'whole series; patches 2, 3 of 4');
    assert.equal(scopeLabel({ wholeSeries: false, patches: [9, 1, 5, 6, 7, 8, 12, 13] }, 16), 'patches 1, 5–9, 12, 13 of 16');
    assert.equal(scopeLabel({ wholeSeries: false, patches: [5, 6], stated: ['5/8 and 6/8'] }, 8), 'patches 5, 6 of 8, as stated: “5/8 and 6/8”');
  });

  it('links the versions and tells which patches changed', () => {
    const older = seriesView(byId('v1'), review);
    assert.deepEqual(older.versions.all.map((one) => one.id), ['v1', 'v2']);
    assert.equal(older.versions.next?.id, 'v2');
    assert.equal(view.versions.previous?.id, 'v1');
    assert.equal(view.versions.next, null);
    assert.deepEqual(view.versions.changes.map(({ older, newer }) => [older.id, newer.id]), [['v1', 'v2']]);
    assert.deepEqual(view.versions.changes[0]!.patches.map(({ title, change }) => [title, change]), [
      ['leds: add blink', 'changed'],
      ['dt-bindings: leds: blink period', 'unchanged'],
    ]);
  });
});

describe('seriesView on the corpus', () => {
  let seed: ReviewArchive;
  let sample: ReviewArchive;
  before(async () => {
    [seed, sample] = await Promise.all([reviewOfCorpus('seed-lkml-iu-edu.txt'), reviewOfCorpus('lore-linux-leds/threads-sample')]);
  });

  it('shows the seed’s four patches as missing, patch 3 known from the reply under it, and no NAK', () => {
    const [series] = seed.series as [Series];
    const view = seriesView(series, seed);
    assert.equal(view.series.title, 'iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.deepEqual([view.cover.message, view.cover.missing, view.cover.replies], [null, { id: null, inferred: null }, []]);
    assert.deepEqual(view.patches.map((slot) => slot.message), [null, null, null, null]);
    const third = view.patches[2]!;
    assert.equal(third.missing?.id, null, 'an inferred placeholder’s id is no Message-ID');
    assert.equal(third.missing?.inferred?.subject, '[PATCH 3/4] iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.equal(third.title, 'iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
    assert.deepEqual(third.replies.map((reply) => reply.mail.from.name), ['Jason Gunthorpe']);
    assert.deepEqual(view.status, [], 'the quoted “Also NAK” is nobody’s NAK');
  });

  it('builds every series page of the threads sample, agreeing with the series status', () => {
    for (const series of sample.series) {
      const view: SeriesView = seriesView(series, sample);
      assert.equal(view.patches.length, series.total, series.title);
      assert.equal(view.cover.message?.id ?? null, series.cover?.node?.message?.id ?? null);
      const replies = [view.cover, ...view.patches].reduce((sum, slot) => sum + slot.replies.length, 0);
      assert.equal(replies, series.replyCount, series.title);
      const status = seriesStatus(sample.reviews.get(series.id)!);
      for (const { kind, people } of view.status) assert.equal(people.length, status[kind.field].length, `${series.title}: ${kind.trailer}`);
    }
  });
});

describe('a cover-letter trailer that states its scope', () => {
  it('is shown for the patches it names, with the scope as written', () => {
    const cover: MailSpec = { id: 'c', subject: '[PATCH 0/2] leds: demo', from: ada, body: 'Cover.\n' };
    const archive = [
      cover,
      patch('p1', '[PATCH 1/2] leds: one', 'a', { inReplyTo: 'c', references: ['c'] }),
      patch('p2', '[PATCH 2/2] leds: two', 'b', { inReplyTo: 'c', references: ['c'] }),
      { id: 'ack', subject: 'Re: [PATCH 0/2] leds: demo', from: lee, inReplyTo: 'c', references: ['c'], body: `Acked-by: ${lee} for 2/2\n` },
    ];
    const review = reviewOf(archive);
    const [reviewer] = seriesView(review.series[0]!, review).status.flatMap(({ people }) => people);
    assert.equal(scopeLabel(reviewer!, 2), 'patch 2 of 2, as stated: “2/2”');
  });
});
