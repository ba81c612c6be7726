import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMailBody } from './parse.ts';
import { outline } from './test-support.ts';

describe('parseMailBody', () => {
  it('makes one mailLine per line, keeping white space and markup characters as they are', () => {
    assert.deepEqual(outline(parseMailBody('*not bold*\n  # not a heading\n\n_x_\n')), ['*not bold*', '  # not a heading', '', '_x_']);
  });

  it('gives each line its position', () => {
    const [, second] = parseMailBody('ab\ncd').children;
    assert.deepEqual(second?.position, { start: { line: 2, column: 1, offset: 3 }, end: { line: 2, column: 3, offset: 5 } });
  });

  it('drops a carriage return before a line feed, and reads an empty body as no lines', () => {
    assert.deepEqual(outline(parseMailBody('a\r\nb')), ['a', 'b']);
    assert.deepEqual(outline(parseMailBody('')), []);
  });

  it('puts each inline attachment after the text, as a section of its own lines numbered from 1', () => {
    const tree = parseMailBody('see below\n', [{ filename: 'x.patch', contentType: 'text/x-patch', text: 'a\nb\n' }]);
    assert.deepEqual(outline(tree), ['see below', { attachment: 'x.patch', children: ['a', 'b'] }]);
    const [, attachment] = tree.children;
    assert.equal(attachment?.type === 'attachment' ? attachment.children[1]?.position?.start.line : undefined, 2);
  });
});
