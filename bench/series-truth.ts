/**
 * Series truth over a whole list: how many version links of each kind, series and threads of
 * each odd shape the archive stage makes of the linux-leds list (23,200 mails). It reads and
 * parses the mail as the build does (`src/testing/corpus.ts`) and runs the archive stage
 * alone (`buildReviewArchive`, `seriesApi`), without Astro, so it takes about a minute of CPU:
 *
 *   node_modules/.bin/node bench/series-truth.ts [--src DIR] [--save FILE] [--sample N --seed S] [mail path]
 *
 * - `--src DIR`: the `src/` folder whose archive stage to run (default: this checkout's). The
 *   "before" column is the branch base, 192cebe, run this way once and saved:
 *   `git archive 192cebe src package-lock.json | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ &&
 *   node_modules/.bin/node bench/series-truth.ts --src /tmp/base/src --save bench/series-truth-before.json`.
 * - `--save FILE`: writes the counts as JSON.
 * - `--sample N --seed S`: prints N random version links and N/2 candidate misses (series of
 *   version 2 or more, or RESENDs, with no previous version), chosen with the seed, for checking
 *   by hand (`docs/version-links-audit.md`).
 * - mail path: default the linux-leds list, unpacked from the shared corpus into a temporary file.
 *
 * The counts are read from what the archive stage gives (series, versions, threads, and the
 * fields of `series.json`), the same way for the base and for this code, and printed beside the
 * saved "before" counts (`bench/series-truth-before.json`) when they exist.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const project = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const srcDir = resolve(option('--src') ?? join(project, 'src'));
const save = option('--save');
const sampleSize = Number(option('--sample') ?? 0);
const seed = Number(option('--seed') ?? 1);
const listKind = option('--list');
const valued = new Set(['--src', '--save', '--sample', '--seed', '--list']);
const mailArg = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1] ?? ''));

interface Address {
  name: string;
  email: string;
}
interface SeriesLike {
  id: string;
  title: string;
  version: number;
  total: number;
  tags: string[];
  author: Address;
  firstDate: string | null;
  cover: { node: { id: string; parent: { id: string; message: unknown } | null } | null } | null;
  patches: { number: number; node: { id: string; message: unknown; parent: { id: string; message: unknown } | null } | null }[];
}

const progress = (line: string) => process.stderr.write(`[series-truth] ${line}\n`);

let temporary: string | undefined;
let mailPath = mailArg ? resolve(mailArg) : undefined;
if (!mailPath) {
  temporary = mkdtempSync(join(tmpdir(), 'sheaf-series-truth-'));
  mailPath = join(temporary, 'linux-leds.mbox');
  progress('unpacking the linux-leds list');
  writeFileSync(mailPath, execFileSync('xz', ['-dc', resolve(project, '../shared/corpus/lore-linux-leds/linux-leds.mbox.xz')], { maxBuffer: 1 << 30 }));
}

const { loadMail } = await import(pathToFileURL(join(srcDir, 'testing/corpus.ts')).href);
const { buildReviewArchive } = await import(pathToFileURL(join(srcDir, 'archive/index.ts')).href);
const { seriesApi } = await import(pathToFileURL(join(srcDir, 'archive/api.ts')).href);
const { normalizeTitle, titleSimilarity } = await import(pathToFileURL(join(project, 'src/archive/subject.ts')).href);
const { postingKey } = await import(pathToFileURL(join(project, 'src/archive/versions.ts')).href);

const cpu = process.cpuUsage();
progress(`reading ${mailPath} with ${srcDir}`);
const loaded = await loadMail(mailPath);
const readCpu = process.cpuUsage(cpu);
const review = buildReviewArchive(loaded.records, (key: string) => loaded.bodies.get(key)!);
// The data as a site at the root showing addresses as sent gives it (an older src ignores the view).
const asSent = { link: (path: string) => path, addresses: { person: (address: Address) => address }, rawDownloads: true };
const api = seriesApi(review, asSent) as Record<string, unknown>[];
const archiveCpu = process.cpuUsage(cpu);
if (temporary) rmSync(temporary, { recursive: true, force: true });
const seconds = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / 1e6).toFixed(1);
progress(`${loaded.records.length} mails: read in ${seconds(readCpu)} s CPU, archive stage in ${((archiveCpu.user + archiveCpu.system - readCpu.user - readCpu.system) / 1e6).toFixed(1)} s CPU`);

// ---------------------------------------------------------------- what a series is

const STABLE_BRANCH = /^\d\.\d{1,2}(?:\.\d{1,3})?(?:\.y|-stable)?$/i;
/** A posting for a stable branch: AUTOSEL, a branch tag (`5.10`, `4.19.y`), or Greg's `5.14.5-rc1 review`. */
function isStable(series: SeriesLike): boolean {
  return branches(series) !== '';
}
function branches(series: SeriesLike): string {
  const named = series.tags.filter((tag) => STABLE_BRANCH.test(tag));
  if (named.length > 0) return named.join(' ');
  const review = /^(\d+\.\d+)(?:\.\d+)*-rc\d+ review$/i.exec(series.title);
  if (review) return review[1]!;
  return series.tags.some((tag) => /^(?:autosel|stable)$/i.test(tag)) ? 'stable' : '';
}
const email = (address: Address) => address.email.toLowerCase();
const sameAuthor = (a: SeriesLike, b: SeriesLike): boolean => (email(a.author) !== '' && email(a.author) === email(b.author)) || (a.author.name !== '' && a.author.name === b.author.name);
const isResend = (series: SeriesLike) => series.tags.some((tag) => tag.toUpperCase() === 'RESEND');
const hours = (a: string | null, b: string | null) => (a && b ? Math.abs(Date.parse(a) - Date.parse(b)) / 3.6e6 : Infinity);
/** The title without its subsystem and driver prefix (`leds: is31fl319x: `). */
const topic = (title: string) => normalizeTitle(title.replace(/^(?:[\w\s,./+-]{1,40}:\s*){1,4}/, ''));

