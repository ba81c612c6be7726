/**
 * Where the series of a whole list stand (src/archive/state.ts): how many are applied,
 * superseded, NAKed, with changes requested, reviewed and waiting, and a sample of the applied
 * ones with the mail that says so, to check by hand:
 *
 *   nice node_modules/.bin/node bench/states.ts [path] [--sample N]
 *
 * `path` is a mail file or folder; without one, the whole linux-leds list, unpacked from the
 * shared corpus into a temporary folder (never into the repository). Runs the archive stage
 * directly on parsed mail, as the tests do (src/testing/corpus.ts), without an Astro build.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReviewArchive } from '../src/archive/index.ts';
import { hasInterdiffs, versionComparison } from '../src/archive/changes.ts';
import { fileIndex } from '../src/archive/files.ts';
import { SERIES_STATES } from '../src/archive/state.ts';
import { corpusPath, loadMail } from '../src/testing/corpus.ts';

const args = process.argv.slice(2);
const sampleAt = args.indexOf('--sample');
const sampleSize = sampleAt === -1 ? 10 : Number(args[sampleAt + 1]);
const pathArg = args.find((arg, index) => !arg.startsWith('--') && index !== sampleAt + 1);

let scratch: string | null = null;
let path = pathArg;
if (!path) {
  scratch = mkdtempSync(join(tmpdir(), 'sheaf-bench-states-'));
  path = join(scratch, 'linux-leds.mbox');
  const fd = openSync(path, 'w');
  const unpack = spawnSync('xz', ['-dc', corpusPath('lore-linux-leds/linux-leds.mbox.xz')], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (unpack.status !== 0) throw new Error('xz -dc failed');
}
try {
  const loaded = await loadMail(path);
  const review = buildReviewArchive(loaded.records, (key) => loaded.bodies.get(key)!);
  console.log(`${loaded.records.length} mails, ${review.series.length} series`);
  const counts = new Map<string, number>();
  for (const state of review.states.values()) counts.set(state.name, (counts.get(state.name) ?? 0) + 1);
  for (const { name, label } of SERIES_STATES) console.log(`  ${label}: ${counts.get(name) ?? 0}`);
  const applied = review.series.filter((series) => review.states.get(series.id)!.name === 'applied').sort((a, b) => (a.id < b.id ? -1 : 1));
  const partly = applied.filter((series) => {
    const state = review.states.get(series.id)!;
    const patches = new Set(state.applied.flatMap((one) => one.patches));
    return series.patches.some((patch) => patch.node?.message && !patches.has(patch.number));
  }).length;
  console.log(`  of the applied, ${partly} only in part (some archived patches named by no notice)`);
  const superseded = [...review.states.values()].filter((state) => state.name === 'superseded').length;
  const appliedAndNewer = applied.filter((series) => review.states.get(series.id)!.supersededBy).length;
  console.log(`  applied with a later version too: ${appliedAndNewer}; superseded and not applied: ${superseded}`);
  // What the other review answers add to a build: interdiff pages and file and folder pages (each with a feed).
  const interdiffPages = review.series.filter((series) => {
    const previous = review.versions.get(series.id)?.previous;
    return previous && hasInterdiffs(versionComparison(previous, series, review.facts));
  }).length;
  const files = fileIndex(review.series).entries;
  console.log(`  interdiff pages: ${interdiffPages}; file and folder pages: ${files.length} (${files.filter((entry) => entry.file).length} files), each with a feed`);
  // Every k-th applied series, by id: the same sample on every run.
  const step = Math.max(1, Math.floor(applied.length / sampleSize));
  console.log(`\nsample of ${sampleSize} applied series (every ${step}th by id):`);
  for (let index = 0; index < applied.length && index / step < sampleSize; index += step) {
    const series = applied[index]!;
    const state = review.states.get(series.id)!;
    console.log(`- [v${series.version}, ${series.total}] ${series.title}  (${series.author.name}, ${series.firstDate?.slice(0, 10)})`);
    for (const one of state.applied) {
      const message = review.archive.byId.get(one.messageId)!;
      const body = loaded.bodies.get(message.mail.key)!.text;
      const line = body.split('\n').find((text) => /^\s*(?:thanks|thank you|applied|queued|merged|picked|pushed|this (?:series|patch))/i.test(text) && !text.startsWith('>'))?.trim();
      console.log(`    ${one.by.name} <${one.by.email}>${one.to ? ` to ${one.to}` : ''}, patches ${one.patches.join(',')}: "${line ?? ''}"  <${one.messageId}>`);
    }
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
