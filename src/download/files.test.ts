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

  it('its gzip unpacks to it and depends on the bytes alone: no time, no name', () => {
    const mbox = mboxFile(keys);
    const gzip = gzipFile(mbox);
    assert.ok(gunzipSync(gzip).equals(mbox));
    assert.deepEqual([...gzip.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3], 'no flags, mtime 0, Unix');
    assert.ok(gzipFile(mboxFile(keys)).equals(gzip));
  });

  it('a series for git am is each patch with its trailers, in order, as mboxrd', () => {
    const key = keys[0]!;
    writeBody(key, { text: 'leds: fix\n\nSigned-off-by: A <a@x>\n---\ndiff --git a/x b/x\n', inline: [] }, '');
    const mbox = amMboxFile([{ key, from: { name: 'A', email: 'a@x' }, date: null, subject: '[PATCH] leds: fix', messageId: 'p@x', commitMessageEnd: 3, trailers: ['Link: https://archive.example/m/p@x/'] }]);
    const [message] = splitMbox(mbox).messages;
    assert.match(message!.toString('utf8'), /\n\nleds: fix\n\nSigned-off-by: A <a@x>\nLink: https:\/\/archive\.example\/m\/p@x\/\n---\n/);
  });
});
