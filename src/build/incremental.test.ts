/**
 * Incremental builds, end to end: real `astro build`s of a small archive of real mail in a
 * copy of the project (so a test may change its lockfile), in a deep temporary folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { authorKey, authorSlug } from '../archive/author.ts';
import type { BuildCounts } from './integration.ts';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const sample = join(repository, '../shared/corpus/lore-linux-leds/threads-sample');
const scratch = mkdtempSync(join(tmpdir(), 'sheaf-incremental-'));
const deep = join(scratch, 'a', 'b', 'c');
after(() => rmSync(scratch, { recursive: true, force: true }));

const SAMPLE_FILES = ['006-add-sy7802-flash-led-driver.mbox', 'edge-git-pull.mbox', 'edge-nak.mbox', 'edge-no-subject.mbox'];
const COVER = '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu';
const PATCH_2 = '20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu';
const SERIES = '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu';
const REPLY_ID = 'incremental-test-reply@example.org';
const REPLY = `From: Rev Iewer <rev@example.org>
To: linux-leds@vger.kernel.org
Subject: Re: [PATCH v5 2/3] leds: sy7802: Add support for Silergy SY7802 flash
Date: Tue, 25 Jun 2024 09:00:00 +0000
Message-ID: <${REPLY_ID}>
In-Reply-To: <${PATCH_2}>
References: <20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu> <${PATCH_2}>

Looks right to me.

Reviewed-by: Rev Iewer <rev@example.org>
`;

/** A copy of the project's build inputs, sharing node_modules. */
function projectCopy(name: string): string {
  const copy = join(deep, name);
  mkdirSync(copy, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'sheaf.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    try {
      cpSync(join(repository, entry), join(copy, entry), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(repository, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

function sampleContent(name: string): string {
  const content = join(deep, name);
  mkdirSync(content, { recursive: true });
  for (const file of SAMPLE_FILES) cpSync(join(sample, file), join(content, file));
  return content;
}

interface Site {
  project: string;
  content: string;
  out: string;
  cache: string;
}

function build(site: Site, env: NodeJS.ProcessEnv = {}): BuildCounts {
  const result = spawnSync(process.execPath, [join(site.project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site.project,
    encoding: 'utf8',
    env: { ...process.env, ...env, SHEAF_CONTENT: site.content, SHEAF_OUT: site.out, SHEAF_CACHE: site.cache, SHEAF_SITE: 'https://archive.example', ASTRO_TELEMETRY_DISABLED: '1', SHEAF_CHECK_KEPT: '1' },
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  return JSON.parse(readFileSync(join(site.cache, 'last-build.json'), 'utf8')) as BuildCounts;
}

/** Every file of a folder: its bytes and when it was last written. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

describe('incremental builds', () => {
  const project = projectCopy('project');
  const site: Site = { project, content: sampleContent('content'), out: join(deep, 'dist'), cache: join(deep, 'cache') };

  it('after adding one reply, only its thread, its series, their mboxes and the listing pages it is on are rendered; the rest is kept as it was', () => {
    const cold = build(site);
    assert.equal(cold.pagesReused, 0);
    const unchanged = build(site);
    assert.equal(unchanged.parsed, 0);
    // Only the one page without a key, /search/, which shows no mail.
    assert.equal(unchanged.pagesRendered, 1);
    // Started another way (`npm run build`, `npx astro build`): the shell's `_` names another command.
    assert.equal(build(site, { _: '/opt/another/bin/npm' }).pagesRendered, 1, 'a build started otherwise keeps every page');

    const before = snapshot(site.out);
    writeFileSync(join(site.content, 'new-reply.eml'), REPLY);
    const counts = build(site);
    assert.equal(counts.parsed, 1, 'exactly one mail parsed');
    // Every other thread keeps its pages' keys without making their data (SHEAF_CHECK_KEPT makes it anyway, to compare).
    assert.ok(counts.threads > 1 && counts.threadsKept === counts.threads - 1, `threads kept: ${counts.threadsKept} of ${counts.threads}`);
    const after = snapshot(site.out);

    const seriesAuthor = (JSON.parse(readFileSync(join(site.out, 'api/series.json'), 'utf8')) as { id: string; author: { name: string; email: string } }[]).find((series) => series.id === SERIES)!.author;
    // The pages of the files and folders its series touches: their rows show the series' replies and review.
    const filePages = (JSON.parse(readFileSync(join(site.out, 'api/files.json'), 'utf8')) as { url: string; series: string[] }[])
      .filter((file) => file.series.includes(SERIES))
      .map((file) => `${file.url.slice(1)}index.html`);
    const rewritten = [...after].filter(([path, file]) => before.get(path)?.mtimeMs !== file.mtimeMs).map(([path]) => path);
    const thread = readdirSync(join(site.out, 'm')).filter((slug) => slug.startsWith('20240624-sy7802-v5-') || slug === REPLY_ID || slug.endsWith('b4-ty@kernel.org') || slug.endsWith('@linaro.org'));
    const allowed = new Set([
      ...thread.map((slug) => `m/${slug}/index.html`),
      `m/${REPLY_ID}/raw.txt`,
      `m/${COVER}/t.mbox`, `m/${COVER}/t.mbox.gz`,
      `s/${COVER}/index.html`, `s/${COVER}/series.mbox`, `s/${COVER}/feed.atom`, 'feeds/messages.atom',
      `s/${COVER}/read/index.html`, `t/${COVER}/index.html`,
      'index.html', 'messages/index.html', 'subjects/index.html', 'search/index.html',
      'page/2024-06/index.html', 'messages/page/2024-06/index.html', 'subjects/a/index.html',
      // The month it was sent in, and the overview's counts.
      'd/index.html', 'd/2024-06/index.html',
      // The reviewer's page, and the series author's (its row shows the reply and the review).
      `a/${authorSlug(authorKey({ name: '', email: 'rev@example.org' })!)}/index.html`,
      `a/${authorSlug(authorKey(seriesAuthor)!)}/index.html`,
      'api/messages.json', 'api/series.json', 'api/report.json',
      // The page of the series' state (applied: b4 thanked for it), whose row shows the reply.
      'state/applied/index.html',
      'api/files.json',
      ...filePages,
    ]);
    // Vite copies public/ (the favicon) into every build: the same bytes, checked below.
    const publicFiles = new Set(readdirSync(join(project, 'public')));
    const unexpected = rewritten.filter((path) => !allowed.has(path) && !path.startsWith('search/') && !path.startsWith('_astro/') && !publicFiles.has(path));
    assert.deepEqual(unexpected, [], 'no other page is written again');
    const search = rewritten.filter((path) => path.startsWith('search/'));
    // The manifest, the reply's row, its day files, its Message-ID's shard, and the shards of its words; sent before the
    // sample's newest mail, it also renumbers the messages after it, and so their detail chunks and the shards under new/
    // (the sample is all new/, its packs of a few KB each: the renumbered messages are in most of them), and fields.json.
    assert.ok(search.length <= 28, `a few search index files at most: ${search.join(' ')}`);
    assert.ok(counts.pagesRendered <= allowed.size + search.length, `rendered ${counts.pagesRendered}`);
    for (const [path, file] of before) {
      if (!rewritten.includes(path)) assert.deepEqual(after.get(path)?.bytes, file.bytes, `${path} is byte-identical`);
    }

    const messagesApi = JSON.parse(readFileSync(join(site.out, 'api/messages.json'), 'utf8')) as { id: string }[];
    assert.ok(messagesApi.some((message) => message.id === REPLY_ID), 'the JSON API, linked into place from where it was set aside, has the reply');
    const replyPage = readFileSync(join(site.out, 'm', REPLY_ID, 'index.html'), 'utf8');
    assert.match(replyPage, /Looks right to me\./);
    assert.match(replyPage, new RegExp(`href="/m/${PATCH_2.replace(/\./g, '\\.')}/"`), 'the reply links up to its patch');
    const parentPage = readFileSync(join(site.out, 'm', PATCH_2, 'index.html'), 'utf8');
    assert.match(parentPage, new RegExp(`href="/m/${REPLY_ID}/"`), "the patch's thread shows the reply");
    const seriesPage = readFileSync(join(site.out, `s/${COVER}/index.html`), 'utf8');
    assert.match(seriesPage, /Rev Iewer/, 'the series page counts the review');
    assert.ok(rewritten.includes(`m/${COVER}/t.mbox`) && rewritten.includes(`s/${COVER}/series.mbox`), "the thread's and the series' mboxes are written again");
    assert.ok(!rewritten.includes(`s/${COVER}/series-plain.mbox`), 'the patches as sent did not change');
    assert.ok(!rewritten.includes('feeds/series.atom'), 'a reply starts no series');
    assert.match(readFileSync(join(site.out, `s/${COVER}/feed.atom`), 'utf8'), new RegExp(`<id>https://archive\\.example/m/${REPLY_ID}/</id>`), "the series' feed has the reply");
    assert.equal(readFileSync(join(site.out, 'm', REPLY_ID, 'raw.txt'), 'utf8'), REPLY, 'the raw mail is the file as written');
    assert.match(readFileSync(join(site.out, `m/${COVER}/t.mbox`), 'utf8'), /\nLooks right to me\.\n/);
    const trailers = `\nAcked-by: Lee Jones <lee@kernel.org>\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\nReviewed-by: Rev Iewer <rev@example.org>\nLink: https://archive.example/m/${PATCH_2}/\n---\n`;
    assert.ok(readFileSync(join(site.out, `s/${COVER}/series.mbox`), 'utf8').includes(trailers), 'patch 2 carries the new review, then its link');
  });

  it('equals a build from nothing, file for file', () => {
    const fresh: Site = { ...site, project: projectCopy('project-fresh'), out: join(deep, 'dist-fresh'), cache: join(deep, 'cache-fresh') };
    build(fresh);
    const [incremental, fromNothing] = [snapshot(site.out), snapshot(fresh.out)];
    assert.deepEqual([...incremental.keys()].sort(), [...fromNothing.keys()].sort());
    for (const [path, file] of fromNothing) assert.ok(incremental.get(path)!.bytes.equals(file.bytes), `${path} differs`);
  });

  it('a page made while a cached body was damaged is made again once the next build has read the mail again', () => {
    const key = createHash('sha256').update(readFileSync(join(site.out, 'm', PATCH_2, 'raw.txt'))).digest('hex').slice(0, 40);
    const html = join(site.cache, 'bodies', key.slice(0, 2), `${key}.html`);
    // Damaged in place, its size kept: the loader's size check passes, the page's read fails.
    const bytes = readFileSync(html);
    bytes[0] = 'x'.charCodeAt(0);
    writeFileSync(html, bytes);
    const unavailable = /could not be read from the build cache/;
    const page = () => readFileSync(join(site.out, 'm', PATCH_2, 'index.html'), 'utf8');
    const second = join(site.content, 'second-reply.eml');
    writeFileSync(second, REPLY.replace(REPLY_ID, 'incremental-test-second-reply@example.org').replace('Looks right to me.', 'Still looks right.'));
    build(site);
    assert.match(page(), unavailable, 'the reply makes the page again, from the damaged body');
    const healed = build(site);
    assert.equal(healed.parsed, 1, 'the mail is read again');
    assert.doesNotMatch(page(), unavailable);
    assert.match(page(), /sy7802/);
    rmSync(second);
    build(site);
    assert.doesNotMatch(page(), unavailable);
  });

  it('the same mail under other file names, in other folders and another order, gives the same files', () => {
    const renamed = join(deep, 'renamed-content');
    const names = readdirSync(site.content).sort();
    // Reversed order, other names, nested folders: nothing of it may show on a page.
    names.forEach((name, index) => {
      const folder = join(renamed, `folder-${names.length - index}`, 'inner');
      mkdirSync(folder, { recursive: true });
      cpSync(join(site.content, name), join(folder, `${String.fromCharCode(122 - index)}-renamed${name.slice(name.lastIndexOf('.'))}`));
    });
    const other: Site = { project: projectCopy('project-renamed'), content: renamed, out: join(deep, 'dist-renamed'), cache: join(deep, 'cache-renamed') };
    build(other);
    const [original, moved] = [snapshot(site.out), snapshot(other.out)];
    assert.deepEqual([...moved.keys()].sort(), [...original.keys()].sort());
    // messages.json names each message's content file (docs/api.md): that field alone differs.
    const withoutFiles = (bytes: Buffer) => (JSON.parse(bytes.toString('utf8')) as { file: string }[]).map(({ file: _file, ...entry }) => entry);
    for (const [path, file] of original) {
      if (path === 'api/messages.json') assert.deepEqual(withoutFiles(moved.get(path)!.bytes), withoutFiles(file.bytes));
      else assert.ok(moved.get(path)!.bytes.equals(file.bytes), `${path} differs`);
    }
  });

  it('a removed mail takes its page and its raw mail with it, and the page of its sender, who sent nothing else', () => {
    rmSync(join(site.content, 'new-reply.eml'));
    const counts = build(site);
    assert.equal(counts.staleRemoved, 3);
    assert.throws(() => statSync(join(site.out, 'm', REPLY_ID, 'raw.txt')));
    assert.throws(() => statSync(join(site.out, 'm', REPLY_ID)));
    assert.throws(() => statSync(join(site.out, 'a', authorSlug(authorKey({ name: '', email: 'rev@example.org' })!))));
  });

  it('a change of the code that makes the pages can change which pages there are', () => {
    const pagination = join(project, 'src/site/pagination.ts');
    const source = readFileSync(pagination, 'utf8');
    const onePerPage = source.replace(/MESSAGE_PAGES: AnchoredList = \{ base: '\/messages\/page\/', size: \d+ \}/, "MESSAGE_PAGES: AnchoredList = { base: '/messages/page/', size: 1 }");
    assert.notEqual(onePerPage, source);
    writeFileSync(pagination, onePerPage);
    try {
      build(site);
      assert.ok(statSync(join(site.out, 'messages/page/2024-06/2/index.html')).isFile(), 'a month cut into pages of one message');
    } finally {
      writeFileSync(pagination, source);
    }
    build(site);
    assert.throws(() => statSync(join(site.out, 'messages/page/2024-06/2/index.html')), 'and back');
  });

  it('a new dependency version renders every page again', () => {
    const lockfile = join(project, 'package-lock.json');
    const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, { version?: string }> };
    lock.packages['node_modules/shiki']!.version = '0.0.0-sheaf-test';
    writeFileSync(lockfile, JSON.stringify(lock, null, 2));
    const counts = build(site);
    // Files keyed by their own bytes alone are kept when those come out the same: the raw mails
    // (the mails as archived, which no dependency changes), the search index (made again from
    // the terms of every mail parsed again, here the same terms) and the JSON API. The mboxes
    // and feeds are keyed by the data they are made from and the code that makes them.
    const rawFiles = readdirSync(join(site.out, 'm'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).flatMap(({ name: slug }) => readdirSync(join(site.out, 'm', slug)).filter((name) => /^raw(-\d+)?\.txt$/.test(name)));
    const searchFiles = readdirSync(join(site.out, 'search'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
    const apiFiles = readdirSync(join(site.out, 'api'));
    assert.ok(rawFiles.length > 0 && searchFiles.length > 0 && apiFiles.length > 0);
    assert.equal(counts.pagesReused, rawFiles.length + searchFiles.length + apiFiles.length);
    assert.equal(counts.reused, 0, 'every mail parsed and rendered again');
    assert.ok(counts.parsed > 0);
  });
});
