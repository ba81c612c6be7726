import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';
import { changeIds, commitMessageEnd, hasDiff, MAX_NAMED_MESSAGES, namedMessages, normalizedDiff, ownProse } from './body.ts';
import { diff } from './test-support.ts';

const marked = (text: string, inline: MailBody['inline'] = []) => markBody({ text, inline });

describe('hasDiff', () => {
  it('finds git, unified and Index diffs, as the page marks them', () => {
    assert.equal(hasDiff(marked('text\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b')), true);
    assert.equal(hasDiff(marked('text\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b')), true);
    assert.equal(hasDiff(marked('Index: x\n===================================================================\n--- x\n+++ x\n@@ -1 +1 @@\n-a\n+b')), true);
    assert.equal(hasDiff(marked('diff -urN a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b')), true);
  });

  it('sees diffs in readable attachments, and ignores quoted diffs, prose and a lone ---', () => {
    assert.equal(hasDiff(marked('see attached', [{ filename: 'a.patch', contentType: 'text/x-patch', text: diff() }])), true);
    assert.equal(hasDiff(marked('> ' + diff().split('\n').join('\n> '))), false);
    assert.equal(hasDiff(marked('diff between v1 and v2:\n- fixed a typo')), false);
    assert.equal(hasDiff(marked('---\n x | 1 +')), false);
  });
});

describe('normalizedDiff', () => {
  it('ignores index lines, hunk offsets and the git version signature', () => {
    const before = diff('a.c', 'x').replace('2.43.0', '2.39.1');
    const rebased = before.replace('index 0123456..789abcd', 'index fedcba9..1234567').replace('@@ -1,1 +1,2 @@ int f(void)', '@@ -40,1 +42,2 @@ int g(void)');
    assert.equal(normalizedDiff(marked(before)), normalizedDiff(marked(rebased)));
    assert.notEqual(normalizedDiff(marked(diff('a.c', 'x'))), normalizedDiff(marked(diff('a.c', 'y'))));
    assert.equal(normalizedDiff(marked('no diff here')), null);
  });
});

describe('commitMessageEnd', () => {
  it('is the first --- line or the first diff, whichever comes first', () => {
    const end = (text: string) => commitMessageEnd(text, marked(text));
    assert.equal(end(`leds: fix\n\nSigned-off-by: A <a@x>\n${diff()}`), 3);
    assert.equal(end('leds: fix\n\nSigned-off-by: A <a@x>\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n'), 3);
    assert.equal(end('leds: fix\n> ---\n> diff --git a/x b/x\n'), 4, 'quoted ones are not its own');
  });
});

describe('changeIds', () => {
  it('reads b4 and Gerrit change ids, not quoted ones', () => {
    assert.deepEqual(changeIds('cover\n---\nchange-id: 20221025-test1-e8520c2200a3\n'), ['20221025-test1-e8520c2200a3']);
    assert.deepEqual(changeIds('fix\n\nChange-Id: I0123abcd\nSigned-off-by: A <a@b>\n> change-id: quoted'), ['I0123abcd']);
  });
});

describe('namedMessages', () => {
  it('reads the Message-IDs of lore links and <id> references, with the version a changelog labels them with', () => {
    // As b4 writes a changelog (linux-leds, 20251215-knp-pmic-leds-v3-0-5e583f68b0e5@oss.qualcomm.com).
    const text = [
      'Changes in v3:',
      '- Rebased patches to Linux 6.19-rc1.',
      '- Link to v2: https://lore.kernel.org/r/20250924-knp-pmic-peri-v2-0-32316039db2f@oss.qualcomm.com',
      '',
      'Changes in v2:',
      '- Link to v1: https://lore.kernel.org/all/20250924-knp-pmic-peri-v1-0-47413f8ddbf2@oss.qualcomm.com/',
      '',
      'This depends on https://lore.kernel.org/linux-leds/20250101120000.1234-1-other@example.org/ and',
      'on <20250102120000.5678-1-other@example.org>; v4 of it is at https://patch.msgid.link/20250103-x-v4-0-0123456789ab@example.org',
    ].join('\n');
    assert.deepEqual(namedMessages(marked(text)), [
      { id: '20250924-knp-pmic-peri-v2-0-32316039db2f@oss.qualcomm.com', version: 2 },
      { id: '20250924-knp-pmic-peri-v1-0-47413f8ddbf2@oss.qualcomm.com', version: 1 },
      { id: '20250101120000.1234-1-other@example.org' },
      { id: '20250102120000.5678-1-other@example.org' },
      { id: '20250103-x-v4-0-0123456789ab@example.org' },
    ]);
  });

  it('leaves out quotes, the signature and addresses, and stops at its bound', () => {
    const quoted = '> Link to v1: https://lore.kernel.org/r/20250101120000.1234-1-a@example.org\n\nThanks.\n-- \nv2: https://lore.kernel.org/r/20250101120000.1234-2-a@example.org\n';
    assert.deepEqual(namedMessages(marked(quoted)), []);
    assert.deepEqual(namedMessages(marked('Reviewed-by: Jane <jane@example.org>\nWrite to <jane@example.org>.\n')), []);
    const many = Array.from({ length: 50 }, (_, index) => `v${index}: https://lore.kernel.org/r/2025010112000${index}.1-1-a@example.org`).join('\n');
    assert.equal(namedMessages(marked(many)).length, MAX_NAMED_MESSAGES);
  });
});

describe('ownProse', () => {
  it('is the paragraphs above the commit message end, without quotes, trailers, notes or diff', () => {
    const text = `> quoted words\n\nThe commit message.\nIts second line.\n\nSigned-off-by: A <a@x>\n---\nv2: a note\n${diff()}\nCompany footer, legally binding.\n`;
    const tree = marked(text);
    assert.equal(ownProse(tree, commitMessageEnd(text, tree)), 'The commit message.\nIts second line.');
  });
});
