import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INVISIBLE_NAMES, splitInvisible, visibleText } from './invisible.ts';
import { renderBody, renderPlainBody } from './index.ts';

const ALL = Object.keys(INVISIBLE_NAMES).map((code) => String.fromCodePoint(Number(code)));

test('every bidi control and zero-width character the issue names is marked', () => {
  const required = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x200c, 0x200d, 0xfeff, 0x2060];
  for (const code of required) assert.ok(INVISIBLE_NAMES[code], code.toString(16));
  const pieces = splitInvisible(`a${ALL.join('b')}c`);
  assert.equal(pieces.filter((piece) => 'invisible' in piece).length, ALL.length);
  assert.equal(pieces.map((piece) => ('text' in piece ? piece.text : piece.invisible)).join(''), `a${ALL.join('b')}c`);
  assert.deepEqual(splitInvisible('plain'), [{ text: 'plain' }]);
  assert.deepEqual(splitInvisible(''), [{ text: '' }]);
  assert.equal(visibleText('user\u202e\u2066x\u200b'), 'user⟨U+202E⟩⟨U+2066⟩x⟨U+200B⟩');
  assert.equal(visibleText('ordinary — é 😀'), 'ordinary — é 😀');
});

test('bodies show them as marks: in paragraphs, quotes, diffs, attachments and the plain fallback', async () => {
  const text = `if (access != "user\u202e \u2066// admin\u2069 \u2066") {\n\n> quoted\u200b\n\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\u202e\u2066c\n`;
  const body = { text, inline: [{ filename: 'n\u202eote.txt', contentType: 'text/plain', text: 'z\ufeffw' }] };
  for (const html of [await renderBody(body), renderPlainBody(body).html]) {
    for (const char of ALL) assert.ok(!html.includes(char), `U+${char.codePointAt(0)!.toString(16)} raw`);
    assert.match(html, /<span class="invisible-char" title="U\+202E RIGHT-TO-LEFT OVERRIDE">⟨U\+202E⟩<\/span>/);
    assert.match(html, /<span class="invisible-char" title="U\+2066 LEFT-TO-RIGHT ISOLATE">⟨U\+2066⟩<\/span>/);
    assert.match(html, /<span class="invisible-char" title="U\+200B ZERO WIDTH SPACE">⟨U\+200B⟩<\/span>/);
    assert.match(html, /<span class="invisible-char" title="U\+FEFF ZERO WIDTH NO-BREAK SPACE">⟨U\+FEFF⟩<\/span>/);
  }
  assert.match(await renderBody(body), /<span class="line add"[^>]*>\+b<span class="invisible-char"/);
});
