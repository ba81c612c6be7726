import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMailText } from './parse.ts';
import { outline } from './test-support.ts';

describe('parseMailText', () => {
  it('makes one mailLine per line, keeping white space and markup characters as they are', () => {
    assert.deepEqual(outline(parseMailText('*not bold*\n  # not a heading\n\n_x_\n')), ['*not bold*', '  # not a heading', '', '_x_']);
  });

  it('gives each line its position', () => {
    const [, second] = parseMailText('ab\ncd').children;
    assert.deepEqual(second?.position, { start: { line: 2, column: 1, offset: 3 }, end: { line: 2, column: 3, offset: 5 } });
  });

  it('drops a carriage return before a line feed, and reads an empty body as no lines', () => {
    assert.deepEqual(outline(parseMailText('a\r\nb')), ['a', 'b']);
    assert.deepEqual(outline(parseMailText('')), []);
  });
});