type LinkKind = 'stable branches chained' | 'different authors' | 'pieces of one posting' | 'version not increasing' | 'titles apart beyond the driver' | 'resend' | 'RFC dropped' | 're-roll';
function linkKind(before: SeriesLike, after: SeriesLike): LinkKind {
  if (branches(before) !== branches(after)) return 'stable branches chained';
  if (!sameAuthor(before, after)) return 'different authors';
  const postings = (series: SeriesLike) => new Set([series.cover, ...series.patches].flatMap((patch) => (patch?.node ? (postingKey(patch.node.id) ?? []) : [])));
  const [first, second] = [postings(before), postings(after)];
  if ([...first].some((key) => second.has(key))) return 'pieces of one posting';
  if (before.version === after.version && !isResend(after) && hours(before.firstDate, after.firstDate) < 12) return 'pieces of one posting';
  const sameTitle = normalizeTitle(before.title) === normalizeTitle(after.title);
  if (after.version === before.version && (isResend(after) || sameTitle)) return 'resend';
  if (after.version === before.version && before.tags.includes('RFC') && !after.tags.includes('RFC')) return 'RFC dropped';
  if (after.version < before.version && !(isResend(after) && sameTitle)) return 'version not increasing';
  if (after.version === before.version) return 'version not increasing';
  if (titleSimilarity(topic(before.title), topic(after.title)) < 0.5) return 'titles apart beyond the driver';
  return isResend(after) ? 'resend' : 're-roll';
}

const seriesList = review.series as SeriesLike[];
const versions = review.versions as Map<string, { previous: SeriesLike | null; next: SeriesLike | null }>;
const links: { before: SeriesLike; after: SeriesLike; kind: LinkKind }[] = [];
for (const series of seriesList) {
  const previous = versions.get(series.id)?.previous;
  if (previous) links.push({ before: previous, after: series, kind: linkKind(previous, series) });
}
const counts: Record<string, number> = {};
const count = (name: string, by = 1) => (counts[name] = (counts[name] ?? 0) + by);
count('series', seriesList.length);
count('version links', links.length);
for (const link of links) count(`  links: ${link.kind}`);
const candidateMisses = seriesList.filter((series) => !versions.get(series.id)?.previous && !isStable(series) && (series.version >= 2 || isResend(series)));
count('v2+ or RESEND series with no previous version', candidateMisses.length);
count('stable postings', seriesList.filter(isStable).length);
const siblings = api.filter((entry) => Array.isArray(entry.stableSiblings) && (entry.stableSiblings as unknown[]).length > 0);
count('stable postings linked to other branches', siblings.length);

// ---------------------------------------------------------------- threads and grouping

const archived = new Set<string>((review.archive.messages as { id: string }[]).map((message) => message.id));
const lowerArchived = new Set([...archived].map((id) => id.toLowerCase()));
let placeholderRoots = 0;
let placeholderRootsArchived = 0;
for (const thread of review.threads as { root: { id: string; message: unknown; children: { message: { mail: { references: string[] } } | null; id: string }[] } }[]) {
  if (thread.root.message) continue;
  placeholderRoots++;
  const id = thread.root.id.toLowerCase();
  const plain = id.replace(/\.ref@/, '@');
  // The real root is archived: the id without `.ref`, or a child names itself among its References.
  const selfReference = thread.root.children.some((child) => child.message?.mail.references.includes(child.id));
  if ((plain !== id && lowerArchived.has(plain)) || selfReference) placeholderRootsArchived++;
}
count('threads with a placeholder root', placeholderRoots);
count('  of which the real root is archived', placeholderRootsArchived);
const underMissingCover = seriesList.filter((series) => !series.cover && series.total > 1 && series.patches.some((patch) => patch.node?.parent && !patch.node.parent.message));
count('series of patches under a missing cover letter', underMissingCover.length);
count('series with a cover letter and no patch', seriesList.filter((series) => series.cover?.node && series.total > 0 && series.patches.every((patch) => !patch.node)).length);

// ---------------------------------------------------------------- people

