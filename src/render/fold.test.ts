import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import { remarkAttribution } from './attribution.ts';
import { remarkFoldQuotes } from './fold.ts';
import { remarkQuotes } from './quotes.ts';
import { remarkSignature } from './signature.ts';
import { markText } from './test-support.ts';

const quoted = (lines: number) => Array.from({ length: lines }, (_, index) => `> > line ${index}`).join('\n');
const folds = (tree: Root) =>
  tree.children.flatMap((node) => (node.type === 'quote' ? [node.foldedLines ?? 0] : []));

describe('remarkFoldQuotes', () => {
  const mark = (text: string) => markText(text, remarkQuotes, remarkAttribution, remarkSignature, [remarkFoldQuotes, { longLines: 60, trailingLines: 15 }]);

  it('folds a long quote anywhere, counting its lines but not its attribution', () => {
    assert.deepEqual(folds(mark(`On Mon, A wrote:\n${quoted(60)}\nreply`)), [60]);
    assert.deepEqual(folds(mark(`${quoted(59)}\nreply`)), [0]);
  });

  it('folds a shorter quote that only trails the reply (a signature may follow)', () => {
    assert.deepEqual(folds(mark(`Applied, thanks!\n\n${quoted(15)}\n\n-- \nsig`)), [15]);
    assert.deepEqual(folds(mark(`Applied, thanks!\n\n${quoted(14)}\n`)), [0]);
  });

  it('folds only the outermost quote of a nest', () => {
    const [quote] = mark(`${quoted(80)}\nreply`).children;
    assert.equal(quote?.type === 'quote' && quote.children[0]?.type === 'quote' && quote.children[0].foldedLines, undefined);
  });
});
