import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { rawMailFile, writeRawMail } from '../loader/raw-store.ts';
import { keyOfBytes } from '../loader/record.ts';
import { placedPath, placeFiles, publishedFiles, publishMadeFiles, publishRawFiles, type PlacedFile } from './placed-files.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

describe('placeFiles', () => {
  const { scratch: root, cache } = scratchCache('sheaf-placed-files-');
  const out = join(root, 'a', 'b', 'dist');
  const record = join(cache, 'outputs', 'x.raw.json');
  const first = Buffer.from('Subject: one\n\nbody\n');
  const second = Buffer.from('Subject: two\n\nother body\n');
  before(() => {
    writeRawMail(keyOfBytes(first), first);
    writeRawMail(keyOfBytes(second), second);
  });
  const rawKind = (keys: string[]) => {
    publishRawFiles(keys.map((key, index): [string, string] => [`m${index}/raw`, key]));
    return publishedFiles().get('raw')!;
  };

  it('places each mail as archived, then keeps the files whose mail is the same and replaces the others', async () => {
    assert.deepEqual(await placeFiles(out, 'raw', rawKind([keyOfBytes(first), keyOfBytes(second)]), record), { paths: ['m/m0/raw.txt', 'm/m1/raw.txt'], written: 2 });
    assert.deepEqual(readFileSync(join(out, 'm/m0/raw.txt')), first);
    assert.equal(statSync(join(out, 'm/m0/raw.txt')).ino, statSync(rawMailFile(keyOfBytes(first))).ino, 'a hard link to the stored mail');
    assert.equal((await placeFiles(out, 'raw', rawKind([keyOfBytes(first), keyOfBytes(second)]), record)).written, 0);
    assert.equal((await placeFiles(out, 'raw', rawKind([keyOfBytes(second), keyOfBytes(second)]), record)).written, 1);
    assert.deepEqual(readFileSync(join(out, 'm/m0/raw.txt')), second);
    rmSync(join(out, 'm/m1/raw.txt'));
    assert.equal((await placeFiles(out, 'raw', rawKind([keyOfBytes(second), keyOfBytes(second)]), record)).written, 1, 'a file gone from the output folder is placed again');
  });

  it('writes a search file’s text only when its key is new there, asking for the text of that file alone', async () => {
    const asked: string[] = [];
    const searchKind = (files: [string, string][]) => {
      publishMadeFiles('search', files, async (param) => (asked.push(param), `{"file":"${param}"}`));
      return publishedFiles().get('search')!;
    };
    const searchRecord = join(cache, 'outputs', 'x.search.json');
    assert.equal((await placeFiles(out, 'search', searchKind([['manifest.json', 'k1'], ['t/ab.json', 'k2']]), searchRecord)).written, 2);
    assert.equal(readFileSync(join(out, 'search/t/ab.json'), 'utf8'), '{"file":"t/ab.json"}');
    assert.equal((await placeFiles(out, 'search', searchKind([['manifest.json', 'k1'], ['t/ab.json', 'k3']]), searchRecord)).written, 1);
    assert.deepEqual(asked, ['manifest.json', 't/ab.json', 't/ab.json']);
  });

  it('writes nowhere but a file of its own kind', async () => {
    const kind = (path: string) => ({ files: [[path, keyOfBytes(first)] as PlacedFile], write: () => assert.fail('written') });
    for (const path of ['m/../../etc/raw.txt', '../m/x/raw.txt', 'm/x/index.html', '/m/x/raw.txt', 'search/x.json']) {
      await assert.rejects(placeFiles(out, 'raw', kind(path), record), /not a raw file path/);
    }
    for (const path of ['search/../../etc/x.json', 'search/./x.json', 'search/x.html', 'm/x/raw.txt', '/search/x.json', 'search/a b.json']) {
      await assert.rejects(placeFiles(out, 'search', kind(path), record), /not a search file path/);
    }
    const downloads: [Parameters<typeof placedPath>[0], string][] = [
      ['threadMbox', 'm/../t.mbox'], ['threadMbox', 'm/x/y/t.mbox'], ['threadMboxGzip', 'm/x/t.mbox'], ['amSeriesMbox', 's/x/../series.mbox'],
      ['plainSeriesMbox', 's/x/series.mbox'], ['api', 'api/../x.json'], ['archiveFeed', 'feeds/../../x.atom'], ['seriesFeed', 's/./feed.atom'],
      ['fileFeed', 'f/../../etc/feed.atom'], ['fileFeed', 'f/feed.atom'], ['fileFeed', 'f/a b/feed.atom'],
      ['messageForward', 'm/../index.html'], ['messageForward', 'm/x/y/index.html'], ['messageForward', 's/x/index.html'], ['seriesForward', 's/../../etc/index.html'], ['seriesForward', 's/x/raw.txt'],
    ];
    for (const [name, path] of downloads) await assert.rejects(placeFiles(out, name, kind(path), record), new RegExp(`not a ${name} file path`));
    assert.ok(!existsSync(join(root, 'a', 'etc')));
  });

  it('hands the route data’s lists to the build’s end by path', () => {
    publishRawFiles([['m0/raw', 'k1'], ['m0/raw-2', 'k2']]);
    assert.deepEqual(publishedFiles().get('raw')!.files, [['m/m0/raw.txt', 'k1'], ['m/m0/raw-2.txt', 'k2']]);
    assert.equal(placedPath('raw', 'm0/raw-2'), 'm/m0/raw-2.txt');
    publishMadeFiles('fileFeed', [['drivers/leds', 'k3']], async () => '');
    assert.deepEqual(publishedFiles().get('fileFeed')!.files, [['f/drivers/leds/feed.atom', 'k3']]);
    assert.equal(placedPath('messageForward', 'Ab1@x'), 'm/Ab1@x/index.html');
  });
});
