import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHighlighter, LineTokenizer, loadLanguage, MAX_TOKENIZED_LINE } from './highlighter.ts';

describe('the highlighter', () => {
  it('is made once and shared', () => {
    assert.equal(getHighlighter(), getHighlighter());
  });

  it('loads languages shiki has, and refuses others', async () => {
    assert.equal(await loadLanguage('c'), true);
    assert.equal(await loadLanguage('kconfig'), false);
    assert.equal(await LineTokenizer.create('no-such-language'), undefined);
  });
});

describe('LineTokenizer', () => {
  it('gives tokens with classes that put the line back together', async () => {
    const tokenizer = (await LineTokenizer.create('c'))!;
    tokenizer.reset();
    const tokens = tokenizer.line('static int foo = 1; /* one */');
    assert.equal(tokens.map((token) => token.text).join(''), 'static int foo = 1; /* one */');
    assert.deepEqual(tokens.filter((token) => token.className).map((token) => [token.text.trim(), token.className]), [
      ['static int', 'hl-keyword'], ['=', 'hl-keyword'], ['1', 'hl-constant'], ['/* one */', 'hl-comment'],
    ]);
  });

  it('carries state from line to line, and starts afresh on reset', async () => {
    const tokenizer = (await LineTokenizer.create('c'))!;
    tokenizer.reset();
    tokenizer.line('/* a comment');
    assert.deepEqual(tokenizer.line('int still_comment;'), [{ text: 'int still_comment;', className: 'hl-comment' }]);
    tokenizer.reset();
    assert.equal(tokenizer.line('int x;')[0]!.className, 'hl-keyword');
    tokenizer.reset('/*');
    assert.equal(tokenizer.line(' * inside').at(-1)!.className, 'hl-comment');
  });

  it('remembers lines: the same line in the same state gives the same tokens', async () => {
    const tokenizer = (await LineTokenizer.create('c'))!;
    tokenizer.reset();
    const first = tokenizer.line('return ret;');
    tokenizer.reset();
    assert.equal(tokenizer.line('return ret;'), first);
  });

  it('leaves very long lines untokenized', async () => {
    const tokenizer = (await LineTokenizer.create('c'))!;
    const long = 'x'.repeat(MAX_TOKENIZED_LINE + 1);
    assert.deepEqual(tokenizer.line(long), [{ text: long }]);
  });
});
