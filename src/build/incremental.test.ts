/**
 * Incremental builds, end to end: real `astro build`s of a small archive of real mail in a
 * copy of the project (so a test may change its lockfile), in a deep temporary folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
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

function build(site: Site): BuildCounts {
  const result = spawnSync(process.execPath, [join(site.project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site.project,
    encoding: 'utf8',
    env: { ...process.env, SHEAF_CONTENT: site.content, SHEAF_OUT: site.out, SHEAF_CACHE: site.cache, ASTRO_TELEMETRY_DISABLED: '1' },
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

  it('after adding one reply, only its thread, its series and the listing pages it is on are rendered; the rest is kept as it was', () => {
    const cold = build(site);
    assert.equal(cold.pagesReused, 0);
    const unchanged = build(site);
    assert.equal(unchanged.parsed, 0);
    // Only the one page without a key, /search/, which shows no mail.
    assert.equal(unchanged.pagesRendered, 1);

    const before = snapshot(site.out);
    writeFileSync(join(site.content, 'new-reply.eml'), REPLY);
    const counts = build(site);
    assert.equal(counts.parsed, 1, 'exactly one mail parsed');
    const after = snapshot(site.out);

    const seriesAuthor = (JSON.parse(readFileSync(join(site.out, 'api/series.json'), 'utf8')) as { id: string; author: { name: string; email: string } }[]).find((series) => series.id === SERIES)!.author;
    const rewritten = [...after].filter(([path, file]) => before.get(path)?.mtimeMs !== file.mtimeMs).map(([path]) => path);
    const thread = readdirSync(join(site.out, 'm')).filter((slug) => slug.startsWith('20240624-sy7802-v5-') || slug === REPLY_ID || slug.endsWith('b4-ty@kernel.org') || slug.endsWith('@linaro.org'));
    const allowed = new Set([
      ...thread.map((slug) => `m/${slug}/index.html`),
      's/20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu/index.html',
      's/20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu/read/index.html',
      't/20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu/index.html',
      'index.html', 'messages/index.html', 'subjects/index.html', 'search/index.html',
      'page/2024-06/index.html', 'messages/page/2024-06/index.html', 'subjects/a/index.html',
      // The month it was sent in, and the overview's counts.
      'd/index.html', 'd/2024-06/index.html',
      // The reviewer's page, and the series author's (its row shows the reply and the review).
      `a/${authorSlug(authorKey({ name: '', email: 'rev@example.org' })!)}/index.html`,
      `a/${authorSlug(authorKey(seriesAuthor)!)}/index.html`,
      'api/messages.json', 'api/series.json', 'api/report.json',
    ]);
    // Vite copies public/ (the favicon) into every build: the same bytes, checked below.
    const publicFiles = new Set(readdirSync(join(project, 'public')));
    const unexpected = rewritten.filter((path) => !allowed.has(path) && !path.startsWith('search/') && !path.startsWith('_astro/') && !publicFiles.has(path));
    assert.deepEqual(unexpected, [], 'no other page is written again');
    assert.ok(rewritten.filter((path) => path.startsWith('search/')).length <= 4, 'a few search index files at most');
    assert.ok(counts.pagesRendered <= allowed.size + 4, `rendered ${counts.pagesRendered}`);
    for (const [path, file] of before) {
      if (!rewritten.includes(path)) assert.deepEqual(after.get(path)?.bytes, file.bytes, `${path} is byte-identical`);
    }

    const replyPage = readFileSync(join(site.out, 'm', REPLY_ID, 'index.html'), 'utf8');
    assert.match(replyPage, /Looks right to me\./);
    assert.match(replyPage, new RegExp(`href="/m/${PATCH_2.replace(/\./g, '\\.')}/"`), 'the reply links up to its patch');
    const parentPage = readFileSync(join(site.out, 'm', PATCH_2, 'index.html'), 'utf8');
    assert.match(parentPage, new RegExp(`href="/m/${REPLY_ID}/"`), "the patch's thread shows the reply");
    const seriesPage = readFileSync(join(site.out, 's/20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu/index.html'), 'utf8');
    assert.match(seriesPage, /Rev Iewer/, 'the series page counts the review');
  });

  it('equals a build from nothing, file for file', () => {
    const fresh: Site = { ...site, project: projectCopy('project-fresh'), out: join(deep, 'dist-fresh'), cache: join(deep, 'cache-fresh') };
    build(fresh);
    const [incremental, fromNothing] = [snapshot(site.out), snapshot(fresh.out)];
    assert.deepEqual([...incremental.keys()].sort(), [...fromNothing.keys()].sort());
    for (const [path, file] of fromNothing) assert.ok(incremental.get(path)!.bytes.equals(file.bytes), `${path} differs`);
  });

  it('a removed mail takes its page with it, and the page of its sender, who sent nothing else', () => {
    rmSync(join(site.content, 'new-reply.eml'));
    const counts = build(site);
    assert.equal(counts.staleRemoved, 2);
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
    assert.equal(counts.pagesReused, 0);
    assert.equal(counts.reused, 0, 'every mail parsed and rendered again');
    assert.ok(counts.parsed > 0);
  });
});
