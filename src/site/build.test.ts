/**
 * The whole build on hostile mail, run in a deep temporary folder: a traversal bug
 * would write where an id points, and there it can only land inside the folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sheaf-build-'));
const deep = join(scratch, 'a', 'b', 'c', 'd', 'e', 'f');
after(() => rmSync(scratch, { recursive: true, force: true }));

const hostile = (id: string, subject: string, body: string, extra = '') =>
  `From ada@example.org Mon Mar  3 10:00:00 2025\nFrom: "<img src=x onerror=alert(1)>" <evil@example.org>\n` +
  `Subject: ${subject}\n${id ? `Message-ID: <${id}>\n` : ''}Date: Mon, 3 Mar 2025 10:00:00 +0000\n${extra}\n${body}\n\n`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

test('hostile mail builds safely and the other mail survives', () => {
  const content = join(deep, 'content');
  mkdirSync(content, { recursive: true });
  writeFileSync(
    join(content, 'hostile.mbox'),
    [
      hostile('../../../etc/passwd', 'traversal', 'id climbs out'),
      hostile('a/b/../../../../x', '<script>alert("subject")</script>', '</pre><script>alert("body")</script>'),
      hostile('%2e%2e%2f@x', 'percent', 'encoded dots'),
      hostile('', 'no id <b>bold</b>', 'a mail without a Message-ID'),
      hostile('dup@x', 'first body', 'one'),
      hostile('dup@x', 'second body', 'two'),
      hostile('ok@example.org', 'an ordinary mail', 'fine', 'In-Reply-To: <../../../etc/passwd>\n'),
    ].join(''),
  );
  writeFileSync(join(content, 'broken.mbox.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
  const out = join(deep, 'dist');
  const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, SHEAF_CONTENT: content, SHEAF_OUT: out, SHEAF_CACHE: join(deep, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const log = result.stdout + result.stderr;
  assert.equal(result.status, 0, log);
  assert.match(log, /broken\.mbox\.gz: skipped: cannot unpack gzip/);
  assert.match(log, /2 files read, 7 mails found: 6 message pages, 0 identical copies, 1 variants, 0 skipped; 1 files without mail; pages: \d+ rendered, 0 reused/);

  // Nothing was written outside the output, cache and content folders.
  assert.deepEqual(readdirSync(scratch), ['a']);
  assert.deepEqual(readdirSync(deep).sort(), ['cache', 'content', 'dist']);
  const files = filesUnder(join(out, 'm'));
  assert.equal(files.filter((file) => file.endsWith('/index.html')).length, 6);
  // Every page and download in a folder named by its slug, never by its id.
  for (const file of files) assert.match(file, /^[A-Za-z0-9._+=@~-]+\/(?:index\.html|raw(?:-\d)?\.txt|t\.mbox(?:\.gz)?)$/);
  for (const name of ['index.html', 'raw.txt', 't.mbox', 't.mbox.gz']) assert.ok(files.includes(`~2E.~2F..~2F..~2Fetc~2Fpasswd/${name}`), name);
  assert.ok(files.includes('dup@x/raw-2.txt'), 'the second mail under one id has its own raw file');
  assert.match(readFileSync(join(out, 'm/~2E.~2F..~2F..~2Fetc~2Fpasswd/raw.txt'), 'utf8'), /^From: "<img src=x onerror=alert\(1\)>" <evil@example\.org>\nSubject: traversal\nMessage-ID: <\.\.\/\.\.\/\.\.\/etc\/passwd>\n/);

  for (const file of filesUnder(out).filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(out, file), 'utf8');
    // Only the site's own external scripts; nothing from the mail becomes an element or attribute.
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc="\/_astro\/[\w.-]+\.js")|<img|<b>|<[^>]*\sonerror=/i, file);
  }
  const messages = JSON.parse(readFileSync(join(out, 'api/messages.json'), 'utf8')) as { id: string; url: string }[];
  assert.equal(messages.length, 6);
  const dup = readFileSync(join(out, 'm/dup@x/index.html'), 'utf8');
  assert.match(dup, /2 different messages were archived under this Message-ID/);
  const ordinary = readFileSync(join(out, 'm/ok@example.org/index.html'), 'utf8');
  assert.match(ordinary, /href="\/m\/~2E.~2F..~2F..~2Fetc~2Fpasswd\/"/, 'the parent link points at the escaped page');
});
