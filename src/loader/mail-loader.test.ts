import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { readBody, readIngestReport, readRenderedBody } from './cache.ts';
import { mailLoader } from './mail-loader.ts';
import { readRecords } from './record-shelf.ts';
import { memoryLoaderContext, type StoreEntry } from '../testing/loader-context.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-loader-'));
process.env.SHEAF_CACHE = join(scratch, 'cache');
after(() => rmSync(scratch, { recursive: true, force: true }));

const fakeContext = (entries: Map<string, StoreEntry>, logs: string[]) => memoryLoaderContext(entries, logs, new URL('../../', import.meta.url));

/** The records the last load of a content folder left on the shelf. */
const recordsOf = (content: string) => [...readRecords(resolve(content)).values()];

const mail = (id: string, body: string) => `From: Ada <ada@example.org>\nSubject: ${id}\nMessage-ID: <${id}@example.org>\n\n${body}\n`;
const mboxOf = (...messages: string[]) => messages.map((m) => `From ada@example.org Mon Mar  3 10:00:00 2025\n${m}\n`).join('');

test('parses new mail once, reuses unchanged mail, updates moved mail without parsing, drops removed mail', async () => {
  const content = join(scratch, 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('one', 'first'), mail('two', 'second')));
  writeFileSync(join(content, 'broken.gz'), Buffer.from([0x1f, 0x8b, 0, 0]));
  const entries = new Map<string, StoreEntry>();
  const logs: string[] = [];
  const loader = mailLoader({ contentPath: content });

  await loader.load(fakeContext(entries, logs));
  assert.equal(entries.size, 2);
  assert.match(logs.at(-1)!, /2 files read, 2 mails found: 2 parsed, 0 reused/);
  assert.ok(logs.some((line) => /^warn: broken\.gz: skipped: cannot unpack gzip/.test(line)));
  const one = recordsOf(content).find((r) => r.subject === 'one')!;
  assert.equal(readBody(one.key).text, 'first\n\n');

  await loader.load(fakeContext(entries, logs));
  assert.match(logs.at(-1)!, /2 mails found: 0 parsed, 2 reused/);

  // A new mail before the others moves them down the file: only the new one is parsed.
  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('zero', 'new'), mail('one', 'first'), mail('two', 'second')));
  await loader.load(fakeContext(entries, logs));
  assert.match(logs.at(-1)!, /3 mails found: 1 parsed, 2 reused/);
  const moved = recordsOf(content).find((r) => r.subject === 'one')!;
  assert.equal(moved.position, 2);

  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('two', 'second')));
  await loader.load(fakeContext(entries, logs));
  assert.equal(entries.size, 1);
  const report = readIngestReport()!;
  assert.equal(report.files, 2);
  assert.equal(report.skipped.length, 1);
});

/** One load, with what it logged and reported. */
async function loadOnce(contentPath: string, entries: Map<string, StoreEntry>, workers = 0, heldBytes?: number) {
  const logs: string[] = [];
  await mailLoader({ contentPath, workers, heldBytes }).load(fakeContext(entries, logs));
  return { logs, last: logs.at(-1)!, report: readIngestReport()! };
}

/** Dates a file a minute back, so it is not too fresh to be indexed (a second write could hide in its mtime tick). */
const MINUTE_AGO = Date.now() / 1000 - 60;
function writeDated(path: string, text: string, seconds = MINUTE_AGO): void {
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
}

const subjects = (content: string) => recordsOf(content).map((record) => record.subject).sort();

test('an unchanged file is not read again; a touched one is', async () => {
  const content = join(scratch, 'unchanged');
  mkdirSync(content);
  const file = join(content, 'list.mbox');
  writeDated(file, mboxOf(mail('one', 'first'), mail('two', 'second')));
  const entries = new Map<string, StoreEntry>();
  assert.match((await loadOnce(content, entries)).last, /2 mails found: 2 parsed, 0 reused/);

  // Other bytes of the same size, with the same mtime and inode: only reading the file could tell.
  writeDated(file, mboxOf(mail('uno', 'first'), mail('two', 'second')));
  assert.match((await loadOnce(content, entries)).last, /2 mails found: 0 parsed, 2 reused/);
  assert.deepEqual(subjects(content), ['one', 'two']);

  writeDated(file, mboxOf(mail('uno', 'first'), mail('two', 'second')), MINUTE_AGO + 1);
  assert.match((await loadOnce(content, entries)).last, /2 mails found: 1 parsed, 1 reused/);
  assert.deepEqual(subjects(content), ['two', 'uno']);

  // Another file renamed into its place, of the same size and mtime: a new inode.
  writeDated(`${file}.new`, mboxOf(mail('one', 'first'), mail('two', 'second')), MINUTE_AGO + 1);
  renameSync(`${file}.new`, file);
  assert.match((await loadOnce(content, entries)).last, /2 mails found: 1 parsed, 1 reused/);
  assert.deepEqual(subjects(content), ['one', 'two']);
});

test('a file written just now is read again on the next build, since a second write could share its mtime', async () => {
  const content = join(scratch, 'fresh');
  mkdirSync(content);
  const file = join(content, 'list.mbox');
  writeFileSync(file, mboxOf(mail('one', 'first')));
  const entries = new Map<string, StoreEntry>();
  await loadOnce(content, entries);
  const { mtime } = statSync(file);
  writeFileSync(file, mboxOf(mail('uno', 'first')));
  utimesSync(file, mtime, mtime);
  assert.match((await loadOnce(content, entries)).last, /1 parsed, 0 reused/);
  assert.deepEqual(subjects(content), ['uno']);
});

