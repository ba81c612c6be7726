import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { MAX_QUOTE_DEPTH, readQuotePrefix, remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';

describe('readQuotePrefix', () => {
  const cases: Array<[string, number, string]> = [
    ['> text', 1, 'text'],
    ['>text', 1, 'text'],
    ['> > text', 2, 'text'],
    ['>> text', 2, 'text'],
    ['> >> text', 3, 'text'],
    ['>>> > text', 4, 'text'],
    ['>  indented', 1, ' indented'],
    ['>', 1, ''],
    ['> >', 2, ''],
    [' > zoho style', 1, 'zoho style'],
    ['>  > > reply to zoho', 3, 'reply to zoho'],
    ['  > two spaces is text', 0, '  > two spaces is text'],
    [' > 191\t\treturn ret;', 0, ' > 191\t\treturn ret;'],
    ['>From the mbox escape', 0, '>From the mbox escape'],
    ['> >From quoted escape', 1, '>From quoted escape'],
    ['>From: a quoted header', 1, 'From: a quoted header'],
    ['a > b', 0, 'a > b'],
  ];
  for (const [line, depth, text] of cases) {
    it(`reads ${JSON.stringify(line)} as depth ${depth}`, () => assert.deepEqual(readQuotePrefix(line), { depth, text }));
  }

  it(`stops at depth ${MAX_QUOTE_DEPTH}, leaving deeper markers in the text`, () => {
    const { depth, text } = readQuotePrefix('>'.repeat(100) + ' x');
    assert.equal(depth, MAX_QUOTE_DEPTH);
    assert.equal(text, '>'.repeat(100 - MAX_QUOTE_DEPTH) + ' x');
  });
});

describe('remarkQuotes', () => {
  it('nests quoted lines, one quote per depth', () => {
    const tree = markText('Hi\n> a\n> > b\n> > > c\n> d\ne', remarkQuotes);
    assert.deepEqual(outline(tree), [
      'Hi',
      { quote: 1, children: ['a', { quote: 2, children: ['b', { quote: 3, children: ['c'] }] }, 'd'] },
      'e',
    ]);
  });

  it('opens every level when a line jumps deeper, and keeps blank quoted lines in their quote', () => {
    assert.deepEqual(outline(markText('> > > deep\n> >\n>', remarkQuotes)), [
      { quote: 1, children: [{ quote: 2, children: [{ quote: 3, children: ['deep'] }, ''] }, ''] },
    ]);
  });

  it('ends a quote at an unquoted blank line', () => {
    assert.deepEqual(outline(markText('> a\n\n> b', remarkQuotes)), [{ quote: 1, children: ['a'] }, '', { quote: 1, children: ['b'] }]);
  });

  it('reads the kernel test robot’s `>>` marks as text, also when its report is quoted', () => {
    const report = 'All warnings (new ones prefixed by >>):\n\n>> drivers/x.c:1:2: warning: y\n   drivers/x.c:3:4: note: z\n\n>> quoted';
    assert.deepEqual(outline(markText(report, remarkQuotes)), [
      'All warnings (new ones prefixed by >>):', '', '>> drivers/x.c:1:2: warning: y', '   drivers/x.c:3:4: note: z', '',
      { quote: 1, children: [{ quote: 2, children: ['quoted'] }] },
    ]);
    const quoted = report.split('\n').map((line) => `> ${line}`).join('\n');
    assert.deepEqual(outline(markText(quoted, remarkQuotes)), [
      { quote: 1, children: ['All warnings (new ones prefixed by >>):', '', '>> drivers/x.c:1:2: warning: y', '   drivers/x.c:3:4: note: z', '', { quote: 2, children: [{ quote: 3, children: ['quoted'] }] }] },
    ]);
  });

  it('keeps each line’s position, moved past its markers', () => {
    const [quote] = markText('> > ab', remarkQuotes).children;
    assert.equal(quote?.type, 'quote');
    const inner = quote.type === 'quote' ? quote.children[0] : undefined;
    assert.equal(inner?.type === 'quote' ? inner.children[0]?.position?.start.column : undefined, 5);
  });

  it('reads the seed’s three levels as sent', async () => {
    const { bodies } = await loadMail(corpusPath('seed-lkml-iu-edu.txt'));
    const [body] = [...bodies.values()];
    const tree = markText(body!.text, remarkQuotes);
    const depths = new Map<number, number>();
    const count = (nodes: typeof tree.children): void => {
      for (const node of nodes) {
        if (node.type !== 'quote') continue;
        depths.set(node.depth, (depths.get(node.depth) ?? 0) + 1);
        count(node.children);
      }
    };
    count(tree.children);
    // Depth 1 three times (the reply interleaves), depth 2 twice, depth 3 twice (text, then the hunk).
    assert.deepEqual(Object.fromEntries(depths), { 1: 3, 2: 2, 3: 2 });
  });
});
