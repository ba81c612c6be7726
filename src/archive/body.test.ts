import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeIds, diffStart, hasDiff, isQuoted, normalizedDiff } from './body.ts';
import { diff } from './test-support.ts';

describe('diffStart', () => {
  it('finds git, unified and Index diffs', () => {
    assert.equal(diffStart(['text', 'diff --git a/x b/x']), 1);
    assert.equal(diffStart(['text', '--- a/x', '+++ b/x']), 1);
    assert.equal(diffStart(['Index: x', '=====', '--- x']), 0);
    assert.equal(diffStart(['diff -urN a b']), 0);
  });

  it('ignores quoted diffs, prose and a lone ---', () => {
    assert.equal(diffStart(['> diff --git a/x b/x', '> --- a/x', '> +++ b/x']), -1);
    assert.equal(diffStart(['diff between v1 and v2:', '- fixed a typo']), -1);
    assert.equal(diffStart(['---', ' x | 1 +']), -1);
  });
});

describe('hasDiff', () => {
  it('sees diffs in the text and in readable attachments', () => {
    assert.equal(hasDiff({ text: diff(), inline: [] }), true);
    assert.equal(hasDiff({ text: 'see attached', inline: [{ filename: 'a.patch', contentType: 'text/x-patch', text: diff() }] }), true);
    assert.equal(hasDiff({ text: '> ' + diff().split('\n').join('\n> '), inline: [] }), false);
  });
});

describe('normalizedDiff', () => {
  it('ignores index lines, hunk offsets and the git version signature', () => {
    const before = diff('a.c', 'x').replace('2.43.0', '2.39.1');
    const rebased = before.replace('index 0123456..789abcd', 'index fedcba9..1234567').replace('@@ -1,1 +1,2 @@ int f(void)', '@@ -40,1 +42,2 @@ int g(void)');
    assert.equal(normalizedDiff({ text: before, inline: [] }), normalizedDiff({ text: rebased, inline: [] }));
    assert.notEqual(normalizedDiff({ text: diff('a.c', 'x'), inline: [] }), normalizedDiff({ text: diff('a.c', 'y'), inline: [] }));
    assert.equal(normalizedDiff({ text: 'no diff here', inline: [] }), null);
  });
});

describe('isQuoted and changeIds', () => {
  it('reads quote markers at any indent', () => {
    assert.equal(isQuoted('> a'), true);
    assert.equal(isQuoted('  >> a'), true);
    assert.equal(isQuoted('a > b'), false);
  });

  it('reads b4 and Gerrit change ids, not quoted ones', () => {
    assert.deepEqual(changeIds('cover\n---\nchange-id: 20221025-test1-e8520c2200a3\n'), ['20221025-test1-e8520c2200a3']);
    assert.deepEqual(changeIds('fix\n\nChange-Id: I0123abcd\nSigned-off-by: A <a@b>\n> change-id: quoted'), ['I0123abcd']);
  });
});
