import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ReviewArchive } from './index.ts';
import { diff, reviewOf, reviewOfCorpus, type MailSpec } from './test-support.ts';

const alice = 'Alice Author <alice@example.org>';
const lee = 'Lee Maintainer <lee@example.org>';

function series(id: string, version: number, total = 2): MailSpec[] {
  return [
    { id, subject: `[PATCH v${version} 0/${total}] leds: add a driver`, from: alice, body: 'Cover.\n' },
    ...Array.from({ length: total }, (_, index): MailSpec => ({
      id: `${id}-${index + 1}`,
      subject: `[PATCH v${version} ${index + 1}/${total}] leds: part ${index + 1}`,
      from: alice,
      inReplyTo: id,
      references: [id],
      body: `Part ${index + 1}.\n\nSigned-off-by: ${alice}\n${diff(`f${index}.c`, `v${version}`)}`,
    })),
  ];
}

const reply = (id: string, to: string, body: string, from = lee): MailSpec => ({ id, subject: 'Re: [PATCH] leds', from, inReplyTo: to, references: [to], body });

describe('seriesState on small input', () => {
  it('applied: a reply by someone else, with where, whom and which patches', () => {
    const review = reviewOf([...series('s', 1), reply('r', 's', '> Cover.\n\nApplied to for-next, thanks!\n')]);
    const state = review.states.get('s')!;
    assert.equal(state.name, 'applied');
    assert.deepEqual(state.applied, [{ by: { name: 'Lee Maintainer', email: 'lee@example.org' }, to: 'for-next', messageId: 'r', patches: [1, 2], commits: [] }]);
  });

  it("an author's own 'applied' does not count; a reply to a patch applies that patch", () => {
    const own = reviewOf([...series('s', 1), reply('r', 's', 'Applied, thanks!\n', alice)]);
    assert.notEqual(own.states.get('s')!.name, 'applied');
    const one = reviewOf([...series('s', 1), reply('r', 's-2', 'Applied, thanks.\n')]);
    assert.deepEqual(one.states.get('s')!.applied.map((applied) => applied.patches), [[2]]);
  });

  it('superseded, NAKed, changes requested, reviewed, waiting', () => {
    const review = reviewOf([...series('a', 1), ...series('b', 2)]);
    assert.equal(review.states.get('a')!.name, 'superseded');
    assert.equal(review.states.get('a')!.supersededBy?.id, 'b');
    assert.equal(review.states.get('b')!.name, 'waiting');
    assert.deepEqual(review.states.get('b')!.unreviewed, [1, 2]);
    const nak = reviewOf([...series('s', 1), reply('r', 's-1', 'NAK.\n')]);
    assert.equal(nak.states.get('s')!.name, 'nacked');
    const asked = reviewOf([...series('s', 1), reply('r', 's-1', '> Part 1.\n\nPlease split this.\n')]);
    assert.equal(asked.states.get('s')!.name, 'changes-requested');
    const reviewed = reviewOf([...series('s', 1), reply('r', 's', 'Reviewed-by: Lee Maintainer <lee@example.org>\n')]);
    assert.equal(reviewed.states.get('s')!.name, 'reviewed');
    assert.deepEqual(reviewed.states.get('s')!.unreviewed, []);
    const half = reviewOf([...series('s', 1), reply('r', 's-1', 'Acked-by: Lee Maintainer <lee@example.org>\n')]);
    assert.equal(half.states.get('s')!.name, 'waiting');
    assert.deepEqual(half.states.get('s')!.unreviewed, [2]);
  });
});

describe('seriesState on the linux-leds threads sample', () => {
  let review: ReviewArchive;
  before(async () => {
    review = await reviewOfCorpus('lore-linux-leds/threads-sample');
  });
  const find = (title: string, version: number) => review.series.find((series) => series.title.startsWith(title) && series.version === version)!;

  it('a series answered "Applied, thanks" is applied, by its maintainer', () => {
    const wled = review.states.get(find('Add support for WLED5', 6).id)!;
    assert.equal(wled.name, 'applied');
    assert.deepEqual([...new Set(wled.applied.map((applied) => applied.by.name))], ['Lee Jones']);
    assert.deepEqual(wled.applied.flatMap((applied) => applied.patches), [1, 2, 3, 4]);
  });

  it("b4's thanks for a subset names the patches and commits; the patchwork bot names where and by whom", () => {
    const sy7802 = review.states.get(find('Add sy7802 flash led driver', 5).id)!;
    assert.equal(sy7802.name, 'applied');
    assert.deepEqual(sy7802.applied.map((applied) => [applied.by.name, applied.patches]), [['Lee Jones', [1, 2]], ['Bjorn Andersson', [3]]]);
    assert.equal(sy7802.applied[0]!.commits[0], '8c063929fe3d24d9c2c9544d1c1e2add4190b80b');
    const qca = review.states.get(find('net: phy: generic polarity', 10).id)!;
    assert.equal(qca.applied[0]!.to, 'netdev/net-next.git (main)');
    assert.equal(qca.applied[0]!.by.name, 'Jakub Kicinski');
  });

  it('a series with a later version is superseded: Multicolor Framework v21 by v25', () => {
    const v21 = review.states.get(find('Multicolor Framework', 21).id)!;
    assert.equal(v21.name, 'superseded');
    assert.equal(v21.supersededBy?.version, 25);
    assert.equal(review.states.get(find('Multicolor Framework', 25).id)!.name, 'reviewed');
  });
});
