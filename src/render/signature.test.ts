import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remarkQuotes } from './quotes.ts';
import { MAX_SIGNATURE_LINES, remarkSignature } from './signature.ts';
import { markText, outline } from './test-support.ts';

const mark = (text: string) => markText(text, remarkQuotes, remarkSignature);

describe('remarkSignature', () => {
  it('takes the `-- ` line and the rest of the text it sits in, trailing blank lines left out', () => {
    assert.deepEqual(outline(mark('Thanks\n-- \nJason\n\n')), ['Thanks', { signature: '-- \nJason' }, '']);
  });

  it('takes a quoted signature inside its quote only', () => {
    assert.deepEqual(outline(mark('> x\n> -- \n> sig\nreply')), [{ quote: 1, children: ['x', { signature: '-- \nsig' }] }, 'reply']);
  });

  it('takes a bare `--` only near the end, and no signature longer than a footer', () => {
    assert.deepEqual(outline(mark('a\n--\nb')), ['a', { signature: '--\nb' }]);
    assert.equal((outline(mark(`--\n${'line\n'.repeat(20)}`)) as unknown[])[0], '--');
    assert.equal((outline(mark(`-- \n${'line\n'.repeat(MAX_SIGNATURE_LINES + 1)}`)) as unknown[])[0], '-- ');
  });
});