const relayed = (address: Address) => /via B4 Relay/i.test(address.name) || /^devnull\+/i.test(address.email);
count('series with a relayed author (B4 Relay)', seriesList.filter((series) => relayed(series.author)).length);
count('series with a blank author name', api.filter((entry) => ((entry.authorName as string | undefined) ?? (entry.author as Address).name) === '').length);
const spellings = new Map<string, Set<string>>();
for (const message of review.archive.messages as { mail: { from: Address } }[]) {
  const address = message.mail.from.email;
  if (address === '') continue;
  const known = spellings.get(address.toLowerCase()) ?? new Set<string>();
  known.add(address);
  spellings.set(address.toLowerCase(), known);
}
const { authorKey } = await import(pathToFileURL(join(srcDir, 'archive/author.ts')).href);
const severalSpellings = [...spellings.values()].filter((set) => set.size > 1);
count('addresses sent under several spellings of case', severalSpellings.length);
count('  of which author pages split into two people', severalSpellings.filter((set) => new Set([...set].map((address) => authorKey({ name: '', email: address }))).size > 1).length);
let splitInTrailers = 0;
for (const entry of api) {
  for (const status of Object.values(entry.trailers as Record<string, Record<string, Address[]>>)) {
    for (const people of Object.values(status)) {
      if (!Array.isArray(people)) continue;
      const keys = people.map(email).filter((key) => key !== '');
      splitInTrailers += keys.length - new Set(keys).size;
    }
  }
}
count('one person listed twice in a trailer list', splitInTrailers);

// ---------------------------------------------------------------- review

let scoped = 0;
let carried = 0;
let given = 0;
for (const entry of api) {
  for (const trailer of (entry.review as { scope?: unknown; origin?: unknown }[] | undefined) ?? []) {
    if (trailer.scope) scoped++;
    if (trailer.origin === 'carried') carried++;
    else given++;
  }
}
count('cover-letter trailers with a stated scope', scoped);
count('trailers carried in a patch (origin shown)', carried);
count('trailers given in replies (origin shown)', given);

// ---------------------------------------------------------------- output

if (save) writeFileSync(save, `${JSON.stringify({ src: srcDir, mails: loaded.records.length, counts }, null, 2)}\n`);
const beforeFile = join(project, 'bench/series-truth-before.json');
const before: Record<string, number> | null = existsSync(beforeFile) && !save ? (JSON.parse(readFileSync(beforeFile, 'utf8')) as { counts: Record<string, number> }).counts : null;
// Every phenomenon either run counted, in the order this run counts them, the others after.
const names = [...new Set([...Object.keys(counts), ...Object.keys(before ?? {})])];
const order = (name: string) => {
  const at = Object.keys(counts).indexOf(name);
  // A kind of link this run no longer makes goes with the other kinds of links.
  return at !== -1 ? at : name.startsWith('  links:') ? Object.keys(counts).indexOf('version links') + 0.5 : names.length;
};
names.sort((a, b) => order(a) - order(b));
const width = Math.max(...names.map((name) => name.length));
console.log(`${'phenomenon'.padEnd(width)}  ${before ? 'before  ' : ''}now`);
for (const name of names) console.log(`${name.padEnd(width)}  ${before ? String(before[name] ?? 0).padStart(6) + '  ' : ''}${String(counts[name] ?? 0).padStart(5)}`);

// ---------------------------------------------------------------- samples for checking by hand

const line = (series: SeriesLike) => `v${series.version} ${series.total}p [${series.tags.join(' ')}] ${series.title} — ${series.author.name} <${series.author.email}> ${series.firstDate?.slice(0, 16)} (${series.id})`;
if (listKind !== undefined) {
  for (const link of links.filter((one) => one.kind.startsWith(listKind))) console.log(`[${link.kind}]\n   ${line(link.before)}\n → ${line(link.after)}`);
  if ('misses'.startsWith(listKind)) for (const series of candidateMisses) console.log(`miss: ${line(series)}`);
}

if (sampleSize > 0) {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < n && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
    return chosen;
  };
  console.log(`\nsample of ${sampleSize} version links, seed ${seed}:`);
  pick(links, sampleSize).forEach(({ before: older, after: newer, kind }, index) => console.log(`L${index + 1}. [${kind}]\n   ${line(older)}\n → ${line(newer)}`));
  console.log(`\nsample of ${Math.ceil(sampleSize / 2)} candidate misses, seed ${seed}:`);
  pick(candidateMisses, Math.ceil(sampleSize / 2)).forEach((series, index) => {
    const earlier = seriesList
      .filter((other) => other !== series && sameAuthor(other, series) && (other.firstDate ?? '') < (series.firstDate ?? '') && other.version <= series.version)
      .map((other) => ({ other, score: titleSimilarity(topic(other.title), topic(series.title)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 2);
    console.log(`M${index + 1}. ${line(series)}`);
    for (const { other, score } of earlier) console.log(`   closest earlier by the author (${score.toFixed(2)}): ${line(other)}`);
  });
}
