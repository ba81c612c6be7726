import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { remarkDiff } from './diff.ts';
import { remarkDiffstat, statPath } from './diffstat.ts';
import { remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';

const mark = (text: string) => markText(text, remarkQuotes, remarkDiff, remarkDiffstat);

describe('remarkDiffstat', () => {
  it('marks file lines, the summary and mode lines, and links paths to the diffs of the body', () => {
    const text = [
      '---',
      ' drivers/leds/leds-foo.c                       | 3 ++-',
      ' .../devicetree/bindings/leds/foo.yaml         | 1 +',
      ' pixel.bmp                                     | Bin 0 -> 142 bytes',
      ' 3 files changed, 3 insertions(+), 1 deletion(-)',
      ' create mode 100644 pixel.bmp',
      '',
      'diff --git a/drivers/leds/leds-foo.c b/drivers/leds/leds-foo.c',
      'diff --git a/Documentation/devicetree/bindings/leds/foo.yaml b/Documentation/devicetree/bindings/leds/foo.yaml',
    ].join('\n');
    const [, diffstat] = outline(mark(text)) as unknown[];
    assert.deepEqual(diffstat, {
      diffstat: [
        ' drivers/leds/leds-foo.c                       | 3 ++- → f1',
        ' .../devicetree/bindings/leds/foo.yaml         | 1 + → f2',
        ' pixel.bmp                                     | Bin 0 -> 142 bytes',
        ' 3 files changed, 3 insertions(+), 1 deletion(-)',
        ' create mode 100644 pixel.bmp',
      ],
    });
  });

  it('needs the summary or two file lines', () => {
    assert.deepEqual(outline(mark('a | 1 +\nprose')), ['a | 1 +', 'prose']);
    assert.equal((outline(mark('> a | 1 +\n> b | 2 --')) as Array<{ children: Array<{ diffstat?: unknown }> }>)[0]!.children[0]!.diffstat !== undefined, true);
  });

  it('reads the new path of renames', () => {
    assert.equal(statPath('drivers/{old => new}/x.c'), 'drivers/new/x.c');
    assert.equal(statPath('a.c => b.c'), 'b.c');
    assert.equal(statPath('d-pkgconfig-files.patch => rpi-userland-000-add-pkgconfig-files.patch}'), 'rpi-userland-000-add-pkgconfig-files.patch');
  });

  it('links a real patch’s diffstat to its files', async () => {
    const { bodies } = await loadMail(corpusPath('patchwork/mail/0026-git-add-mixed-binary-text-files.mbox'));
    const tree = mark([...bodies.values()][0]!.text);
    const diffstat = tree.children.find((node) => node.type === 'diffstat');
    assert.deepEqual(diffstat?.type === 'diffstat' && diffstat.children.map((line) => line.target ?? null), ['f1', 'f2', null, null, null]);
  });
});