test('with the file index, counts and store come out as a full read gives them: copies across files, removed files, refused mail', async () => {
  const content = join(scratch, 'copies');
  mkdirSync(content);
  writeDated(join(content, 'a.mbox'), mboxOf(mail('x', 'ex'), 'X-Empty: yes\n', mail('y', 'why')));
  writeDated(join(content, 'b.mbox'), mboxOf(mail('y', 'why'), mail('z', 'zed')));
  writeDated(join(content, 'c.gz'), 'not gzip at all');
  const entries = new Map<string, StoreEntry>();
  const first = await loadOnce(content, entries);
  assert.match(first.last, /3 files read, 5 mails found: 3 parsed, 0 reused, 1 identical copies, 2 skipped/);
  assert.ok(first.logs.includes('warn: a.mbox: message 2: skipped: unreadable mail: no headers and no body: nothing to show'));

  /** A load with the index, and the same load from the same store without it (every file read, as before there was an index). */
  const compare = async () => {
    const copy = new Map([...entries].map(([id, entry]) => [id, { ...entry }]));
    const indexed = await loadOnce(content, entries);
    rmSync(join(scratch, 'cache', 'files'), { recursive: true, force: true });
    const full = await loadOnce(content, copy);
    assert.deepEqual(indexed.report, full.report);
    assert.deepEqual(indexed.logs, full.logs);
    assert.deepEqual([...entries], [...copy]);
    return indexed;
  };
  const warm = await compare();
  assert.match(warm.last, /5 mails found: 0 parsed, 3 reused, 1 identical copies, 2 skipped/);
  assert.deepEqual(warm.report.skipped.map((p) => `${p.file}:${p.position ?? ''}`), ['a.mbox:2', 'c.gz:']);

  // With a.mbox gone, y is b.mbox's first mail, no longer a copy; x leaves the store.
  rmSync(join(content, 'a.mbox'));
  const removed = await compare();
  assert.match(removed.last, /2 files read, 2 mails found: 0 parsed, 2 reused, 0 identical copies, 1 skipped/);
  assert.deepEqual(subjects(content), ['y', 'z']);
  const y = recordsOf(content).find((r) => r.subject === 'y')!;
  assert.deepEqual([y.file, y.position], ['b.mbox', 1]);
});

test('worker threads give the store and report the main thread gives, on the lore threads sample, held between passes or read again', async () => {
  const sample = fileURLToPath(new URL('../../../shared/corpus/lore-linux-leds/threads-sample/', import.meta.url));
  const runWith = async (workers: number, heldBytes?: number) => {
    process.env.SHEAF_CACHE = join(scratch, `cache-${workers}-workers-${heldBytes ?? 'held'}`);
    const entries = new Map<string, StoreEntry>();
    const { logs, report } = await loadOnce(sample, entries, workers, heldBytes);
    const bodies = [...entries.keys()].map((key) => [readBody(key), readRenderedBody(key)]);
    return { logs, report, entries: [...entries], records: recordsOf(sample), bodies };
  };
  try {
    const inThread = await runWith(0);
    const onWorkers = await runWith(2);
    assert.ok(inThread.report.parsed > 400);
    assert.deepEqual(onWorkers.report, inThread.report);
    assert.deepEqual(onWorkers.logs, inThread.logs);
    assert.deepEqual(onWorkers.entries, inThread.entries);
    assert.deepEqual(onWorkers.records, inThread.records);
    assert.deepEqual(onWorkers.bodies, inThread.bodies);
    // Holding no bytes between the passes, every file is read again for its new mails: the same again.
    const readTwice = await runWith(2, 0);
    assert.deepEqual(readTwice.report, inThread.report);
    assert.deepEqual(readTwice.entries, inThread.entries);
    assert.deepEqual(readTwice.records, inThread.records);
  } finally {
    process.env.SHEAF_CACHE = join(scratch, 'cache');
  }
});

test('a mail the parser refuses on a worker is skipped with its reason while the others load, and is not parsed again', async () => {
  const content = join(scratch, 'refused');
  mkdirSync(content);
  writeDated(join(content, 'list.mbox'), mboxOf(mail('one', 'first'), 'X-Empty: yes\n', mail('two', 'second')));
  const entries = new Map<string, StoreEntry>();
  const first = await loadOnce(content, entries, 2);
  assert.match(first.last, /3 mails found: 2 parsed, 0 reused, 0 identical copies, 1 skipped/);
  assert.deepEqual(first.report.skipped, [{ file: 'list.mbox', position: 2, reason: 'unreadable mail: no headers and no body: nothing to show' }]);
  assert.deepEqual(subjects(content), ['one', 'two']);

  // Touched, so read again: the refused mail is known and reported again without parsing.
  writeDated(join(content, 'list.mbox'), mboxOf(mail('one', 'first'), 'X-Empty: yes\n', mail('two', 'second')), MINUTE_AGO + 1);
  const again = await loadOnce(content, entries, 2);
  assert.match(again.last, /0 parsed, 2 reused, 0 identical copies, 1 skipped/);
  assert.deepEqual(again.report.skipped, first.report.skipped);
});
