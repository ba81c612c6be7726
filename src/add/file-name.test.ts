import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailFileName, MAX_SLUG_LENGTH, subjectSlug } from './file-name.ts';

test('the subject part is the title without the patch prefix, replies and forwards marked', () => {
  assert.equal(subjectSlug('[PATCH v2 1/3] leds: lp50xx: Add support for foo'), 'leds-lp50xx-add-support-for-foo');
  assert.equal(subjectSlug('Re: [PATCH v2 1/3] leds: lp50xx: Add support for foo'), 're-leds-lp50xx-add-support-for-foo');
  assert.equal(subjectSlug('Fwd: [GIT PULL] LEDs for 6.5'), 'fwd-leds-for-6-5');
  assert.equal(subjectSlug('Ärger mit Überläufen — café'), 'arger-mit-uberlaufen-cafe');
});

test('nothing of the subject but [a-z0-9-] reaches the name', () => {
  assert.equal(subjectSlug('../../../etc/passwd'), 'etc-passwd');
  assert.equal(subjectSlug('C:\\Windows\\con.txt'), 'c-windows-con-txt');
  assert.equal(subjectSlug('x\u202eevil\u200b<script>'), 'x-evil-script');
  assert.equal(subjectSlug('日本語の件名'), 'no-subject');
  assert.equal(subjectSlug(''), 'no-subject');
  assert.equal(subjectSlug('Re: ...'), 're-no-subject');
});

test('long subjects are cut between words, a single long word where it stands', () => {
  const words = subjectSlug(`[PATCH] ${'word '.repeat(100)}`);
  assert.ok(words.length <= MAX_SLUG_LENGTH, words);
  assert.match(words, /^word(?:-word)+$/);
  assert.equal(subjectSlug('y'.repeat(5000)), 'y'.repeat(MAX_SLUG_LENGTH));
  assert.equal(subjectSlug(`${'-'.repeat(40_000)}a`), 'a');
});

test('filed by the UTC date: year and month folders, the day in the name; undated mail apart', () => {
  const patch = { subject: '[PATCH] leds: foo', date: '2025-03-14T23:30:00.000Z' };
  assert.deepEqual(mailFileName(patch, 'mboxrd'), { folders: ['2025', '03'], stem: '2025-03-14-leds-foo', extension: '.eml' });
  assert.deepEqual(mailFileName({ subject: 'con', date: null }, 'eml'), { folders: ['undated'], stem: 'undated-con', extension: '.eml' });
  assert.equal(mailFileName(patch, 'hypermail').extension, '.txt');
  assert.equal(mailFileName(patch, 'pipermail').extension, '.txt');
});
