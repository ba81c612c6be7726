/**
 * Every file of the real-mail corpus gives messages or a reason, and nothing crashes:
 * the MIME torture sets, the fuzzer crashers, maildirs, archive exports.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listContentFiles } from '../ingest/read.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';

const FOLDERS = [
  'ruby-mail', 'stalwart-mail-parser', 'cpython-test-email', 'mimekit', 'mailparser', 'postal-mime',
  'patchwork', 'public-inbox-t', 'perceval', 'notmuch', 'b4', 'lore-linux-leds/threads-sample',
];

for (const folder of FOLDERS) {
  test(`${folder}: every file yields a message or a reason`, async () => {
    const root = corpusPath(folder);
    const loaded = await loadMail(root);
    const accounted = new Set(
      [...loaded.records, ...loaded.problems, ...loaded.identicalCopies].map((found) => found.file),
    );
    const unaccounted = listContentFiles(root).filter((file) => !accounted.has(file));
    assert.deepEqual(unaccounted, []);
    for (const problem of loaded.problems) assert.ok(problem.reason.length > 0);
    for (const record of loaded.records) {
      assert.ok(record.messageId.length > 0 && record.messageId.length <= 998);
      assert.ok(record.date === null || !Number.isNaN(Date.parse(record.date)));
    }
  });
}

test('perceval: pipermail, HyperKitty, mod_mbox and NNTP exports give all 33 messages', async () => {
  const loaded = await loadMail(corpusPath('perceval'));
  assert.equal(loaded.records.length + loaded.identicalCopies.length, 33);
});

test('patchwork: the mail set gives 26 messages, and the fuzzer crashers are messages or reasons', async () => {
  const mail = await loadMail(corpusPath('patchwork/mail'));
  assert.equal(mail.records.length, 26);
  assert.equal(mail.records.filter((r) => r.idSource === 'content').length, 8);
  const fuzz = await loadMail(corpusPath('patchwork/fuzz'));
  assert.equal(fuzz.records.length + fuzz.problems.length, 17);
});
