/**
 * The downloads of the linux-leds threads sample, as a reviewer uses them: a series mbox
 * applied with `git am` in a scratch repository (its pre-images made from the diffs), the raw
 * mails against the messages read from the sample's mbox files, and each thread mbox read back
 * into the thread's mails.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sites } from '../playwright.config.ts';
import { splitMbox } from '../src/ingest/mbox.ts';
import { listContentFiles, readContentFile } from '../src/ingest/read.ts';
import { peekMessageId } from '../src/parse/message-id.ts';
import { preImages } from '../src/testing/patch-pre-images.ts';

const origin = `http://127.0.0.1:${sites.sample.port}`;
test.use({ baseURL: origin });

const SERIES = '20240624-sy7802-v5-0-7abc9d96bfa6@apitzsch.eu';
const patchUrl = (number: number) => `${origin}/m/20240624-sy7802-v5-${number}-7abc9d96bfa6@apitzsch.eu/`;

interface MessageEntry {
  id: string;
  url: string;
  file: string;
  raw: string;
  threadMbox: string;
}

async function bytes(request: APIRequestContext, path: string): Promise<Buffer> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.body();
}

/** A scratch repository holding the files the mbox's patches change; the mbox applied with `git am`; the commit messages, oldest first. */
function gitAm(mbox: Buffer): { status: number | null; output: string; messages: string[] } {
  const repository = mkdtempSync(join(tmpdir(), 'sheaf-git-am-'));
  try {
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: repository,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_COMMITTER_NAME: 'Sheaf Test', GIT_COMMITTER_EMAIL: 'test@sheaf.invalid', GIT_AUTHOR_NAME: 'Sheaf Test', GIT_AUTHOR_EMAIL: 'test@sheaf.invalid' },
      });
    git('init', '-q');
    for (const [path, content] of preImages(mbox.toString('utf8'))) {
      mkdirSync(dirname(join(repository, path)), { recursive: true });
      writeFileSync(join(repository, path), content);
    }
    git('add', '-A');
    git('commit', '-q', '-m', 'pre-images');
    writeFileSync(join(repository, 'series.mbox'), mbox);
    const am = git('am', 'series.mbox');
    const log = git('log', '--reverse', '--format=%an <%ae>%n%B%x00', 'HEAD~3..HEAD');
    return { status: am.status, output: am.stdout + am.stderr, messages: log.stdout.split('\0\n').filter((message) => message.trim()) };
  } finally {
    rmSync(repository, { recursive: true, force: true });
  }
}

test('a series mbox applies with git am, each commit carrying the trailers collected from the review and a Link to its patch', async ({ page, request }) => {
  await page.goto(`/s/${SERIES}/`);
  const mboxUrl = await page.locator('.series-facts .downloads').getByRole('link', { name: 'series.mbox', exact: true }).getAttribute('href');
  expect(mboxUrl).toBe(`/s/${SERIES}/series.mbox`);
  const applied = gitAm(await bytes(request, mboxUrl!));
  expect(applied.status, applied.output).toBe(0);
  expect(applied.messages).toHaveLength(3);
  const [first, second, third] = applied.messages as [string, string, string];
  expect(first).toMatch(/^André Apitzsch <git@apitzsch\.eu>\ndt-bindings: leds: Add Silergy SY7802 flash LED\n/);
  expect(first).toContain(`\nReviewed-by: Rob Herring <robh@kernel.org>\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\nLink: ${patchUrl(1)}\n`);
  expect(first.match(/Reviewed-by: Rob Herring/g), 'a trailer the patch carries is not added again').toHaveLength(1);
  expect(second).toContain(`\nAcked-by: Lee Jones <lee@kernel.org>\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\nLink: ${patchUrl(2)}\n`);
  expect(third).toContain(`\nSigned-off-by: André Apitzsch <git@apitzsch.eu>\nReviewed-by: Konrad Dybcio <konrad.dybcio@linaro.org>\nLink: ${patchUrl(3)}\n`);

  // The Link is the patch's page.
  await page.goto(patchUrl(3));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('[PATCH v5 3/3] arm64: dts: qcom: msm8939-longcheer-l9100: Add rear flash');

  const plain = gitAm(await bytes(request, `/s/${SERIES}/series-plain.mbox`));
  expect(plain.status, plain.output).toBe(0);
  expect(plain.messages.join('\n')).not.toMatch(/Konrad Dybcio|Link:/);
});

test('every raw mail is byte for byte a message of the content file it was read from', async ({ request }) => {
  test.setTimeout(120_000);
  const root = resolve(sites.sample.content);
  const framed = new Map(listContentFiles(root).map((file) => [file, readContentFile(root, file).mails.map((mail) => mail.bytes)]));
  const messages = (await (await request.get('/api/messages.json')).json()) as MessageEntry[];
  expect(messages.length).toBeGreaterThan(500);
  for (const message of messages) {
    const raw = await bytes(request, message.raw);
    expect(framed.get(message.file)!.some((mail) => mail.equals(raw)), message.raw).toBe(true);
  }
});

test('a message page links its raw mail and its thread mbox; the thread mbox reads back into the thread’s mails', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(patchUrl(2).slice(origin.length));
  const downloads = page.locator('.downloads').first();
  await expect(downloads).toHaveText('Download: raw · thread mbox · thread mbox.gz');
  await expect(downloads.getByRole('link', { name: 'raw' })).toHaveAttribute('href', `/m/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu/raw.txt`);
  await expect(downloads.getByRole('link', { name: 'thread mbox', exact: true })).toHaveAttribute('href', `/m/${SERIES}/t.mbox`);
  await expect(downloads.getByRole('link', { name: 'thread mbox.gz' })).toHaveAttribute('href', `/m/${SERIES}/t.mbox.gz`);

  const messages = (await (await request.get('/api/messages.json')).json()) as MessageEntry[];
  const threads = Map.groupBy(messages, (message) => message.threadMbox);
  for (const [path, members] of threads) {
    const mbox = await bytes(request, path);
    expect(gunzipSync(await bytes(request, `${path}.gz`)).equals(mbox), `${path}.gz`).toBe(true);
    const read = splitMbox(mbox).messages;
    const ids = new Set(members.map((member) => member.id));
    expect(read.every((mail) => ids.has(peekMessageId(mail) ?? '')), `${path} holds only its thread's mails`).toBe(true);
    for (const member of members) {
      const raw = await bytes(request, member.raw);
      // Each mail as archived, ended by the blank line an mbox puts before the next `From ` line.
      const found = read.some((mail) => mail.subarray(0, raw.length).equals(raw) && /^\n{0,2}$/.test(mail.subarray(raw.length).toString('latin1')));
      expect(found, `${member.id} in ${path}`).toBe(true);
    }
  }
});
