import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remarkParagraphs } from './paragraphs.ts';
import { remarkQuotes } from './quotes.ts';
import { markText, outline } from './test-support.ts';

describe('remarkParagraphs', () => {
  it('groups lines between blank lines, keeping their indentation', () => {
    assert.deepEqual(outline(markText('a\n  b\n\n\n\tc\n', remarkParagraphs)), [{ p: 'a\n  b' }, { p: '\tc' }]);
  });

  it('works inside quotes', () => {
    assert.deepEqual(outline(markText('> a\n>\n> b', remarkQuotes, remarkParagraphs)), [{ quote: 1, children: [{ p: 'a' }, { p: 'b' }] }]);
  });
});
