import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeOutcome, printable, summaryLines } from './report.ts';

test('what mail brings to a report line is printed safe: no escape sequences, no bidi tricks, no id a page long', () => {
  assert.equal(printable('a\x1b[31mred\u202eevil\u200b\x85'), 'a⟨U+001B⟩[31mred⟨U+202E⟩evil⟨U+200B⟩⟨U+0085⟩');
  const line = describeOutcome({ kind: 'refused', source: 'box/cur/1\x1b]0;x\x07', messageId: `${'x'.repeat(5000)}\u202e@y`, reason: 'bad Message-ID' });
  assert.match(line, /^refused: box\/cur\/1⟨U\+001B⟩\]0;x⟨U\+0007⟩ <x{200}…>: bad Message-ID$/);
});

test('paths inside the working directory are shown relative to it; the rebuild is suggested only when something was added', () => {
  const added = { kind: 'added' as const, source: 'patch.eml', messageId: 'a@b', path: join(process.cwd(), 'content', '2025', '03', 'x.eml') };
  assert.equal(describeOutcome(added), 'added: content/2025/03/x.eml  (patch.eml <a@b>)');
  assert.equal(describeOutcome({ kind: 'skipped', source: 'patch.eml', messageId: 'a@b', reason: 'already archived', path: '/elsewhere/x.eml' }), 'skipped: patch.eml <a@b>: already archived in /elsewhere/x.eml');
  const checked = { files: 1, mails: 23_200, seconds: 8.04 };
  assert.deepEqual(summaryLines({ outcomes: [added], checked }, undefined), [
    '1 added, 0 skipped, 0 refused (checked 23,200 mails in 1 content files in 8.0 s)',
    'Rebuild the site with `npm run build`: it is incremental, so only the new mail is parsed and only the pages that show it are written.',
  ]);
  assert.deepEqual(summaryLines({ outcomes: [], checked: null }, '/srv/mail'), ['0 added, 0 skipped, 0 refused']);
});
