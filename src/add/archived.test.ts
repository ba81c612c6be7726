import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import { parseMail } from '../parse/index.ts';
import { parseMime } from '../parse/mime.ts';
import { corpusPath } from '../testing/corpus.ts';
import { findArchived, headerBlock } from './archived.ts';
import { isArchivePage } from './file-name.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-add-archived-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const quiet = { write: () => true };

test('the header block ends at the first line of nothing but carriage returns, as postal-mime ends it', () => {
  const block = (text: string) => headerBlock(Buffer.from(text)).toString();
  assert.equal(block('A: 1\nB: 2\n\nbody\n\nmore'), 'A: 1\nB: 2\n\n');
  assert.equal(block('A: 1\r\nB: 2\r\n\r\nbody'), 'A: 1\r\nB: 2\r\n\r\n');
  assert.equal(block('A: 1\n\r\r\nbody'), 'A: 1\n\r\r\n');
  assert.equal(block('A: 1\n \r\nstill a header\n\nbody'), 'A: 1\n \r\nstill a header\n\n');
  assert.equal(block('A: 1\nno blank line'), 'A: 1\nno blank line');
  assert.equal(block('\nbody'), '\n');
});

test('across the corpus, the header block alone gives every Message-ID the whole mail gives', async () => {
  let compared = 0;
  // The torture and real-world folders that parse quickly: broken headers, charsets, CRLF, duplicate ids.
  for (const folder of ['ruby-mail', 'stalwart-mail-parser', 'notmuch', 'patchwork', 'postal-mime', 'cpython-test-email']) {
    const root = corpusPath(folder);
    for (const file of listContentFiles(root)) {
      for (const raw of readContentFile(root, file).mails) {
        if (isArchivePage(raw.format)) continue;
        const whole = await parseMail(raw).catch(() => null);
        if (whole?.idSource !== 'header') continue;
        assert.equal((await parseMime(headerBlock(raw.bytes))).messageId, whole.messageId, `${folder}/${file}: message ${raw.position}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `${compared} compared`);
});

test('finds wanted ids in any file the build reads, by Message-ID or by content id; a missing folder holds none', async () => {
  const root = join(scratch, 'found', 'content');
  mkdirSync(join(root, 'pages'), { recursive: true });
  writeFileSync(join(root, 'pages', 'saved.txt'), readFileSync(corpusPath('seed-lkml-iu-edu.txt')));
  writeFileSync(join(root, 'series.mbox'), readFileSync(corpusPath('b4/shazam-git1-just-series.mbox')));
  const wanted = new Set(['20221025-test1-v1-2-e4f28f57990c@linuxfoundation.org', '731e8ee747ecd34a11ece3fc7c3b7b4c@content.sheaf.invalid', 'absent@example.org']);
  const archived = await findArchived(root, wanted, quiet);
  assert.deepEqual(archived.found, new Map([
    ['731e8ee747ecd34a11ece3fc7c3b7b4c@content.sheaf.invalid', 'pages/saved.txt'],
    ['20221025-test1-v1-2-e4f28f57990c@linuxfoundation.org', 'series.mbox'],
  ]));
  assert.deepEqual([archived.files, archived.mails], [2, 6]);
  assert.deepEqual(await findArchived(join(scratch, 'missing'), wanted, quiet), { found: new Map(), files: 0, mails: 0 });
});

test('a mail the build refuses does not count as archived, though its header names the id', async () => {
  const root = join(scratch, 'refused', 'content');
  mkdirSync(root, { recursive: true });
  // Deeper than postal-mime's 256 levels of MIME nesting: the header reads, the mail does not.
  const nested = Array.from({ length: 300 }, (_, depth) => `Content-Type: multipart/mixed; boundary="b${depth}"\n\n--b${depth}\n`).join('');
  const broken = `From: Ada <ada@example.org>\nSubject: deep\nMessage-ID: <deep@example.org>\nMIME-Version: 1.0\n${nested}`;
  writeFileSync(join(root, 'broken.eml'), broken);
  await assert.rejects(parseMail({ file: 'broken.eml', position: 1, format: 'eml', bytes: Buffer.from(broken) }), /nesting/);
  const archived = await findArchived(root, new Set(['deep@example.org']), quiet);
  assert.deepEqual(archived.found, new Map());
  assert.equal(archived.mails, 1);
});
