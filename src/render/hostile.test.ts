/**
 * Hostile mail through parse and render, the way the loader takes it: inputs of a few
 * megabytes built to make a regular expression backtrack, the stack overflow or a grammar
 * stall. Each must parse and render within a generous bound (these test linearity, not
 * speed: a quadratic step takes minutes on such inputs), keep its text, and never throw.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { frameMail } from '../ingest/read.ts';
import { parseMail } from '../parse/index.ts';
import { threadMilliseconds } from './highlighter.ts';
import { MAX_RENDERED_LINES, renderBody, renderPlainBody } from './index.ts';

/**
 * Milliseconds of this thread's CPU time per mail, parse and render: the 2 s no mail may cost (a
 * quadratic step takes minutes here). CPU time, not wall time, so a machine busy with other work
 * does not fail the test.
 */
const BOUND = 2000;

const MB = 1024 * 1024;

function eml(body: string, headers = 'Content-Type: text/plain; charset=utf-8\n'): Buffer {
  return Buffer.from(`From: Ada <ada@example.org>\nSubject: hostile\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n${headers}\n${body}`);
}

/** Frames, parses and renders one file's bytes as the loader does (plain text when the renderer refuses); the time and what came out. */
async function load(bytes: Buffer): Promise<{ ms: number; html: string[]; problems: string[] }> {
  const start = threadMilliseconds();
  const framed = frameMail('hostile.eml', bytes);
  const html: string[] = [];
  const problems = framed.problems.map((problem) => problem.reason);
  for (const raw of framed.mails) {
    let body;
    try {
      body = (await parseMail(raw)).body;
    } catch (error) {
      problems.push(`unreadable mail: ${(error as Error).message}`);
      continue;
    }
    html.push(await renderBody(body).catch((error: Error) => (problems.push(`shown as plain text: ${error.message}`), renderPlainBody(body).html)));
  }
  return { ms: threadMilliseconds() - start, html, problems };
}

const attacks: Record<string, () => Buffer> = {
  '2 MB of blanks, then a letter': () => eml(`${' '.repeat(2 * MB)}x\n`),
  '2 MB of blanks and tabs on many lines, no Message-ID': () => eml(`${' \t'.repeat(1000)}x\n`.repeat(1000)),
  '1 MB of ) after a URL': () => eml(`see https://example.org/${')'.repeat(MB)}\n`),
  '1 MB of (': () => eml(`https://example.org/${'('.repeat(MB)}\n`),
  '1 MB of <': () => eml(`${'<'.repeat(MB)}\n`),
  '1 MB of <a@': () => eml(`${'<a@'.repeat(MB / 3)}\n`),
  'a 1 MB line': () => eml(`${'word '.repeat(MB / 5)}\n`),
  '50,000 hunk headers': () => eml('@@ -1,1 +1,1 @@\n'.repeat(50_000)),
  '20,000 file headers with hunks': () => eml('diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n'.repeat(20_000)),
  '32 MiB of empty lines': () => eml('\n'.repeat(32 * MB - 200)),
  'thousands of quote levels': () => eml(`${'> '.repeat(20_000)}deep\n`.repeat(20)),
  '1 MB of diffstat-like lines': () => eml(`${'a'.padEnd(380)}|x\n`.repeat(2500)),
  'renames in braces': () => eml(` {${' => {'.repeat(60)} | 1 +\n`.repeat(5000)),
  '30,000 PGP BEGIN lines': () => eml('-----BEGIN PGP SIGNATURE-----\n'.repeat(30_000)),
  'wrote: lines full of blanks': () => eml(`On a${' '.repeat(2000)}b wrote:\n> x\n`.repeat(500)),
  'a trailer naming a megabyte of addresses': () => eml(`Reviewed-by: <${'a@'.repeat(MB / 2)}\n`),
  'trailers up to the line bound': () => eml('Reviewed-by: Someone Else <someone@example.org>\n'.repeat(MAX_RENDERED_LINES - 10)),
  '50,000 trailers': () => eml('Reviewed-by: Someone Else <someone@example.org>\n'.repeat(50_000)),
  'separators before a version in the subject': () => eml('x\n', `Subject: [PATCH] ${'-'.repeat(100_000)} v2\n`),
  'HTML nested 100,000 deep': () => eml(`${'<div>'.repeat(100_000)}text\n`, 'Content-Type: text/html\n'),
  'a Date of a megabyte of (': () => eml('x\n', `Date: ${'('.repeat(MB)}\n`),
  'a zero-byte file': () => Buffer.alloc(0),
  'random binary': () => randomBytes(2 * MB),
  'random binary after headers': () => Buffer.concat([eml(''), randomBytes(2 * MB)]),
  'UTF-7 body': () => eml(`${'+AGEAYgBj-'.repeat(100_000)}\n`, 'Content-Type: text/plain; charset=utf-7\n'),
  'UTF-16 body': () =>
    eml(
      `${Buffer.from(`\ufeff${'hello world\n'.repeat(50_000)}`, 'utf16le').toString('base64')}\n`,
      'Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n',
    ),
  'an unknown charset': () => eml('caf\xe9\n', `Content-Type: text/plain; charset=x-${'a'.repeat(10_000)}\n`),
  'dates before 1900 and after 9999': () => eml('x\n', 'Date: Mon, 1 Jan 1899 00:00:00 +0000\n'),
  '10,000 References with a loop': () =>
    eml('x\n', `References: ${Array.from({ length: 10_000 }, (_, i) => `<r${i % 100}@x>`).join('\n ')}\n`),
  'MIME nested 300 deep': () => {
    const open = Array.from({ length: 300 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`).join('');
    const close = Array.from({ length: 300 }, (_, i) => `--b${299 - i}--\n`).join('');
    return eml(`${open}Content-Type: text/plain\n\nhello\n${close}`, '');
  },
};

describe('hostile mail is parsed and rendered in bounded time', () => {
  for (const [name, make] of Object.entries(attacks)) {
    it(name, async (t) => {
      const bytes = make();
      const { ms, html, problems } = await load(bytes);
      t.diagnostic(`${Math.round(ms)} ms of CPU`);
      assert.ok(ms < BOUND, `${name}: ${Math.round(ms)} ms`);
      assert.ok(html.length + problems.length > 0, 'a mail or a reason');
      for (const reason of problems) assert.ok(reason.length > 0);
    });
  }
});
