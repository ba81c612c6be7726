import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { after, beforeEach, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { listContentFiles, MAX_FILE_BYTES, MAX_MESSAGE_BYTES } from '../ingest/read.ts';
import { contentPath } from '../loader/content-path.ts';
import { MAX_MESSAGE_LINES } from '../parse/bounds.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { addMail, type AddOutcome, type AddOptions } from './add.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-add-'));
const previousContent = process.env.SHEAF_CONTENT;
after(() => {
  rmSync(scratch, { recursive: true, force: true });
  if (previousContent === undefined) delete process.env.SHEAF_CONTENT;
  else process.env.SHEAF_CONTENT = previousContent;
});

let run = 0;
/** A fresh content folder for each test, deep in the scratch folder, named as the build finds it. */
beforeEach(() => {
  process.env.SHEAF_CONTENT = join(scratch, `run-${++run}`, 'deep', 'er', 'content');
});

const eml = corpusPath('notmuch/attachment/x-gtar-compressed.eml');
const accented = corpusPath('ruby-mail/attachment_emails/attachment_with_quoted_filename.eml');
const series = corpusPath('b4/shazam-git1-just-series.mbox');
const seriesIds = [0, 1, 2, 3, 4].map((n) => `20221025-test1-v1-${n}-e4f28f57990c@linuxfoundation.org`);
const page = corpusPath('seed-lkml-iu-edu.txt');
const pageId = '731e8ee747ecd34a11ece3fc7c3b7b4c@content.sheaf.invalid';
const duplicates = corpusPath('lore-linux-leds/threads-sample/edge-duplicate-message-id.mbox');

function add(inputs: string[], options: Partial<AddOptions> = {}) {
  return addMail({ contentRoot: contentPath(), inputs, progress: { write: () => true }, ...options });
}

/** Every outcome as `kind source <id>` and, for added mail, its path in the content folder. */
function summary(outcomes: AddOutcome[]): string[] {
  return outcomes.map((outcome) => {
    const id = outcome.messageId ? ` <${outcome.messageId}>` : '';
    const path = outcome.kind === 'added' ? ` → ${relative(contentPath(), outcome.path)}` : '';
    return `${outcome.kind} ${relative(corpusPath(), outcome.source)}${id}${path}`;
  });
}

/** Why a message was skipped or refused; empty for one that was added. */
function reason(outcome: AddOutcome | undefined): string {
  return outcome && 'reason' in outcome ? outcome.reason : '';
}

/** What the build finds in the content folder, read with its own ingest and parse code. */
async function archivedIds(): Promise<string[]> {
  const loaded = await loadMail(contentPath());
  assert.deepEqual(loaded.problems, []);
  return loaded.records.map((record) => record.messageId).sort();
}

test('files an .eml, an mbox of several, a saved page and standard input, each under its date and subject, as the build reads them back', async () => {
  const stdin = Readable.from([readFileSync(duplicates)]);
  const report = await add([eml, accented, series, page, '-'], { stdin });
  const standardInput = report.outcomes.filter((outcome) => outcome.source.startsWith('standard input'));
  assert.deepEqual(summary(report.outcomes.slice(0, 8)), [
    'added notmuch/attachment/x-gtar-compressed.eml <874llc2bkp.fsf@curie.anarc.at> → 2018/03/2018-03-19-re-bug-no-top-level-messages-crash-on-zen-email-loops.eml',
    'added ruby-mail/attachment_emails/attachment_with_quoted_filename.eml <E0F9311D-F469-4E7B-81BC-F240BD473566@37signals.com> → 2009/05/2009-05-13-eelanaluusi-paring.eml',
    `added b4/shazam-git1-just-series.mbox: message 1 <${seriesIds[0]}> → 2022/10/2022-10-25-this-is-a-cover-for-test-series-1.eml`,
    `added b4/shazam-git1-just-series.mbox: message 2 <${seriesIds[1]}> → 2022/10/2022-10-25-remove-line-2-from-file2.eml`,
    `added b4/shazam-git1-just-series.mbox: message 3 <${seriesIds[2]}> → 2022/10/2022-10-25-add-more-lines-to-file-1.eml`,
    `added b4/shazam-git1-just-series.mbox: message 4 <${seriesIds[3]}> → 2022/10/2022-10-25-add-some-paragraphs-to-lipsum.eml`,
    `added b4/shazam-git1-just-series.mbox: message 5 <${seriesIds[4]}> → 2022/10/2022-10-25-minor-typo-changes-imitation.eml`,
    `added seed-lkml-iu-edu.txt <${pageId}> → 2023/01/2023-01-17-re-iommu-introduce-iommu-call-back-for-processing-struct-kvm.txt`,
  ]);
  assert.deepEqual(standardInput.map((outcome) => outcome.kind), ['added', 'added', 'added', 'skipped', 'added', 'added']);
  assert.deepEqual(standardInput[3], {
    kind: 'skipped', source: 'standard input: message 4', messageId: '7c828160-bef6-45b5-60d1-85c6074953c4@ti.com',
    reason: 'given twice: the same Message-ID as standard input: message 3',
  });
  assert.equal(readFileSync(join(contentPath(), '2018/03/2018-03-19-re-bug-no-top-level-messages-crash-on-zen-email-loops.eml')).equals(readFileSync(eml)), true);
  const added = report.outcomes.flatMap((outcome) => (outcome.kind === 'added' ? [outcome.messageId] : []));
  assert.deepEqual(await archivedIds(), added.sort());
  assert.equal(listContentFiles(contentPath()).length, 13, 'one file per message, no temporary file left');
  assert.deepEqual(report.checked, { files: 0, mails: 0, seconds: report.checked!.seconds });
});

test('a maildir folder: the messages of its cur/ and new/', async () => {
  const report = await add([corpusPath('notmuch/threading/parent-priority')]);
  assert.deepEqual(report.outcomes.map((outcome) => [outcome.kind, relative(corpusPath(), outcome.source)]), [
    ['added', 'notmuch/threading/parent-priority/cur/child'],
    ['added', 'notmuch/threading/parent-priority/cur/grand-child'],
    ['added', 'notmuch/threading/parent-priority/cur/root'],
  ]);
  assert.equal((await archivedIds()).length, 3);
});

test('skips mail the content folder holds now, by Message-ID or by content id, however it is filed there', async () => {
  const root = contentPath();
  mkdirSync(join(root, 'old'), { recursive: true });
  writeFileSync(join(root, 'old', 'list.mbox.gz'), gzipSync(readFileSync(series)));
  writeFileSync(join(root, 'old', 'page'), readFileSync(page));
  const before = listContentFiles(root);
  const report = await add([series, page]);
  assert.deepEqual(report.outcomes.map((outcome) => [outcome.kind, reason(outcome), outcome.kind === 'skipped' ? relative(root, outcome.path!) : '']), [
    ...seriesIds.map(() => ['skipped', 'already archived', 'old/list.mbox.gz']),
    ['skipped', 'already archived', 'old/page'],
  ]);
  assert.deepEqual(report.checked && [report.checked.files, report.checked.mails], [2, 6]);
  assert.deepEqual(listContentFiles(root), before, 'nothing written');

  const again = await add([eml, eml]);
  assert.deepEqual(again.outcomes.map((outcome) => outcome.kind), ['added', 'skipped']);
  assert.match(reason(again.outcomes[1]), /^given twice: the same Message-ID as .*x-gtar-compressed\.eml$/);
  const third = await add([eml]);
  assert.deepEqual([third.outcomes[0]?.kind, reason(third.outcomes[0])], ['skipped', 'already archived']);
});

test('a mail in the content folder that the build refuses is not archived: a good one with its Message-ID is added', async () => {
  const root = contentPath();
  mkdirSync(root, { recursive: true });
  const nested = Array.from({ length: 300 }, (_, depth) => `Content-Type: multipart/mixed; boundary="b${depth}"\n\n--b${depth}\n`).join('');
  writeFileSync(join(root, 'broken.eml'), `From: Ada <ada@example.org>\nMessage-ID: <874llc2bkp.fsf@curie.anarc.at>\nMIME-Version: 1.0\n${nested}`);
  const report = await add([eml]);
  assert.equal(report.outcomes[0]!.kind, 'added');
});

test('refuses bad input, each with its reason, and writes nothing for it', async () => {
  const bad = join(scratch, 'bad', 'in', 'here');
  mkdirSync(join(bad, 'folder'), { recursive: true });
  const write = (name: string, text: string | Buffer) => {
    writeFileSync(join(bad, name), text);
    return join(bad, name);
  };
  const message = (id: string, body = 'body\n') => `From: Ada <ada@example.org>\nSubject: [PATCH] leds: x\nDate: Fri, 14 Mar 2025 10:00:00 +0000\nMessage-ID: ${id}\n\n${body}`;
  const huge = write('huge.mbox', '');
  truncateSync(huge, MAX_FILE_BYTES + 1); // sparse: nothing is read before the size is checked
  const inputs = [
    write('notes.md', '# notes\n\nNot mail.\n'),
    join(bad, 'missing.eml'),
    '/dev/null',
    join(bad, 'folder'),
    write('passwd.eml', message('<../../../etc/passwd>')),
    write('root.eml', message('</etc/passwd@x>')),
    write('no-at.eml', message('<just-a-word>')),
    write('lines.eml', message('<lines@example.org>', 'x\n'.repeat(MAX_MESSAGE_LINES + 1))),
    write('big.eml', message('<big@example.org>', 'x'.repeat(MAX_MESSAGE_BYTES))),
    huge,
    write('empty.eml', ''),
    '-',
    '-',
  ];
  const report = await add(inputs, { stdin: Readable.from([Buffer.from('just some text\n')]) });
  assert.deepEqual(report.outcomes.map((outcome) => `${outcome.kind} ${outcome.source.replace(bad, 'bad')}: ${reason(outcome)}`), [
    'refused bad/notes.md: not mail: no mbox "From " line, no message headers, no archive page layout',
    `refused bad/missing.eml: cannot read: ENOENT: no such file or directory, lstat '${join(bad, 'missing.eml')}'`,
    'refused /dev/null: not a regular file',
    'refused bad/folder: a folder, but not a maildir (it has no cur/ or new/ folder): name the files in it instead',
    'refused bad/passwd.eml: bad Message-ID: reads as a file path (a leading / or a .. part)',
    'refused bad/root.eml: bad Message-ID: reads as a file path (a leading / or a .. part)',
    'refused bad/no-at.eml: bad Message-ID: not a Message-ID of the form left@right',
    `refused bad/lines.eml: past the build's bounds, so it would be shown cut: message cut after ${MAX_MESSAGE_LINES} lines, of 0.1 MiB`,
    'refused bad/big.eml: too large (32.0 MiB, the limit is 32.0 MiB)',
    'refused bad/huge.mbox: too large (1024.0 MiB, the limit is 1024.0 MiB)',
    'refused bad/empty.eml: not mail: no mbox "From " line, no message headers, no archive page layout',
    'refused standard input: not mail: no mbox "From " line, no message headers, no archive page layout',
    'refused standard input: named twice',
  ]);
  assert.equal(report.checked, null, 'nothing to check the content folder for');
  assert.equal(existsSync(contentPath()), false, 'the content folder is not even made');
});

test('each message is judged on its own: the good ones of an mbox are filed beside a refused one', async () => {
  const mbox = join(scratch, 'mixed', 'list.mbox');
  mkdirSync(join(scratch, 'mixed'), { recursive: true });
  const message = (id: string) => `From ada@example.org Fri Mar 14 10:00:00 2025\nFrom: Ada <ada@example.org>\nSubject: [PATCH] leds: ${id.length}\nDate: Fri, 14 Mar 2025 10:00:00 +0000\nMessage-ID: <${id}>\n\nbody\n`;
  writeFileSync(mbox, [message('good@example.org'), message('../../../etc/passwd'), message('fine@example.org')].join('\n'));
  const report = await add([mbox]);
  assert.deepEqual(report.outcomes.map((outcome) => `${outcome.kind} ${outcome.messageId}`), [
    'added good@example.org',
    'refused ../../../etc/passwd',
    'added fine@example.org',
  ]);
  assert.deepEqual(readdirSync(join(contentPath(), '2025', '03')).sort(), ['2025-03-14-leds-16.eml', '2025-03-14-leds-16-2.eml'].sort());
});

test('the content folder must be a folder', async () => {
  mkdirSync(join(contentPath(), '..'), { recursive: true });
  writeFileSync(contentPath(), 'a file');
  await assert.rejects(add([eml]), /is not a folder/);
});
