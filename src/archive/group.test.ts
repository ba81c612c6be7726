import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MailRecord } from '../loader/record.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import { buildArchive } from './group.ts';

function record(fields: Partial<MailRecord> & Pick<MailRecord, 'messageId'>): MailRecord {
  return {
    key: fields.messageId, idSource: 'header', subject: 's', from: { name: '', email: '' }, to: [], cc: [],
    dateSent: null, date: null, inReplyTo: null, references: [], format: 'eml', attachments: [],
    size: 1, file: 'f', position: 1, bodyDigest: 'same', bodyFiles: { json: 0, html: 0 }, links: { messageIds: [], attributionDepths: [] },
    facts: { hasDiff: false, diffDigest: null, commitMessageEnd: 0, commitTrailers: [], replyTrailers: [], changeIds: [], namedMessages: [], proseSketch: '', files: [], inBodyFrom: null, applied: null }, ...fields,
  };
}

test('one message per Message-ID: a copy with the same body merges, a different body is kept beside it', () => {
  const archive = buildArchive([
    record({ messageId: 'a', key: 'k1', file: 'one.mbox', date: '2024-01-02T00:00:00.000Z' }),
    record({ messageId: 'a', key: 'k2', file: 'two.mbox', date: '2024-01-01T00:00:00.000Z' }),
    record({ messageId: 'a', key: 'k3', file: 'three.mbox', bodyDigest: 'other', date: '2024-01-03T00:00:00.000Z' }),
    record({ messageId: 'b', key: 'k4', date: '2024-02-01T00:00:00.000Z' }),
    record({ messageId: 'c', key: 'k5', date: null }),
  ]);
  assert.deepEqual(archive.messages.map((m) => m.id), ['b', 'a', 'c'], 'newest first, undated last');
  const a = archive.byId.get('a')!;
  assert.equal(a.mail.key, 'k2', 'the earliest copy is shown first');
  assert.deepEqual(a.variants.map((v) => v.key), ['k3']);
  assert.equal(a.sources.length, 3);
});

test('the lore threads sample: one message per distinct Message-ID, and the duplicate edge case keeps both bodies', async () => {
  const { records } = await loadMail(corpusPath('lore-linux-leds/threads-sample'));
  const archive = buildArchive(records);
  assert.equal(archive.messages.length, new Set(records.map((r) => r.messageId)).size);
  assert.equal(archive.messages.length, 508);
  const duplicate = archive.byId.get('7c828160-bef6-45b5-60d1-85c6074953c4@ti.com')!;
  assert.equal(duplicate.variants.length, 1);
});
