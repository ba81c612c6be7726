/** The raw mail store keeps a mail's bytes exactly, and a missing, cut or damaged file is told from a good one. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CacheError, cacheRoot } from './cache.ts';
import { hasRawMail, readRawMail, writeRawMail } from './raw-store.ts';
import { keyOfBytes } from './record.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-raw-store-'));
process.env.SHEAF_CACHE = join(scratch, 'a', 'b', 'cache');
after(() => rmSync(scratch, { recursive: true, force: true }));

// Bytes that are not UTF-8 and hold CRLF, NUL and a `From ` line: kept as they are.
const bytes = Buffer.concat([Buffer.from('Subject: caf'), Buffer.from([0xe9, 0x0d, 0x0a, 0x00]), Buffer.from('\r\n\r\nFrom the start\n')]);
const key = keyOfBytes(bytes);
const file = join(cacheRoot(), 'raw', key.slice(0, 2), key);

test('a mail written reads back byte for byte, and leaves no temporary file', () => {
  writeRawMail(key, bytes);
  assert.equal(hasRawMail(key, bytes.length), true);
  assert.ok(readRawMail(key).equals(bytes));
  assert.deepEqual(readdirSync(join(cacheRoot(), 'raw', key.slice(0, 2))), [key]);
});

test('a missing or cut file is not taken for the mail, so the loader reads the mail again', () => {
  writeRawMail(key, bytes);
  truncateSync(file, bytes.length - 1);
  assert.equal(hasRawMail(key, bytes.length), false);
  rmSync(file);
  assert.equal(hasRawMail(key, bytes.length), false);
  assert.throws(() => readRawMail(key), (error: Error) => error instanceof CacheError && /cannot be read/.test(error.message));
});

test('a file of the right size with other bytes fails its digest on reading, and is removed so the next build heals it', () => {
  writeRawMail(key, bytes);
  writeFileSync(file, Buffer.alloc(bytes.length, 0x78));
  assert.equal(hasRawMail(key, bytes.length), true, 'the size check alone cannot tell');
  assert.throws(() => readRawMail(key), (error: Error) => error instanceof CacheError && /damaged and is removed/.test(error.message));
  assert.equal(hasRawMail(key, bytes.length), false);
});

test('only a mail key names a file: no path can be made from anything else', () => {
  for (const bad of ['../../etc/passwd', key.toUpperCase(), `${key}/x`, key.slice(0, 39), '']) {
    assert.throws(() => writeRawMail(bad, bytes), /not a mail key/);
  }
});
