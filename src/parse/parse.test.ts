import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RawMail } from '../ingest/types.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { parseMail } from './index.ts';
import { peekMessageId } from './message-id.ts';

const raw = (text: string | Buffer, format: RawMail['format'] = 'eml'): RawMail => ({
  file: 'test.eml',
  position: 1,
  format,
  bytes: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

test('the seed Hypermail page: subject, author, date as sent and in UTC, body from the first line', async () => {
  const seed = await parseMail(raw(readFileSync(corpusPath('seed-lkml-iu-edu.txt')), 'hypermail'));
  assert.equal(seed.subject, 'Re: [PATCH 3/4] iommu: Introduce IOMMU call-back for processing struct KVM assigned to VFIO');
  assert.deepEqual(seed.from, { name: 'Jason Gunthorpe', email: '' });
  assert.equal(seed.dateSent, 'Tue Jan 17 2023 - 09:20:08 EST');
  assert.equal(seed.date, '2023-01-17T14:20:08.000Z');
  assert.equal(seed.idSource, 'content');
  assert.match(seed.body.text, /^On Tue, Jan 17, 2023 at 12:31:07PM \+0700, Suthikulpanit, Suravee wrote:\n> Hi Jason,\n/);
  assert.match(seed.body.text, /^> > > @@ -1652,6 \+1652,7 @@ void vfio_file_set_kvm/m);
});

test('the content-derived id is the same on every parse and for every copy', async () => {
  const bytes = readFileSync(corpusPath('seed-lkml-iu-edu.txt'));
  const first = await parseMail(raw(bytes, 'hypermail'));
  const copy = await parseMail({ ...raw(bytes, 'hypermail'), file: 'elsewhere/seed.txt', position: 7 });
  assert.equal(first.messageId, copy.messageId);
  assert.match(first.messageId, /^[0-9a-f]{32}@content\.sheaf\.invalid$/);
  const edited = await parseMail(raw(Buffer.concat([bytes, Buffer.from('\none more line\n')]), 'hypermail'));
  assert.notEqual(edited.messageId, first.messageId);
});

test('a pipermail page saved as text: obfuscated address, ctime date, navigation removed', async () => {
  const page = [
    '[Demo] Subject here', 'Andy Example andy at example.com', 'Sat Nov 14 21:29:28 CET 2015', '',
    '    Previous message: [Demo] x', '    Messages sorted by: [ date ] [ thread ]', '', 'Hi,', 'body', '',
    '    Next message: [Demo] y', '', 'More information about the Demo mailing list', 'http://example.com/',
  ].join('\n');
  const mail = await parseMail(raw(page, 'pipermail'));
  assert.equal(mail.subject, '[Demo] Subject here');
  assert.deepEqual(mail.from, { name: 'Andy Example', email: 'andy@example.com' });
  assert.equal(mail.date, '2015-11-14T20:29:28.000Z');
  assert.equal(mail.body.text, 'Hi,\nbody\n');
});

test('pipermail mbox exports: "user at domain (Name)" becomes a real address', async () => {
  const { records } = await loadMail(corpusPath('perceval/pipermail/pipermail_2015_november.mbox'));
  assert.deepEqual(records[0]!.from, { name: 'Andy Grunwald', email: 'andy@example.com' });
  assert.deepEqual(records[1]!.from, { name: 'Jesus M. Gonzalez-Barahona', email: 'jgb@gsyc.es' });
});

test('RFC 2047 headers, quoted-printable UTF-8 and format=flowed', async () => {
  const mail = await parseMail(
    raw(
      'From: =?UTF-8?Q?Gr=C3=A2ce?= <g@example.net>\nSubject: =?ISO-8859-1?Q?caf=E9?= =?UTF-8?B?w6l0w6k=?=\n' +
        'Message-ID: <x@example.net>\nContent-Type: text/plain; charset=UTF-8; format=flowed\n' +
        'Content-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9 is =\nhere and this \nline flows\n',
    ),
  );
  assert.equal(mail.from.name, 'Grâce');
  assert.equal(mail.subject, 'caféété');
  assert.equal(mail.body.text.trim(), 'café is here and this line flows');
});

test('legacy charsets: ISO-2022-JP and windows-1252 bodies are decoded', async () => {
  const jp = await loadMail(corpusPath('public-inbox-t/iso-2202-jp.eml'));
  assert.match(jp.bodies.get(jp.records[0]!.key)!.text, /今はフリー/);
  const latin = await loadMail(corpusPath('lore-linux-leds/threads-sample/edge-iso-8859-1.mbox'));
  const texts = latin.records.map((r) => latin.bodies.get(r.key)!.text).join('\n');
  assert.doesNotMatch(texts, /\uFFFD/);
});

test('patches sent as attachments join the body; other attachments are listed with name, type and size', async () => {
  const mail = await parseMail(
    raw(
      'From: a@example.org\nSubject: x\nMessage-ID: <p@example.org>\nContent-Type: multipart/mixed; boundary=b\n\n' +
        '--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: text/x-patch; name=fix.patch\n' +
        'Content-Disposition: attachment; filename=fix.patch\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n' +
        '--b\nContent-Type: application/gzip; name=config.gz\nContent-Disposition: attachment; filename=config.gz\n' +
        'Content-Transfer-Encoding: base64\n\nH4sIAAAAAAAAA0tMSgYAhw9C5AIAAAA=\n--b--\n',
    ),
  );
  assert.equal(mail.body.text.trim(), 'see attached');
  assert.deepEqual(mail.body.inline.map((part) => part.filename), ['fix.patch']);
  assert.match(mail.body.inline[0]!.text, /^diff --git a\/x b\/x\n/);
  assert.deepEqual(mail.attachments, [{ filename: 'config.gz', contentType: 'application/gzip', size: 23 }]);
});

test('a text/html-only mail becomes text; its markup never survives', async () => {
  const mail = await parseMail(
    raw('From: a@example.org\nSubject: html\nMessage-ID: <h@x>\nContent-Type: text/html\n\n<p>Hello <b>there</b><script>alert(1)</script></p>\n'),
  );
  assert.match(mail.body.text, /Hello there/);
  assert.doesNotMatch(mail.body.text, /<b>|<p>/);
});

test('the lore edge cases: QP and base64 patches, HTML part, gzip attachment, no subject', async () => {
  const dir = 'lore-linux-leds/threads-sample/';
  const qp = await loadMail(corpusPath(`${dir}edge-qp-and-base64-patch.mbox`));
  for (const record of qp.records.filter((r) => /^\[PATCH/.test(r.subject))) {
    assert.match(qp.bodies.get(record.key)!.text, /^diff --git /m, record.messageId);
  }
  const gz = await loadMail(corpusPath(`${dir}edge-attachment-gzip.mbox`));
  assert.ok(gz.records.some((r) => r.attachments.some((a) => a.contentType === 'application/gzip')));
  const none = await loadMail(corpusPath(`${dir}edge-no-subject.mbox`));
  assert.equal(none.records[0]!.subject, '');
});

test('Message-ID, In-Reply-To and References lose their brackets; dates become UTC', async () => {
  const mail = await parseMail(
    raw('From: a@b.c\nMessage-ID:  <one@x>  \nIn-Reply-To: <two@x> (comment)\nReferences: <zero@x>\n <two@x>\nDate: Tue, 17 Jan 2023 09:20:08 -0500 (EST)\n\nx\n'),
  );
  assert.equal(mail.messageId, 'one@x');
  assert.equal(mail.inReplyTo, 'two@x');
  assert.deepEqual(mail.references, ['zero@x', 'two@x']);
  assert.equal(mail.date, '2023-01-17T14:20:08.000Z');
  assert.equal(mail.dateSent, 'Tue, 17 Jan 2023 09:20:08 -0500 (EST)');
});

test('mail with nothing in it is refused with a reason', async () => {
  await assert.rejects(parseMail(raw('X-Empty: yes\n\n')), /nothing to show/);
});

test('a failing mail can still be named by its Message-ID, read from the raw header block only', () => {
  assert.equal(peekMessageId(Buffer.from('Subject: x\nMessage-Id:\n <folded@x>\n\nMessage-ID: <body@x>\n')), 'folded@x');
  assert.equal(peekMessageId(Buffer.from('Subject: x\n\nMessage-ID: <body@x>\n')), null);
});
