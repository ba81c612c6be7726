import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { LoaderContext } from 'astro/loaders';
import { readBody, readIngestReport } from './cache.ts';
import { mailLoader } from './mail-loader.ts';
import type { MailRecord } from './record.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-loader-'));
process.env.SHEAF_CACHE = join(scratch, 'cache');
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string | number;
}

/** The part of Astro's loader context the mail loader uses, kept in memory. */
function fakeContext(entries: Map<string, Entry>, logs: string[]): LoaderContext {
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(`warn: ${m}`) };
  return {
    store,
    logger,
    generateDigest: (data: string) => String(data.length) + data.slice(-40),
    config: { root: new URL('../../', import.meta.url), srcDir: new URL('../', import.meta.url) },
  } as unknown as LoaderContext;
}

const mail = (id: string, body: string) => `From: Ada <ada@example.org>\nSubject: ${id}\nMessage-ID: <${id}@example.org>\n\n${body}\n`;
const mboxOf = (...messages: string[]) => messages.map((m) => `From ada@example.org Mon Mar  3 10:00:00 2025\n${m}\n`).join('');

test('parses new mail once, reuses unchanged mail, updates moved mail without parsing, drops removed mail', async () => {
  const content = join(scratch, 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('one', 'first'), mail('two', 'second')));
  writeFileSync(join(content, 'broken.gz'), Buffer.from([0x1f, 0x8b, 0, 0]));
  const entries = new Map<string, Entry>();
  const logs: string[] = [];
  const loader = mailLoader({ contentPath: content });

  await loader.load(fakeContext(entries, logs));
  assert.equal(entries.size, 2);
  assert.match(logs.at(-1)!, /2 files read, 2 mails found: 2 parsed, 0 reused/);
  assert.ok(logs.some((line) => /^warn: broken\.gz: skipped: cannot unpack gzip/.test(line)));
  const one = [...entries.values()].map((e) => e.data as unknown as MailRecord).find((r) => r.subject === 'one')!;
  assert.equal(readBody(one.key).text, 'first\n\n');

  await loader.load(fakeContext(entries, logs));
  assert.match(logs.at(-1)!, /2 mails found: 0 parsed, 2 reused/);

  // A new mail before the others moves them down the file: only the new one is parsed.
  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('zero', 'new'), mail('one', 'first'), mail('two', 'second')));
  await loader.load(fakeContext(entries, logs));
  assert.match(logs.at(-1)!, /3 mails found: 1 parsed, 2 reused/);
  const moved = [...entries.values()].map((e) => e.data as unknown as MailRecord).find((r) => r.subject === 'one')!;
  assert.equal(moved.position, 2);

  writeFileSync(join(content, 'list.mbox'), mboxOf(mail('two', 'second')));
  await loader.load(fakeContext(entries, logs));
  assert.equal(entries.size, 1);
  const report = readIngestReport()!;
  assert.equal(report.files, 2);
  assert.equal(report.skipped.length, 1);
});
