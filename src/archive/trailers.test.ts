import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samePerson } from './person.ts';
import { markBody } from '../render/index.ts';
import { commitMessageEnd } from './body.ts';
import { commitTrailers, replyTrailers as trailersOf, trailerInsertion } from './trailers.ts';

const reviewer = { name: 'Rob Herring', email: 'robh@kernel.org' };
const marked = (text: string) => markBody({ text, inline: [] });
const replyTrailers = (text: string, sender: Parameters<typeof trailersOf>[1]) => trailersOf(marked(text), sender);

describe('samePerson', () => {
  it('matches by address or by name words', () => {
    assert.ok(samePerson({ name: 'Rob Herring (Arm)', email: 'robh@kernel.org' }, reviewer));
    assert.ok(samePerson({ name: 'Marek Behún', email: 'kabel@kernel.org' }, { name: 'Marek Behun', email: 'marek.behun@nic.cz' }));
    assert.ok(samePerson({ name: 'Suthikulpanit, Suravee', email: '' }, { name: 'Suravee Suthikulpanit', email: 'suravee@amd.com' }));
    assert.ok(samePerson({ name: 'Russell King', email: 'rmk+kernel@armlinux.org.uk' }, { name: 'Russell King - ARM Linux admin', email: 'linux@armlinux.org.uk' }));
    assert.ok(!samePerson({ name: 'Mismatched Reviewer1', email: 'm@example.net' }, { name: 'Mismatched Reviewer', email: 'm@example.com' }));
    assert.ok(!samePerson({ name: '', email: '' }, { name: '', email: '' }));
  });
});

describe('replyTrailers', () => {
  it('counts the sender’s own unquoted trailers', () => {
    const text = '> Signed-off-by: Author <a@example.org>\n\nReviewed-by: Rob Herring <robh@kernel.org>\nTested-by: Rob Herring <robh@kernel.org>\n';
    assert.deepEqual(replyTrailers(text, reviewer).map((trailer) => trailer.kind), ['reviewed', 'tested']);
  });

  it('never counts trailers in quotes, indented, or below the signature', () => {
    const text = '> Reviewed-by: Other <o@example.org>\n>> Acked-by: Rob Herring <robh@kernel.org>\n    Acked-by: Rob Herring <robh@kernel.org>\n\n-- \nAcked-by: Rob Herring <robh@kernel.org>\n';
    assert.deepEqual(replyTrailers(text, reviewer), []);
  });

  it('drops trailers naming someone else (relayed claims)', () => {
    assert.deepEqual(replyTrailers('Tested-by: Someone Else <someone-else@example.com>\n', { name: 'Mismatched Reviewer', email: 'm@example.net' }), []);
  });

  it('reads NAK lines as a NAK from the sender', () => {
    for (const line of ['NAK.', 'NAK', 'Nack to this patch.', 'NACK, read the code', 'Also NAK', 'nak']) {
      assert.deepEqual(replyTrailers(`> quoted\n\n${line}\n`, reviewer), [{ kind: 'nacked', person: reviewer }], line);
    }
    for (const line of ['> Also NAK', '> > NAK', 'Naked eye can see it.', 'NAKs are rare', 'I would NAK this']) {
      assert.deepEqual(replyTrailers(`${line}\n`, reviewer), [], line);
    }
  });

  it('takes a sender known by no name and no address at its word', () => {
    assert.equal(replyTrailers('Acked-by: Lee Jones <lee@kernel.org>\n', { name: '', email: '' }).length, 1);
  });

  it('names each person once per kind', () => {
    assert.equal(replyTrailers('Reviewed-by: Rob Herring <robh@kernel.org>\nReviewed-by: Rob Herring (Arm) <robh@kernel.org>\n', reviewer).length, 1);
  });
});

describe('commitTrailers', () => {
  it('reads the commit message above the --- line, as written', () => {
    const text = 'leds: fix\n\nReviewed-by: Original Reviewer <o@example.com>\nAcked-by: Other <x@example.com>\nSigned-off-by: Author <a@example.com>\n---\nv2: Reviewed-by: Late <l@example.com>\n\ndiff --git a/x b/x\n';
    assert.deepEqual(commitTrailers(marked(text), commitMessageEnd(text, marked(text))).map((trailer) => trailer.person.email), ['o@example.com', 'x@example.com']);
  });
});

describe('trailerInsertion', () => {
  const at = (text: string) => trailerInsertion(text.split('\n'), commitMessageEnd(text, marked(text)));

  it('goes after the trailer block that closes the commit message, before the --- line', () => {
    assert.deepEqual(at('leds: fix\n\nFixes: 123 ("x")\nSigned-off-by: A <a@x>\n---\n x.c | 1 +\n'), { line: 4, newBlock: false });
    assert.deepEqual(at('leds: fix\n\nSigned-off-by: A <a@x>\n\n---\nv2: Reviewed-by: Late <l@x>\n'), { line: 3, newBlock: false }, 'blank lines before the separator stay after');
  });

  it('starts a block of its own after a message that ends in prose, and stops at a diff without ---', () => {
    assert.deepEqual(at('leds: fix\n\nThis fixes it.\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n'), { line: 3, newBlock: true });
    assert.deepEqual(at('---\n'), { line: 0, newBlock: false }, 'an empty commit message');
  });
});
