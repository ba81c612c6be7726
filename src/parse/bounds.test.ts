import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawMail } from '../ingest/types.ts';
import { MAX_ATTACHMENTS, MAX_FIELD_LENGTH, MAX_MESSAGE_LINES, MAX_RECIPIENTS, MAX_REFERENCES } from './bounds.ts';
import { parseHypermailDate, parseMailDate } from './date.ts';
import { parseMail } from './index.ts';
import { contentMessageId } from './message-id.ts';
import { replaceBracketed, trimLineEnds } from './text.ts';

const raw = (text: string): RawMail => ({ file: 'test.eml', position: 1, format: 'eml', bytes: Buffer.from(text) });

test('References past the bound keep the first id and the nearest ancestors, and say so', async () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `<r${i}@x>`);
  const mail = await parseMail(raw(`Message-ID: <m@x>\nReferences: ${ids.join('\n ')}\n\nbody\n`));
  assert.equal(mail.references.length, MAX_REFERENCES);
  assert.equal(mail.references[0], 'r0@x');
  assert.equal(mail.references[1], `r${10_000 - MAX_REFERENCES + 1}@x`);
  assert.equal(mail.references.at(-1), 'r9999@x');
  assert.deepEqual(mail.clamped, ['References: kept the first and the last 999 of 10000 ids']);
});

test('subjects, names and recipient lists are cut to their bounds', async () => {
  const cc = Array.from({ length: 2 * MAX_RECIPIENTS }, (_, i) => `p${i}@x`).join(', ');
  const mail = await parseMail(raw(`Message-ID: <m@x>\nSubject: ${'s'.repeat(5000)}\nFrom: ${'n'.repeat(5000)} <a@x>\nCc: ${cc}\n\nbody\n`));
  assert.equal(mail.subject.length, MAX_FIELD_LENGTH);
  assert.equal(mail.from.name.length, MAX_FIELD_LENGTH);
  assert.equal(mail.cc.length, MAX_RECIPIENTS);
  assert.deepEqual(mail.clamped, ['Subject cut to 1000 of 5000 characters', 'From name cut to 1000 of 5000 characters', 'Cc: kept 500 of 1000']);
  const plain = await parseMail(raw('Message-ID: <p@x>\nSubject: fine\n\nbody\n'));
  assert.equal(plain.clamped, undefined);
});

test('attachments past the bound are not listed', async () => {
  const parts = Array.from({ length: MAX_ATTACHMENTS + 5 }, (_, i) => `--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="a${i}.bin"\n\nxx\n`);
  const mail = await parseMail(raw(`Message-ID: <m@x>\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nbody\n${parts.join('')}--b--\n`));
  assert.equal(mail.attachments.length, MAX_ATTACHMENTS);
  assert.deepEqual(mail.clamped, [`attachments listed: kept ${MAX_ATTACHMENTS} of ${MAX_ATTACHMENTS + 5}`]);
});

test('a message is read up to its line bound', async () => {
  const mail = await parseMail(raw(`Message-ID: <m@x>\n\n${'line\n'.repeat(2 * MAX_MESSAGE_LINES)}`));
  assert.equal(mail.body.text.split('\n').length - 1, MAX_MESSAGE_LINES - 2);
  assert.match(mail.clamped![0]!, /^message cut after 50000 lines, of 0\.5 MiB$/);
});

test('HTML nested too deep for a tree is shown as its text, not refused', async () => {
  const mail = await parseMail(raw(`Message-ID: <m@x>\nContent-Type: text/html\n\n${'<div>'.repeat(100_000)}deep <b>text</b>\n`));
  assert.equal(mail.body.text, 'deep text\n');
  assert.deepEqual(mail.clamped, ['HTML body nested too deep to lay out: shown as its text without tags']);
});

test('dates outside 1900–9999 are unknown, from mail headers and from archive pages', () => {
  assert.equal(parseMailDate('Mon, 1 Jan 1899 00:00:00 +0000'), null);
  assert.equal(parseMailDate('Mon, 1 Jan 10000 00:00:00 +0000'), null);
  assert.equal(parseMailDate('Mon, 1 Jan 1950 00:00:00 +0000'), '1950-01-01T00:00:00.000Z');
  assert.equal(parseHypermailDate('Tue Jan 17 0001 - 09:20:08 EST'), null);
  assert.equal(parseMailDate(`${'('.repeat(1_000_000)}Mon, 1 Jan 2024 00:00:00 +0000`), null);
});

test('trimLineEnds and replaceBracketed match the expressions they replace, in linear time', () => {
  for (const text of ['a \t\nb  \r\n  c\u2028 d  ', '', '   ', 'x \u00a0 \ny', 'a\t\t']) {
    assert.equal(trimLineEnds(text), text.replace(/[ \t]+$/gm, ''), JSON.stringify(text));
  }
  for (const text of ['a (b) [c] (d', '((x)', '[(])', 'no brackets']) {
    assert.equal(replaceBracketed(text, ['()', '[]'], ' '), text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '), text);
  }
  const start = performance.now();
  trimLineEnds(`${' '.repeat(4_000_000)}x`);
  replaceBracketed('('.repeat(4_000_000), ['()', '[]'], ' ');
  assert.ok(performance.now() - start < 1000);
});

test('the content id of a mail with a run of blanks is computed in linear time and as before', () => {
  const fields = { subject: 's', fromName: 'n', fromEmail: 'e', date: null };
  const start = performance.now();
  contentMessageId({ ...fields, body: `${' '.repeat(2_000_000)}x\n` });
  assert.ok(performance.now() - start < 1000);
  // The digest was first made with the regular expressions; ids must not move.
  assert.equal(contentMessageId({ ...fields, body: 'a  \nb\t\n\n' }), contentMessageId({ ...fields, body: 'a\nb' }));
});
