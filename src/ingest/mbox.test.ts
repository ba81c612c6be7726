import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSeparatorLine, joinMboxrd, looksLikeMbox, splitMbox, unescapeFromLines } from './mbox.ts';

const text = (buffers: Buffer[]) => buffers.map((b) => b.toString('utf8'));

test('separator lines: lore mboxrd, git format-patch, pipermail; not a body line', () => {
  assert.ok(isSeparatorLine('From mboxrd@z Thu Jan  1 00:00:00 1970'));
  assert.ok(isSeparatorLine('From 8f2c0e4a1b Mon Sep 17 00:00:00 2001'));
  assert.ok(isSeparatorLine('From andy at example.com  Sat Nov 14 21:29:28 2015'));
  assert.ok(isSeparatorLine('From jdoe@example.com Tue Jan 17 09:20:08 EST 2023'));
  assert.ok(!isSeparatorLine('From the datasheet: the controller cannot blink faster than 10 Hz.'));
  assert.ok(!isSeparatorLine('From: Ada <ada@example.org>'));
});

test('mboxrd: splits at separators and removes one > from every >*From line', () => {
  const mbox = Buffer.from(
    'From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: one\n\n>From here\n>>From there\n\n' +
      'From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: two\n\nbody\n',
  );
  const split = splitMbox(mbox);
  assert.equal(split.variant, 'mboxrd');
  assert.deepEqual(text(split.messages), ['Subject: one\n\nFrom here\n>From there\n\n', 'Subject: two\n\nbody\n']);
});

test('classic mbox: only >From becomes From; an unescaped body From line does not split', () => {
  const mbox = Buffer.from(
    'From ada@example.org Mon Mar  3 10:00:00 2025\nSubject: one\n\n>From here\n>>From there\nFrom the datasheet\n\n' +
      'From ada@example.org Mon Mar  3 10:00:01 2025\nSubject: two\n\nbody\n',
  );
  const split = splitMbox(mbox);
  assert.equal(split.variant, 'mbox');
  assert.equal(split.messages.length, 2);
  assert.equal(split.messages[0]!.toString(), 'Subject: one\n\nFrom here\n>>From there\nFrom the datasheet\n\n');
});

test('undated separators (From -) split only where a header follows a blank line', () => {
  const mbox = Buffer.from('From -\nSubject: one\n\nFrom me to you\nbody\n\nFrom -\nSubject: two\n\nbody\n');
  assert.ok(looksLikeMbox(mbox));
  assert.deepEqual(text(splitMbox(mbox).messages), ['Subject: one\n\nFrom me to you\nbody\n\n', 'Subject: two\n\nbody\n']);
});

test('CRLF mbox files split too', () => {
  const mbox = Buffer.from('From a@b Mon Mar  3 10:00:00 2025\r\nSubject: one\r\n\r\nx\r\nFrom a@b Mon Mar  3 10:00:00 2025\r\nSubject: two\r\n\r\ny\r\n');
  assert.equal(splitMbox(mbox).messages.length, 2);
});

test('unescaping keeps bytes that are not UTF-8', () => {
  const latin1 = Buffer.from([0x3e, 0x46, 0x72, 0x6f, 0x6d, 0x20, 0xe9, 0x0a]); // ">From é" in Latin-1
  assert.deepEqual([...unescapeFromLines(latin1, 'mbox')], [0x46, 0x72, 0x6f, 0x6d, 0x20, 0xe9, 0x0a]);
});

test('a file that does not start with From is not an mbox', () => {
  assert.ok(!looksLikeMbox(Buffer.from('From: someone@example.org\nSubject: x\n\nbody\n')));
  assert.ok(!looksLikeMbox(Buffer.from('Subject: x\n\nFrom mboxrd@z Thu Jan  1 00:00:00 1970\n')));
});

test('joinMboxrd: written as public-inbox does, read back by splitMbox as it was, each message ended by a blank line', () => {
  const messages = [
    'Subject: one\n\nFrom here\n>From there\n>>From far\nFrom: not quoted?\n\n',
    'From the first line\nSubject: no newline at the end',
    'Subject: crlf\r\n\r\nFrom x\r\n',
    '',
  ].map((message) => Buffer.from(message, 'latin1'));
  const mbox = joinMboxrd(messages);
  assert.equal(
    mbox.toString('latin1'),
    'From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: one\n\n>From here\n>>From there\n>>>From far\nFrom: not quoted?\n\n' +
      'From mboxrd@z Thu Jan  1 00:00:00 1970\n>From the first line\nSubject: no newline at the end\n\n' +
      'From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: crlf\r\n\r\n>From x\r\n\n' +
      'From mboxrd@z Thu Jan  1 00:00:00 1970\n\n',
  );
  const split = splitMbox(mbox);
  assert.equal(split.variant, 'mboxrd');
  assert.deepEqual(
    split.messages.map((message) => message.toString('latin1')),
    [messages[0]!.toString('latin1'), `${messages[1]!.toString('latin1')}\n\n`, `${messages[2]!.toString('latin1')}\n`, '\n'],
  );
});
