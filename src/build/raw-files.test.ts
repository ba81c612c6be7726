import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { rawMailFile, writeRawMail } from '../loader/raw-store.ts';
import { keyOfBytes } from '../loader/record.ts';
import { placeRawFiles, publishedRawFiles, publishRawFiles, rawFilePath } from './raw-files.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

describe('placeRawFiles', () => {
  const { scratch: root, cache } = scratchCache('sheaf-raw-files-');
  const out = join(root, 'a', 'b', 'dist');
  const record = join(cache, 'outputs', 'x.raw.json');
  const first = Buffer.from('Subject: one\n\nbody\n');
  const second = Buffer.from('Subject: two\n\nother body\n');
  before(() => {
    writeRawMail(keyOfBytes(first), first);
    writeRawMail(keyOfBytes(second), second);
  });

  it('places each mail as archived, then keeps the files whose mail is the same and replaces the others', () => {
    const files = (keys: string[]) => keys.map((key, index): [string, string] => [rawFilePath(`m${index}/raw`), key]);
    assert.deepEqual(placeRawFiles(out, files([keyOfBytes(first), keyOfBytes(second)]), record), { paths: ['m/m0/raw.txt', 'm/m1/raw.txt'], written: 2 });
    assert.deepEqual(readFileSync(join(out, 'm/m0/raw.txt')), first);
    assert.equal(statSync(join(out, 'm/m0/raw.txt')).ino, statSync(rawMailFile(keyOfBytes(first))).ino, 'a hard link to the stored mail');
    assert.equal(placeRawFiles(out, files([keyOfBytes(first), keyOfBytes(second)]), record).written, 0);
    assert.equal(placeRawFiles(out, files([keyOfBytes(second), keyOfBytes(second)]), record).written, 1);
    assert.deepEqual(readFileSync(join(out, 'm/m0/raw.txt')), second);
    rmSync(join(out, 'm/m1/raw.txt'));
    assert.equal(placeRawFiles(out, files([keyOfBytes(second), keyOfBytes(second)]), record).written, 1, 'a file gone from the output folder is placed again');
  });

  it('writes nowhere but a raw file of a message folder', () => {
    for (const path of ['m/../../etc/raw.txt', '../m/x/raw.txt', 'm/x/index.html', '/m/x/raw.txt']) {
      assert.throws(() => placeRawFiles(out, [[path, keyOfBytes(first)]], record), /not a raw file path/);
    }
    assert.ok(!existsSync(join(root, 'a', 'etc')));
  });

  it('hands the route data’s list to the build’s end by path', () => {
    publishRawFiles([['m0/raw', 'k1'], ['m0/raw-2', 'k2']]);
    assert.deepEqual(publishedRawFiles(), [['m/m0/raw.txt', 'k1'], ['m/m0/raw-2.txt', 'k2']]);
  });
});
