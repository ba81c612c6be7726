import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitMessageEnd } from '../archive/body.ts';
import { parseMail } from '../parse/index.ts';
import type { MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';
import { amMessage, type AmPatch } from './am-message.ts';

/** A body, and where its commit message ends as the loader reads it. */
const bodyOf = (body: MailBody) => ({ body, commitMessageEnd: commitMessageEnd(body.text, markBody(body)) });

const patch: AmPatch = {
  from: { name: 'André Apitzsch', email: 'git@apitzsch.eu' },
  date: 'Mon, 24 Jun 2024 22:06:35 +0200',
  subject: '[PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash',
  messageId: '20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu',
  ...bodyOf({
    text: 'Add support for SY7802.\n\nAcked-by: Lee Jones <lee@kernel.org>\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\n---\n drivers/leds/flash/Kconfig | 1 +\n\ndiff --git a/x b/x\n',
    inline: [],
  }),
  trailers: ['Reviewed-by: Rev Iewer <rev@example.org>', 'Link: https://archive.example/m/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu/'],
  addressNote: null,
};

const text = (message: Buffer) => message.toString('utf8');

describe('amMessage', () => {
  it('writes the patch as b4 am does: its headers, and the trailers after its own, before the --- line', () => {
    assert.equal(
      text(amMessage(patch)),
      'From: =?UTF-8?B?QW5kcsOpIEFwaXR6c2No?= <git@apitzsch.eu>\nDate: Mon, 24 Jun 2024 22:06:35 +0200\n' +
        'Subject: [PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash\nMessage-ID: <20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu>\n' +
        'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n' +
        'Add support for SY7802.\n\nAcked-by: Lee Jones <lee@kernel.org>\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\n' +
        'Reviewed-by: Rev Iewer <rev@example.org>\nLink: https://archive.example/m/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu/\n' +
        '---\n drivers/leds/flash/Kconfig | 1 +\n\ndiff --git a/x b/x\n',
    );
  });

  it('starts a trailer block after a message ending in prose, and adds a patch sent as an attachment after the text', () => {
    const message = text(amMessage({ ...patch, ...bodyOf({ text: 'Fix the blink.', inline: [{ filename: 'x.patch', contentType: 'text/x-patch', text: 'diff --git a/x b/x\n' }] }) }));
    assert.ok(message.endsWith('\n\nFix the blink.\n\nReviewed-by: Rev Iewer <rev@example.org>\nLink: https://archive.example/m/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu/\ndiff --git a/x b/x\n'), message);
  });

  it('keeps every header value from mail on one line, quoted or encoded, and reads back as sent', async () => {
    const hostile: AmPatch = {
      ...patch,
      from: { name: 'Doe, "J" \\ Jane', email: 'jane@example.org' },
      subject: '[PATCH] x\nBcc: victim@example.org\r\nX-Evil: =?UTF-8?B?PHNjcmlwdD4=?=',
      messageId: 'id@x>\nX-Evil: 1',
      trailers: ['Reviewed-by: A\nX-Evil: 2 <a@x>'],
    };
    const message = amMessage(hostile);
    const headers = text(message).slice(0, text(message).indexOf('\n\n')).split('\n');
    assert.ok(headers.every((line) => /^(?:[A-Za-z-]+: | )/.test(line) && !/^(?:Bcc|X-Evil):/.test(line)), headers.join('\n'));
    assert.ok(!text(message).includes('\nX-Evil: 2'), 'a trailer from mail stays one line');
    const parsed = await parseMail({ file: 'x', position: 1, format: 'eml', bytes: message });
    assert.deepEqual(parsed.from, hostile.from);
    assert.equal(parsed.subject, '[PATCH] x Bcc: victim@example.org X-Evil: =?UTF-8?B?PHNjcmlwdD4=?=');
  });

  it('encodes a long subject in words short enough for any reader, never splitting a character', async () => {
    const subject = `[PATCH] ${'ünïcødé '.repeat(30).trim()}`;
    const message = amMessage({ ...patch, subject });
    const headers = text(message).slice(0, text(message).indexOf('\n\n'));
    assert.ok(headers.split('\n').every((line) => line.length <= 78), headers);
    assert.equal((await parseMail({ file: 'x', position: 1, format: 'eml', bytes: message })).subject, subject);
  });
});
