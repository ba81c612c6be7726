/**
 * report.json adds up: every mail found is a page, an identical copy, a variant or skipped,
 * on hand-made mail and on every folder of the shared corpus, loaded the way the build loads it.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { test } from 'node:test';
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import type { IngestReport } from '../loader/cache.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { reportApi, reportLine, type ReportApi } from './api.ts';
import { buildArchive } from './group.ts';
import { buildReviewArchive } from './index.ts';
import { mails } from './test-support.ts';

function assertAddsUp(report: ReportApi): void {
  assert.equal(report.mails, report.pages + report.identicalCopies + report.variants + report.skipped.length, JSON.stringify({ ...report, problems: undefined }));
  assert.equal(report.messages, report.pages);
  for (const skipped of report.skipped) assert.ok(Number.isInteger(skipped.position) && skipped.reason.length > 0);
  for (const file of report.skippedFiles) assert.ok(file.reason.length > 0 && !('position' in file));
}

test('pages, identical copies, variants and skipped mails add up to the mails found', () => {
  const set = mails([
    { id: 'a@x', body: 'one' },
    { id: 'a@x', body: 'one' }, // same id, same body, other bytes (another date): merged as identical
    { id: 'a@x', body: 'two' }, // a variant
    { id: 'a@x', body: 'three' }, // another variant
    { id: 'b@x', body: 'b' },
  ]);
  // The same body digest for the first two copies (hand-made records have their key as digest).
  set.records[1] = { ...set.records[1]!, bodyDigest: set.records[0]!.bodyDigest };
  const ingest: IngestReport = {
    contentRoot: '/c', files: 4, mails: 8, parsed: 5, reused: 0, renderedPlain: 0, identicalCopies: 2,
    skipped: [
      { file: 'box', position: 9, messageId: 'c@x', reason: 'worker crashed' },
      { file: 'notes.txt', reason: 'not mail' },
      { file: 'box', position: 10, reason: 'too large (60.0 MiB, the limit is 50.0 MiB)' },
    ],
  };
  const report = reportApi(buildArchive(set.records), ingest);
  assert.deepEqual(
    { files: report.files, mails: report.mails, pages: report.pages, identicalCopies: report.identicalCopies, variants: report.variants },
    { files: 4, mails: 9, pages: 2, identicalCopies: 3, variants: 2 },
  );
  assert.deepEqual(report.skipped, [
    { file: 'box', position: 9, messageId: 'c@x', reason: 'worker crashed' },
    { file: 'box', position: 10, reason: 'too large (60.0 MiB, the limit is 50.0 MiB)' },
  ]);
  assert.deepEqual(report.skippedFiles, [{ file: 'notes.txt', reason: 'not mail' }]);
  assert.equal(report.messagesWithVariants, 1);
  assertAddsUp(report);
  assert.equal(reportLine(report), '4 files read, 9 mails found: 2 message pages, 3 identical copies, 2 variants, 2 skipped; 1 files without mail');
});

test('no ingest report: an empty archive adds up to nothing', () => {
  const report = reportApi(buildArchive([]), null);
  assertAddsUp(report);
  assert.equal(report.mails, 0);
});

/** Every folder of the corpus; the linux-leds list by its sample of threads (the whole list is an .xz, for benches). */
function corpusFolders(): string[] {
  return readdirSync(corpusPath())
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .map((name) => (name === 'lore-linux-leds' ? 'lore-linux-leds/threads-sample' : name));
}

for (const folder of corpusFolders()) {
  test(`${folder}: report.json adds up, and counts every message framed in its files`, async () => {
    const path = corpusPath(folder);
    const isFile = statSync(path).isFile();
    const root = isFile ? dirname(path) : path;
    const files = isFile ? [basename(path)] : listContentFiles(path);
    // Counted apart from the loader: every message the files frame, and the files that frame none.
    let framed = 0;
    const withoutMail = new Set<string>();
    for (const file of files) {
      const content = readContentFile(root, file);
      const found = content.mails.length + content.problems.filter((problem) => problem.position !== undefined).length;
      framed += found;
      if (found === 0) withoutMail.add(file);
    }
    const loaded = await loadMail(path);
    const ingest: IngestReport = {
      contentRoot: root, files: files.length, mails: loaded.records.length + loaded.identicalCopies.length, parsed: loaded.records.length,
      reused: 0, renderedPlain: 0, identicalCopies: loaded.identicalCopies.length, skipped: loaded.problems,
    };
    const review = buildReviewArchive(loaded.records, (key) => loaded.bodies.get(key)!);
    const report = reportApi(review.archive, ingest, review.problems);
    assertAddsUp(report);
    assert.equal(report.mails, framed);
    assert.equal(report.files, files.length);
    assert.deepEqual(new Set(report.skippedFiles.map(({ file }) => file)), withoutMail);
    assert.ok(report.pages > 0);
  });
}
