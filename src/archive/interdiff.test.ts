import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { markBody } from '../render/index.ts';
import { interdiff, interdiffText, type PatchVersion } from './interdiff.ts';
import type { ReviewArchive } from './index.ts';
import type { SeriesPatch } from './series.ts';
import { reviewOfCorpus } from './test-support.ts';
import { compareVersions } from './versions.ts';

function version(message: string, hunks: string[]): PatchVersion {
  const text = `${message}\n---\n\ndiff --git a/drivers/leds/a.c b/drivers/leds/a.c\nindex 1111111..2222222 100644\n--- a/drivers/leds/a.c\n+++ b/drivers/leds/a.c\n${hunks.join('')}-- \n2.43.0\n`;
  const tree = markBody({ text, inline: [] });
  return { text, tree, commitMessageEnd: text.split('\n').indexOf('---') };
}

const hunk = (at: number, name: string, line: string) => `@@ -${at},3 +${at},4 @@ int ${name}(void)\n a\n b\n+${line}\n c\n`;

describe('interdiff on small input', () => {
  it('shows exactly the hunks that differ: changed, dropped and added, never an unchanged one, whatever its offset', () => {
    const older = version('leds: a: fix\n\nSigned-off-by: A <a@example.org>', [hunk(10, 'same', 'kept'), hunk(20, 'changed', 'old'), hunk(30, 'dropped', 'gone')]);
    const newer = version('leds: a: fix\n\nReviewed-by: R <r@example.org>\nSigned-off-by: A <a@example.org>', [hunk(12, 'same', 'kept'), hunk(22, 'changed', 'new'), hunk(40, 'added', 'fresh')]);
    const diff = interdiff(older, newer);
    assert.deepEqual(diff.files.map((file) => [file.path, file.status, file.hunks.map((one) => one.status)]), [['drivers/leds/a.c', 'changed', ['changed', 'dropped', 'added']]]);
    const [changed, dropped, added] = diff.files[0]!.hunks;
    assert.deepEqual(changed!.lines.filter((line) => line.marker !== ' '), [{ marker: '-', text: '+old' }, { marker: '+', text: '+new' }]);
    assert.ok(dropped!.lines.every((line) => line.marker === '-') && dropped!.lines[0]!.text.includes('dropped'));
    assert.ok(added!.lines.every((line) => line.marker === '+') && added!.lines[0]!.text.includes('added'));
    assert.ok(!JSON.stringify(diff).includes('kept'));
    assert.deepEqual(diff.commitMessage[0]!.lines.filter((line) => line.marker !== ' '), [{ marker: '+', text: 'Reviewed-by: R <r@example.org>' }]);
    assert.equal(diff.truncated, false);
  });

  it('is empty between a patch and itself, and its text reads back as a diff of the same files', () => {
    const one = version('leds: a: fix', [hunk(10, 'f', 'x')]);
    assert.deepEqual(interdiff(one, one), { commitMessage: [], files: [], truncated: false });
    const text = interdiffText(interdiff(one, version('leds: a: fix', [hunk(10, 'f', 'y')])));
    const diffs = markBody({ text, inline: [] }).children.filter((block) => block.type === 'diff');
    assert.deepEqual(diffs.map((diff) => diff.path), ['drivers/leds/a.c']);
  });

  it('stays bounded on huge hunks', () => {
    const big = (line: string) => version('m', [`@@ -1,1 +1,20001 @@\n a\n${Array.from({ length: 20_000 }, (_, index) => `+${line}${index}\n`).join('')}`]);
    const diff = interdiff(big('x'), big('y'));
    assert.equal(diff.truncated, true);
    assert.ok(diff.files.every((file) => file.hunks.every((one) => one.lines.length <= 5000)));
  });
});

describe('interdiff on real re-rolls', () => {
  let review: ReviewArchive;
  before(async () => {
    review = await reviewOfCorpus('lore-linux-leds/threads-sample');
  });
  const side = (patch: SeriesPatch): PatchVersion => {
    const message = patch.node!.message!;
    const body = review.facts.bodyOf(message);
    return { text: body.text, tree: markBody(body), commitMessageEnd: message.mail.facts.commitMessageEnd };
  };

  it('Multicolor Framework v21 → v25: changed patches show what differs, unchanged ones nothing', () => {
    const v25 = review.series.find((series) => series.title.startsWith('Multicolor Framework') && series.version === 25)!;
    const v21 = review.versions.get(v25.id)!.previous!;
    assert.equal(v21.version, 21);
    const changes = compareVersions(v21, v25, review.facts);
    for (const change of changes.filter((one) => one.change === 'unchanged')) {
      assert.deepEqual(interdiff(side(change.older!), side(change.newer!)).files, [], change.title);
    }
    const first = interdiff(side(changes[0]!.older!), side(changes[0]!.newer!));
    // v25 turned the text binding into YAML: the .txt file's hunk dropped, the .yaml file's added.
    assert.deepEqual(first.files.map((file) => [file.path, file.status]), [
      ['Documentation/devicetree/bindings/leds/leds-class-multicolor.yaml', 'added'],
      ['Documentation/devicetree/bindings/leds/leds-class-multicolor.txt', 'dropped'],
    ]);
    assert.ok(first.commitMessage.some((one) => one.lines.some((line) => line.marker === '+' && line.text.startsWith('Acked-by: Jacek Anaszewski'))));
    const driver = interdiff(side(changes[3]!.older!), side(changes[3]!.newer!));
    const lp50xx = driver.files.find((file) => file.path === 'drivers/leds/leds-lp50xx.c')!;
    assert.equal(lp50xx.status, 'changed');
    // Only the lines that differ, with their context, never the whole new file again.
    for (const one of lp50xx.hunks) assert.ok(one.lines.some((line) => line.marker !== ' ') && one.lines.length < 200);
  });

  it("b4's partial re-roll: the re-sent patch's changed file and message", async () => {
    const reroll = await reviewOfCorpus('b4/trailers-followup-partial-reroll.mbox');
    const newer = reroll.series.find((series) => reroll.versions.get(series.id)?.previous)!;
    const changes = compareVersions(reroll.versions.get(newer.id)!.previous!, newer, reroll.facts);
    assert.deepEqual(changes.map((change) => change.change), ['changed', 'unknown']);
    const sideOf = (patch: SeriesPatch): PatchVersion => {
      const message = patch.node!.message!;
      const body = reroll.facts.bodyOf(message);
      return { text: body.text, tree: markBody(body), commitMessageEnd: message.mail.facts.commitMessageEnd };
    };
    const diff = interdiff(sideOf(changes[0]!.older!), sideOf(changes[0]!.newer!));
    assert.deepEqual(diff.files.map((file) => [file.path, file.status]), [['b4/bogus.py', 'added'], ['b4/bupkes.py', 'dropped']]);
    assert.deepEqual(diff.commitMessage[0]!.lines.filter((line) => line.marker !== ' '), [{ marker: '+', text: 'Partial reroll test.' }]);
  });
});
