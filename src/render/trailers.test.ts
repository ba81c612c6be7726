import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';
import { readTrailer, remarkTrailers } from './trailers.ts';

const mark = (text: string) => markText(text, remarkQuotes, remarkTrailers);

describe('readTrailer', () => {
  const keys: Array<[string, string | undefined]> = [
    ['Signed-off-by: A <a@example.com>', 'signed-off-by'],
    ['Reviewed-by: A <a@example.com>', 'reviewed-by'],
    ['Acked-By: A <a@example.com>', 'acked-by'],
    ['Tested-by: A <a@example.com>', 'tested-by'],
    ['Reported-by: A', 'reported-by'],
    ['Suggested-by: A', 'suggested-by'],
    ['Nacked-by: A', 'nacked-by'],
    ['Fixes: 0123456789ab ("leds: fix")', 'fixes'],
    ['Link: https://lore.kernel.org/r/x@y', 'link'],
    ['Cc: stable@vger.kernel.org', 'cc'],
    ['NAK', 'nak'],
    ['NAK.', 'nak'],
    ['Also NAK', 'nak'],
    ['Nack, this breaks the ABI.', 'nak'],
    ['So NAK', 'nak'],
    ['NAKed-by: A', 'naked-by'],
    ['Reviewed-and-tested-by: A <a@example.com>', 'reviewed-and-tested-by'],
    ['Acked-for-MFD-by: Lee Jones <lee@kernel.org>', 'acked-for-mfd-by'],
    ['NAKed-by is not a trailer', undefined],
    ['Note: not a trailer', undefined],
    ['Reviewed-and-frowned-by: A', undefined],
    ['Snack time', undefined],
    ['Reviewed-by:', undefined],
    ['I reviewed-by hand', undefined],
  ];
  for (const [line, key] of keys) it(`reads ${JSON.stringify(line)}`, () => assert.equal(readTrailer(line)?.key, key));

  it('says what review each gives, from one table of names, and whom a -by trailer names', () => {
    const review = (line: string) => readTrailer(line)?.review;
    assert.deepEqual(review('Signed-off-by: A <a@example.com>'), []);
    assert.deepEqual(review('Reviewed-by: A <a@example.com>'), ['reviewed']);
    assert.deepEqual(review('NAK-ed-by: Pavel'), ['nacked']);
    assert.deepEqual(review('NACKed-by: Pavel'), ['nacked']);
    assert.deepEqual(review('Reviewed-and-tested-by: A <a@example.com>'), ['reviewed', 'tested']);
    assert.deepEqual(review('Reported-and-tested-by: A <a@example.com>'), ['tested']);
    assert.deepEqual(review('Also NAK'), ['nacked']);
    assert.deepEqual(readTrailer('Tested-by: Rob Herring <robh@kernel.org>')?.person, { name: 'Rob Herring', email: 'robh@kernel.org' });
    assert.equal(readTrailer('NAK, read the code')?.person, undefined);
    assert.equal(readTrailer('Fixes: 0123456789ab ("leds: fix")')?.person, undefined);
  });
});

describe('remarkTrailers', () => {
  it('makes one block of consecutive trailers, splitting it from the prose around it', () => {
    assert.deepEqual(outline(mark('Looks good.\nReviewed-by: A <a@b>\nTested-by: B <b@c>\nThanks')), [
      'Looks good.',
      { trailers: ['reviewed-by: Reviewed-by: A <a@b>', 'tested-by: Tested-by: B <b@c>'] },
      'Thanks',
    ]);
  });

  it('leaves a run of Cc: lines alone (a quoted header), but keeps Cc: among other trailers', () => {
    assert.deepEqual(outline(mark('Cc: a@b\nCc: c@d')), ['Cc: a@b', 'Cc: c@d']);
    assert.deepEqual(outline(mark('Cc: a@b\nSigned-off-by: c <c@d>')), [{ trailers: ['cc: Cc: a@b', 'signed-off-by: Signed-off-by: c <c@d>'] }]);
  });

  it('finds the quoted "Also NAK" of the seed, at depth 2', async () => {
    const { bodies } = await loadMail(corpusPath('seed-lkml-iu-edu.txt'));
    const found: Array<[number, unknown]> = [];
    const walk = (nodes: ReturnType<typeof mark>['children'], depth: number): void => {
      for (const node of nodes) {
        if (node.type === 'trailers') found.push([depth, outline(node)]);
        if (node.type === 'quote') walk(node.children, node.depth);
      }
    };
    walk(mark([...bodies.values()][0]!.text).children, 0);
    assert.deepEqual(found, [[2, { trailers: ['nak: Also NAK'] }]]);
  });
});
