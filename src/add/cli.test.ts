import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { listContentFiles } from '../ingest/read.ts';
import { corpusPath } from '../testing/corpus.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sheaf-add-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const content = join(scratch, 'a', 'deep', 'er', 'content');

/** `npm run add -- …args` as npm runs it: Node 24 from node_modules, in the project folder, from where the user typed it (INIT_CWD). */
function npmRunAdd(args: string[], input: Buffer | string, typedIn: string) {
  const run = spawnSync(join(project, 'node_modules/.bin/node'), ['src/add/cli.ts', ...args], {
    cwd: project,
    input,
    env: { ...process.env, SHEAF_CONTENT: content, INIT_CWD: typedIn },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout.split('\n').filter(Boolean), stderr: run.stderr.split('\n').filter(Boolean) };
}

test('npm run add, end to end: files from the command line and standard input, then the same again with a bad one', () => {
  // Relative to where the command was typed, as a user types them.
  const first = npmRunAdd(['b4/shazam-git1-just-series.mbox', '-'], readFileSync(corpusPath('seed-lkml-iu-edu.txt')), corpusPath());
  assert.equal(first.status, 0, first.stderr.join('\n'));
  assert.equal(first.stdout.length, 8);
  assert.match(first.stdout[0]!, /^added: .*content\/2022\/10\/2022-10-25-this-is-a-cover-for-test-series-1\.eml {2}\(b4\/shazam-git1-just-series\.mbox: message 1 <20221025-test1-v1-0-e4f28f57990c@linuxfoundation\.org>\)$/);
  assert.match(first.stdout[5]!, /^added: .*2023-01-17-re-iommu-.*\.txt {2}\(standard input <[0-9a-f]{32}@content\.sheaf\.invalid>\)$/);
  assert.equal(first.stdout[6], '6 added, 0 skipped, 0 refused');
  assert.equal(first.stdout[7], `Rebuild the site with \`SHEAF_CONTENT=${content} npm run build\`: it is incremental, so only the new mail is parsed and only the pages that show it are written.`);
  assert.deepEqual(first.stderr.filter((line) => !line.startsWith('content files checked')), []);

  const notes = join(scratch, 'notes.md');
  writeFileSync(notes, '# not mail\n');
  const second = npmRunAdd(['../shared/corpus/b4/shazam-git1-just-series.mbox', notes], '', project);
  assert.equal(second.status, 1, 'a refused input fails the run');
  assert.match(second.stdout[0]!, /^skipped: \.\.\/shared\/corpus\/b4\/shazam-git1-just-series\.mbox: message 1 <[^>]+>: already archived in .*2022-10-25-this-is-a-cover-for-test-series-1\.eml$/);
  assert.match(second.stdout.at(-1)!, /^0 added, 5 skipped, 1 refused \(checked 6 mails in 6 content files in \d+\.\d s\)$/);
  assert.deepEqual(second.stderr, [`refused: ${notes}: not mail: no mbox "From " line, no message headers, no archive page layout`]);
  assert.equal(listContentFiles(content).length, 6);

  const usage = npmRunAdd([], '', project);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr[0]!, /^usage: npm run add -- FILE\.\.\./);
});
