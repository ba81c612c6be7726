import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { MailPool } from './mail-pool.ts';
import type { MailTask } from './mail-work.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-pool-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for mail-worker.ts that speaks its protocol and misbehaves on cue: the mail's text says how. */
const standIn = join(scratch, 'stand-in-worker.mjs');
writeFileSync(
  standIn,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  const text = Buffer.from(task.bytes).toString();
  if (text.startsWith('exit')) process.exit(3);
  if (text.startsWith('throw')) setImmediate(() => { throw new Error('out of cheese'); });
  else if (text.startsWith('hang')) for (;;);
  else parentPort.postMessage({ kind: 'parsed', record: { key: task.key } });
});
parentPort.postMessage('ready');
`,
);

const task = (key: string, text: string): MailTask => ({ key, file: 'list.mbox', position: 1, format: 'mbox', bytes: new Uint8Array(Buffer.from(text)) });

test('a mail that kills, crashes or hangs its worker is unreadable; the worker is replaced and the others load', async () => {
  const pool = new MailPool({ workerFile: pathToFileURL(standIn), size: 2, timeLimitMs: 1000 });
  try {
    const outcomes = await Promise.all([
      pool.run(task('a', 'fine')),
      pool.run(task('b', 'exit')),
      pool.run(task('c', 'hang\nMessage-ID: <stuck@example.org>\n\n')),
      pool.run(task('d', 'throw')),
      pool.run(task('e', 'fine')),
      pool.run(task('f', 'fine')),
    ]);
    assert.deepEqual(outcomes, [
      { kind: 'parsed', record: { key: 'a' } },
      { kind: 'unreadable', messageId: undefined, reason: 'unreadable mail: worker exited with code 3', parserRefused: false },
      { kind: 'unreadable', messageId: 'stuck@example.org', reason: 'unreadable mail: took longer than 1 s', parserRefused: false },
      { kind: 'unreadable', messageId: undefined, reason: 'unreadable mail: worker crashed: out of cheese', parserRefused: false },
      { kind: 'parsed', record: { key: 'e' } },
      { kind: 'parsed', record: { key: 'f' } },
    ]);
  } finally {
    await pool.close();
  }
});

test('a worker script that cannot start fails the pool instead of skipping every mail', async () => {
  const broken = join(scratch, 'broken-worker.mjs');
  writeFileSync(broken, `throw new Error('no such parser');\n`);
  for (const workerFile of [pathToFileURL(broken), pathToFileURL(join(scratch, 'missing-worker.mjs'))]) {
    const pool = new MailPool({ workerFile, size: 2, timeLimitMs: 1000 });
    await assert.rejects(pool.run(task('a', 'fine')), /did not start/);
    await assert.rejects(pool.run(task('b', 'fine')), /did not start/);
    await pool.close();
  }
});
