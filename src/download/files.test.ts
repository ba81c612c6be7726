import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { splitMbox } from '../ingest/mbox.ts';
import { writeBody } from '../loader/cache.ts';
import { writeRawMail } from '../loader/raw-store.ts';
import { keyOfBytes } from '../loader/record.ts';
import { amMboxFile, gzipFile, mboxFile } from './files.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-download-'));
process.env.SHEAF_CACHE = join(scratch, 'a', 'b', 'cache');
after(() => rmSync(scratch, { recursive: true, force: true }));

function kept(text: string): string {
  const bytes = Buffer.from(text, 'latin1');
  const key = keyOfBytes(bytes);
  writeRawMail(key, bytes);
  return key;
}

describe('the download files', () => {
  const first = 'Subject: one\n\nFrom the datasheet, caf\xe9.\n\n';
  const second = 'Subject: two\r\n\r\n>From quoted\r\n';
  const keys = [kept(first), kept(second)];

  it('an mbox of mails as archived reads back into the same mails, in order', () => {
    const split = splitMbox(mboxFile(keys));
    assert.equal(split.variant, 'mboxrd');
    assert.deepEqual(split.messages.map((message) => message.toString('latin1')), [first, `${second}\n`]);
  });

  it('its gzip unpacks to it and depends on the bytes alone: no time, no name', async () => {
    const mbox = mboxFile(keys);
    const gzip = await gzipFile(mbox);
    assert.ok(gunzipSync(gzip).equals(mbox));
    assert.deepEqual([...gzip.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], 'no flags, mtime 0, Unix');
    assert.ok((await gzipFile(mboxFile(keys))).equals(gzip));
  });

  it('a series for git am is each patch with its trailers, in order, as mboxrd', () => {
    const key = keys[0]!;
    writeBody(key, { text: 'leds: fix\n\nSigned-off-by: A <a@x>\n---\ndiff --git a/x b/x\n', inline: [] }, '');
    const patch = { key, from: { name: 'A', email: 'a@x' }, date: null, subject: '[PATCH] leds: fix', messageId: 'p@x', commitMessageEnd: 3, trailers: ['Link: https://archive.example/m/p@x/'], addressNote: null, masking: null };
    const [message] = splitMbox(amMboxFile([patch])).messages;
    assert.match(message!.toString('utf8'), /\n\nleds: fix\n\nSigned-off-by: A <a@x>\nLink: https:\/\/archive\.example\/m\/p@x\/\n---\n/);
  });

  it('a series for git am from an archive that masks addresses masks them in the bodies too, and says so', () => {
    const key = keys[0]!;
    writeBody(key, { text: 'leds: fix\n\nSigned-off-by: Ada <ada@example.org>\nLink: https://lore.kernel.org/r/20240101.GA1@example.org\n---\ndiff --git a/x b/x\n', inline: [] }, '');
    const patch = {
      key, from: { name: 'Ada', email: 'ada@xxxxxxxxxx' }, date: null, subject: '[PATCH] leds: fix', messageId: 'p@x', commitMessageEnd: 4, trailers: ['Reviewed-by: Lee <lee@xxxxxxxxxx>'], masking: { mode: 'masked' as const, keep: ['20240101.GA1@example.org'] },
      addressNote: 'addresses masked by the archive: user@xxxxxxxxxx',
    };
    const message = splitMbox(amMboxFile([patch])).messages[0]!.toString('utf8');
    assert.match(message, /^From: Ada <ada@xxxxxxxxxx>\n/m);
    assert.match(message, /^X-Sheaf-Addresses: addresses masked by the archive: user@xxxxxxxxxx\n/m);
    assert.match(message, /\nSigned-off-by: Ada <ada@xxxxxxxxxx>\nLink: https:\/\/lore\.kernel\.org\/r\/20240101\.GA1@example\.org\nReviewed-by: Lee <lee@xxxxxxxxxx>\n---\n/, 'the Message-ID the body names stays; the trailers go after the commit message');
    assert.doesNotMatch(message, /ada@example\.org/);
  });
});
