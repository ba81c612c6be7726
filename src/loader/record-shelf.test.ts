import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MailRecord } from './record.ts';
import { readRecords, writeRecords } from './record-shelf.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

describe('the record shelf', () => {
  const { scratch, cache } = scratchCache('sheaf-record-shelf-');
  const content = join(scratch, 'content');
  // Records are plain data to the shelf: two fields are enough to tell them apart.
  const record = (key: string) => ({ key, subject: `subject ${key}` }) as unknown as MailRecord;
  const shelf = () => {
    const [folder] = readdirSync(join(cache, 'records'));
    return join(cache, 'records', folder!);
  };
  const shards = () => readdirSync(shelf()).map((name) => join(shelf(), name));

  it('hands the records it wrote to a read in the same process without parsing the files again', () => {
    const written = [record('a'), record('b')];
    writeRecords(content, written);
    const read = readRecords(content);
    assert.deepEqual([...read.keys()], ['a', 'b']);
    assert.equal(read.get('a'), written[0], 'the very records written');
  });

  it('reads the files when they are no longer the ones written, and fails on a damaged one', () => {
    writeRecords(content, [record('a')]);
    const [path] = shards();
    const other = JSON.parse(readFileSync(path!, 'utf8')) as { records: MailRecord[] };
    other.records.push(record('c'));
    writeFileSync(path!, JSON.stringify(other));
    assert.deepEqual([...readRecords(content).keys()].sort(), ['a', 'c']);
    writeFileSync(path!, '{"contentRoot":');
    assert.throws(() => readRecords(content), /damaged/);
  });

  it('rewrites only the shards whose records changed, and removes those left empty', () => {
    const many = Array.from({ length: 600 }, (_, index) => record(`key ${index}`));
    writeRecords(content, many);
    const before = new Map(shards().map((path) => [path, statSync(path).ino]));
    assert.ok(before.size > 100, 'the records are spread over many files');
    const shelved = readRecords(content);
    const reply = record('a reply');
    writeRecords(content, [...many.slice(1), reply], shelved);
    const after = new Map(shards().map((path) => [path, statSync(path).ino]));
    const rewritten = [...after].filter(([path, ino]) => before.get(path) !== ino).length;
    assert.ok(rewritten >= 1 && rewritten <= 2, `the reply's shard and the first record's, not ${rewritten}`);
    assert.equal(readRecords(content).size, 600);
    writeRecords(content, [reply], readRecords(content));
    assert.equal(shards().length, 1);
    assert.deepEqual([...readRecords(content).keys()], ['a reply']);
  });

  it('keeps an empty shelf for a folder with no mail', () => {
    writeRecords(content, []);
    assert.equal(readRecords(content).size, 0);
  });
});
