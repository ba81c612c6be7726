/** The body cache and the ingest report heal: a damaged file is detected, never a crash. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CacheError, cacheRoot, hasBody, readBody, readIngestReport, readRenderedBody, writeBody, writeIngestReport, type IngestReport } from './cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-cache-'));
process.env.SHEAF_CACHE = join(scratch, 'a', 'b', 'cache');
after(() => rmSync(scratch, { recursive: true, force: true }));

const key = 'ab'.repeat(20);
const other = 'ac'.repeat(20);
const file = (forKey: string, extension: string) => join(cacheRoot(), 'bodies', forKey.slice(0, 2), `${forKey}.${extension}`);
const body = { text: 'héllo "quoted"\n', inline: [{ filename: 'x.patch', contentType: 'text/x-patch', text: 'diff\n' }] };

test('a body written whole reads back, and leaves no temporary file', () => {
  const sizes = writeBody(key, body, '<p>héllo</p>');
  assert.equal(hasBody(key, sizes), true);
  assert.deepEqual(readBody(key), body);
  assert.equal(readRenderedBody(key), '<p>héllo</p>');
  assert.deepEqual(readdirSync(join(cacheRoot(), 'bodies', 'ab')).sort(), [`${key}.html`, `${key}.json`]);
});

test('a truncated body file is detected by hasBody, and reading it fails with a clear CacheError', () => {
  for (const extension of ['json', 'html']) {
    const sizes = writeBody(key, body, '<p>héllo</p>');
    const path = file(key, extension);
    truncateSync(path, readFileSync(path).length - 3);
    assert.equal(hasBody(key, sizes), false, extension);
    const read = extension === 'json' ? () => readBody(key) : () => readRenderedBody(key);
    assert.throws(read, (error: Error) => error instanceof CacheError && /is damaged \(\d+ bytes where \d+ were written\) and is removed/.test(error.message));
    assert.equal(existsSync(path), false, 'a damaged file is removed');
    // The loader parses the mail again and writes it: healed.
    assert.equal(hasBody(key, writeBody(key, body, '<p>héllo</p>')), true);
  }
});

test('a missing, empty, headerless or misnamed body file is not taken for a body', () => {
  const sizes = writeBody(key, body, '<p>x</p>');
  assert.equal(hasBody(other, sizes), false);
  assert.throws(() => readBody(other), (error: Error) => error instanceof CacheError && /cannot be read/.test(error.message));
  mkdirSync(join(cacheRoot(), 'bodies', 'ac'), { recursive: true });
  copyFileSync(file(key, 'json'), file(other, 'json'));
  copyFileSync(file(key, 'html'), file(other, 'html'));
  // A copy under another key has the size, but not the header, of a body of that key: reading it
  // fails and removes it, so the next build's size check misses it and the mail is parsed again.
  assert.throws(() => readBody(other), /written for key abab/);
  assert.equal(hasBody(other, sizes), false, 'copied under another key, once read');
  writeFileSync(file(other, 'json'), JSON.stringify(body));
  assert.throws(() => readBody(other), /no header/);
  writeFileSync(file(key, 'json'), '');
  assert.equal(hasBody(key, sizes), false, 'empty');
});

test('a damaged ingest report fails with a clear CacheError; a rewritten one reads', () => {
  const report: IngestReport = { contentRoot: '/c', files: 1, mails: 2, parsed: 2, reused: 0, renderedPlain: 0, identicalCopies: 0, skipped: [] };
  writeIngestReport(report);
  assert.deepEqual(readIngestReport(), report);
  const path = join(cacheRoot(), 'ingest-report.json');
  truncateSync(path, 20);
  assert.throws(() => readIngestReport(), (error: Error) => error instanceof CacheError && /ingest report .* is damaged/.test(error.message));
  writeFileSync(path, '[]');
  assert.throws(() => readIngestReport(), /not a report/);
  writeIngestReport(report);
  assert.deepEqual(readIngestReport(), report);
  assert.deepEqual(readdirSync(cacheRoot()).filter((name) => name.endsWith('.tmp')), []);
});
