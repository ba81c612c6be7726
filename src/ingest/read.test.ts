import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { corpusPath } from '../testing/corpus.ts';
import { detectFileKind } from './detect.ts';
import { frameMail, listContentFiles, MAX_MESSAGE_BYTES, readContentFile } from './read.ts';
import { describeProblem } from './types.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-ingest-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const message = 'From: Ada <ada@example.org>\nSubject: hello\nMessage-ID: <a@example.org>\n\nbody\n';
const mbox = `From ada@example.org Mon Mar  3 10:00:00 2025\n${message}\nFrom ada@example.org Mon Mar  3 10:00:01 2025\n${message.replace('<a@', '<b@')}`;

test('detects each kind from the bytes, whatever the file is called', () => {
  assert.equal(detectFileKind(Buffer.from(message)), 'message');
  assert.equal(detectFileKind(Buffer.from(mbox)), 'mbox');
  assert.equal(detectFileKind(gzipSync(mbox)), 'gzip');
  assert.equal(detectFileKind(Buffer.from('# A README\n\nNot mail.\n')), 'unknown');
  assert.equal(detectFileKind(Buffer.from('MIME-Version: 1.0\nContent-Type: text/plain\n\nbody\n')), 'message');
  assert.equal(detectFileKind(Buffer.from('From  : John Doe <jdoe@example>\nSubject : obsolete syntax\n\nx\n')), 'message');
});

test('detects the seed as a Hypermail page, not as a message whose first header is "Re"', async () => {
  const { readFileSync } = await import('node:fs');
  assert.equal(detectFileKind(readFileSync(corpusPath('seed-lkml-iu-edu.txt'))), 'hypermail');
});

test('detects a pipermail page saved as text', () => {
  const page = 'Subject line\nAndy Example andy at example.com\nSat Nov 14 21:29:28 CET 2015\n\nHi\n';
  assert.equal(detectFileKind(Buffer.from(page)), 'pipermail');
});

test('frames gzip-compressed mbox and strips a byte order mark', () => {
  const framed = frameMail('list.mbox.gz', gzipSync(mbox));
  assert.deepEqual(framed.problems, []);
  assert.deepEqual(framed.mails.map((m) => [m.position, m.format]), [[1, 'mbox'], [2, 'mbox']]);
  const bom = frameMail('bom.eml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(message)]));
  assert.equal(bom.mails[0]?.format, 'eml');
});

test('broken gzip, unknown files and oversized messages become problems, not exceptions', () => {
  const broken = frameMail('broken.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
  assert.match(broken.problems[0]!.reason, /cannot unpack gzip/);
  assert.match(frameMail('notes.md', Buffer.from('# notes\n')).problems[0]!.reason, /not mail/);
  const huge = `From a@b Mon Mar  3 10:00:00 2025\n${message}${'x'.repeat(MAX_MESSAGE_BYTES)}\nFrom a@b Mon Mar  3 10:00:00 2025\n${message}`;
  const framed = frameMail('huge.mbox', Buffer.from(huge));
  assert.equal(framed.mails.length, 1, 'the small message survives its huge neighbour');
  assert.equal(framed.mails[0]!.position, 2);
  assert.equal(describeProblem(framed.problems[0]!), 'huge.mbox: message 1: skipped: too large (32.0 MiB, the limit is 32.0 MiB)');
});

test('lists files recursively: maildir cur/ and new/ but not tmp/, no hidden files', () => {
  const root = join(scratch, 'content');
  for (const dir of ['box/cur', 'box/new', 'box/tmp', '.git', 'deep/er']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['box/cur/1:2,S', 'box/new/2', 'box/tmp/3', '.git/config', '.hidden', 'deep/er/x.eml']) writeFileSync(join(root, file), message);
  assert.deepEqual(listContentFiles(root), ['box/cur/1:2,S', 'box/new/2', 'deep/er/x.eml']);
  assert.equal(readContentFile(root, 'box/cur/1:2,S').mails[0]?.format, 'maildir');
  assert.equal(readContentFile(root, 'deep/er/x.eml').mails[0]?.format, 'eml');
  assert.match(readContentFile(root, 'missing.eml').problems[0]!.reason, /cannot read/);
});

test('the notmuch maildir: every message file is framed as maildir', () => {
  const root = corpusPath('notmuch/lkml');
  const files = listContentFiles(root);
  assert.equal(files.length, 210);
  for (const file of files) assert.equal(readContentFile(root, file).mails[0]?.format, 'maildir', file);
});

test('the lore threads sample: 34 mboxrd files, 510 messages', () => {
  const root = corpusPath('lore-linux-leds/threads-sample');
  let count = 0;
  for (const file of listContentFiles(root)) {
    const content = readContentFile(root, file);
    assert.deepEqual(content.problems, []);
    for (const mail of content.mails) assert.equal(mail.format, 'mboxrd');
    count += content.mails.length;
  }
  assert.equal(count, 510);
});

test('symbolic links are never followed: to files or folders, inside or outside, each skipped with a reason', () => {
  const root = join(scratch, 'links', 'content');
  const outside = join(scratch, 'links', 'outside');
  for (const dir of [join(root, 'inner'), outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, 'inner', 'real.eml'), message);
  writeFileSync(join(outside, 'secret.eml'), message.replace('<a@', '<secret@'));
  symlinkSync(join(outside, 'secret.eml'), join(root, 'file-out.eml'));
  symlinkSync(outside, join(root, 'folder-out'));
  symlinkSync(join(root, 'inner', 'real.eml'), join(root, 'file-in.eml'));
  symlinkSync(join(root, 'inner'), join(root, 'folder-in'));
  symlinkSync(join(root, 'loop'), join(root, 'loop'));
  const files = listContentFiles(root);
  assert.deepEqual(files, ['file-in.eml', 'file-out.eml', 'folder-in', 'folder-out', 'inner/real.eml', 'loop']);
  for (const file of [...files.filter((name) => name !== 'inner/real.eml'), 'folder-out/secret.eml', 'folder-in/real.eml']) {
    const read = readContentFile(root, file);
    assert.deepEqual(read.mails, [], file);
    assert.match(read.problems[0]!.reason, /^symbolic link: not followed/, file);
  }
  assert.equal(readContentFile(root, 'inner/real.eml').mails.length, 1);
  assert.match(readContentFile(root, '../outside/secret.eml').problems[0]!.reason, /outside the content folder/);
});
