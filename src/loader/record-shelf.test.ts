import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('hands the records it wrote to a read in the same process without parsing the file again', () => {
    const written = [record('a'), record('b')];
    writeRecords(content, written);
    const read = readRecords(content);
    assert.deepEqual([...read.keys()], ['a', 'b']);
    assert.equal(read.get('a'), written[0], 'the very records written');
  });

  it('reads the file when it is no longer the one written, and fails on a damaged one', () => {
    writeRecords(content, [record('a')]);
    const [shelf] = readdirSync(join(cache, 'records'));
    const path = join(cache, 'records', shelf!);
    const other = JSON.parse(readFileSync(path, 'utf8')) as { records: MailRecord[] };
    other.records.push(record('c'));
    writeFileSync(path, JSON.stringify(other));
    assert.deepEqual([...readRecords(content).keys()], ['a', 'c']);
    writeFileSync(path, '{"contentRoot":');
    assert.throws(() => readRecords(content), /damaged/);
  });
});
