import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileIndex, filePageUrl, pathSegments, type FileIndex } from './files.ts';
import type { ReviewArchive } from './index.ts';
import { diff, reviewOf, reviewOfCorpus } from './test-support.ts';

describe('file pages: paths from mail', () => {
  it('gives no page to absolute, empty, dot or dot-dot segments, or paths too long or too deep', () => {
    for (const path of ['/etc/passwd', 'a//b', '../x', 'a/./b', 'a/..', 'a/', '', 'x'.repeat(401), Array(30).fill('a').join('/')]) assert.equal(pathSegments(path), null, path);
    assert.deepEqual(pathSegments('drivers/leds/leds-lp50xx.c'), ['drivers', 'leds', 'leds-lp50xx.c']);
  });

  it('writes each segment as permalinks are written: safe everywhere, one-to-one whatever the case', () => {
    assert.equal(filePageUrl(['drivers', 'leds', 'leds-lp50xx.c']), '/f/drivers/leds/leds-lp50xx.c/');
    assert.equal(filePageUrl(['drivers', 'leds', 'Kconfig']), '/f/drivers/leds/Kconfig~u8/');
    assert.notEqual(filePageUrl(['kconfig']).toLowerCase(), filePageUrl(['Kconfig']).toLowerCase());
    for (const [segment, safe] of [['con.c', '~63on.c'], ['.hidden', '~2Ehidden'], ['trailing.', 'trailing~2E'], ['a b', 'a~20b'], ['a\\b', 'a~5Cb'], ['a:b', 'a~3Ab']]) {
      assert.equal(filePageUrl([segment!]), `/f/${safe}/`, segment);
    }
    assert.ok(filePageUrl(['x'.repeat(300)]).length < 200);
  });

  it('lists each patch touching a file once, newest series first, and sums a folder over its files', () => {
    const review = reviewOf([
      { id: 'a', subject: '[PATCH] leds: a: one', date: '2024-01-01T00:00:00.000Z', body: `One.\n${diff('drivers/leds/a.c')}` },
      { id: 'b', subject: '[PATCH] leds: b: two', from: 'Bob <bob@example.org>', date: '2024-02-01T00:00:00.000Z', body: `Two.\n${diff('drivers/leds/b.c')}` },
      { id: 'c', subject: '[PATCH] evil', from: 'Eve <eve@example.org>', date: '2024-03-01T00:00:00.000Z', body: `Evil.\n${diff('../../etc/passwd')}` },
    ]);
    const index = fileIndex(review.series);
    assert.deepEqual(index.entries.map((entry) => [entry.path, entry.file, entry.folder, entry.series.map(({ series }) => series.id)]), [
      ['drivers', false, true, ['b', 'a']],
      ['drivers/leds', false, true, ['b', 'a']],
      ['drivers/leds/a.c', true, false, ['a']],
      ['drivers/leds/b.c', true, false, ['b']],
    ]);
  });
});

describe('file pages of the linux-leds threads sample', () => {
  let review: ReviewArchive;
  let index: FileIndex;
  before(async () => {
    review = await reviewOfCorpus('lore-linux-leds/threads-sample');
    index = fileIndex(review.series);
  });
  const files = (path: string) => index.byPath.get(path)!.series.map(({ series }) => series.patches.find((patch) => patch.node?.message)!.node!.message!.mail.file);

  it('a file page lists every series of the sample that touches the file', () => {
    // Checked against `grep -l '^+++ b/drivers/leds/Kconfig'` over the sample's files.
    assert.deepEqual(new Set(files('drivers/leds/Kconfig')), new Set([
      '004-rtl8231-gpio-expander-support.mbox', '007-leds-pca963x-add-multicolor-support-and-enable-monza-rgb-led.mbox', '008-add-support-for-maxim-integrated-max77705-pmic.mbox',
      '011-add-mediatek-mt6370-pmic-support.mbox', '014-multicolor-framework.mbox', '017-add-support-for-the-iei-wt61p803-puzzle-mcu.mbox', '018-multicolor-framework-v25.mbox',
      'edge-flowed-pgp-signed-windows-1252.mbox', 'edge-irt-no-references.mbox', 'edge-rfc2047-subject.mbox',
    ]));
    const lp50xx = index.byPath.get('drivers/leds/leds-lp50xx.c')!;
    assert.deepEqual(lp50xx.series.map(({ series, touches }) => [series.version, touches.map((touch) => touch.number)]), [[25, [4]], [21, [4]]]);
    assert.equal(lp50xx.url, '/f/drivers/leds/leds-lp50xx.c/');
  });

  it("a folder's page sums its files: every series touching drivers/leds/ touches a file under it", () => {
    const folder = index.byPath.get('drivers/leds')!;
    assert.ok(folder.folder && !folder.file);
    const under = new Set(index.entries.filter((entry) => entry.file && entry.path.startsWith('drivers/leds/')).flatMap((entry) => entry.series.map(({ series }) => series)));
    assert.deepEqual(new Set(folder.series.map(({ series }) => series)), under);
  });
});
