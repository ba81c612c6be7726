/**
 * Whole-archive build bench: cold, rebuild with nothing changed, after one new reply, after
 * one changed mail. For each: wall and CPU time, peak memory, mails parsed, pages rendered and
 * reused, files and bytes written into the output folder, and the cache folder's size. MHonArc, run on the same mbox, is the
 * yardstick. Run by hand, one build at a time (it takes over half an hour and a few GB):
 *
 *   node_modules/.bin/node bench/build.ts [--only leds|synthetic] [--keep] [content path]
 *
 * Without a path it runs the whole linux-leds list (23,200 messages, unpacked from the shared
 * corpus into a temporary folder), then a synthetic 100,000-message archive made from it by
 * bench/synthesize.ts (without MHonArc). With a path (a mail folder or file, for quick checks)
 * it runs the same scenarios on a copy of it, since the bench changes the content.
 * Progress goes to stderr, the table and the goals to stdout. Temporary folders are removed at
 * the end unless `--keep`.
 *
 * Each build is `npm run build` in the project under `/usr/bin/time -v`, with its own
 * SHEAF_CONTENT, SHEAF_OUT and SHEAF_CACHE. Counts come from `<SHEAF_CACHE>/last-build.json`,
 * or, when the build wrote none, from the loader's log line (pages then show `?`). A file
 * counts as written when it is new or its size or mtime changed; bytes are their sizes summed.
 * Builds whose output folder lies outside the project share Astro's `.astro/.prerender`, so run
 * no other such build meanwhile. Needs `/usr/bin/time` (Debian package `time`) and `xz`;
 * MHonArc (Debian package `mhonarc`) is left out, with a note saying how to install it, when missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { isSeparatorLine, looksLikeMbox } from '../src/ingest/mbox.ts';
import { synthesize } from './synthesize.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
const LEDS_ARCHIVE = resolve(project, '../shared/corpus/lore-linux-leds/linux-leds.mbox.xz');
const SYNTHETIC_COUNT = 100_000;
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- options

const USAGE = 'usage: node_modules/.bin/node bench/build.ts [--only leds|synthetic] [--keep] [content path]';
function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}
let only: 'leds' | 'synthetic' | undefined;
let keep = false;
let contentArg: string | undefined;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (arg === '--keep') keep = true;
  else if (arg === '--only' || arg.startsWith('--only=')) {
    const value = arg === '--only' ? process.argv[++i] : arg.slice('--only='.length);
    if (value !== 'leds' && value !== 'synthetic') usageError('--only takes leds or synthetic');
    only = value;
  } else if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (arg.startsWith('-') || contentArg !== undefined) usageError(`unknown argument ${arg}`);
  else contentArg = resolve(arg);
}
if (contentArg !== undefined && only !== undefined) usageError('give a content path or --only, not both');
if (contentArg !== undefined && !existsSync(contentArg)) usageError(`no such file or folder: ${contentArg}`);
if (!existsSync(TIME)) usageError(`${TIME} is missing: install it with \`apt-get update && apt-get install -y time\``);

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------- measuring one command

interface Measured {
  seconds: number;
  /** User plus system time of the command and its children. */
  cpuSeconds: number;
  peakBytes: number;
  log: string;
}

let running: ChildProcess | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    progress(`${signal}: stopping`);
    // The command runs in its own process group (detached), so end that group.
    if (running?.pid) process.kill(-running.pid, 'SIGTERM');
  });
}

/** Runs `command` under `/usr/bin/time -v`, its output into `logFile`; wall time and peak RSS. */
async function measure(command: string[], logFile: string, env: NodeJS.ProcessEnv, cwd: string): Promise<Measured> {
  if (interrupted) throw new Error('interrupted');
  const timeFile = `${logFile}.time`;
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const status = await new Promise<number | null>((done, fail) => {
    const child = spawn(TIME, ['-v', '-o', timeFile, ...command], { cwd, env, stdio: ['ignore', log, log], detached: true });
    running = child;
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
  const seconds = (performance.now() - started) / 1000;
  running = undefined;
  closeSync(log);
  if (interrupted) throw new Error('interrupted');
  const output = readFileSync(logFile, 'utf8');
  const times = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  if (status !== 0) {
    const lines = output.trimEnd().split('\n');
    const cause = lines.find((line) => /error|fail|cannot|missing/i.test(line) && !/^Command exited/.test(line)) ?? lines.at(-2) ?? '';
    throw new Error(`${command.join(' ')} failed (exit ${status}): ${cause.trim()}; log ${logFile}\n${lines.slice(-30).join('\n')}`);
  }
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(times)?.[1] ?? NaN);
  const cpu = (name: string) => Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(times)?.[1] ?? NaN);
  return { seconds, cpuSeconds: cpu('User') + cpu('System'), peakBytes: kib * 1024, log: output };
}

// ---------------------------------------------------------------- the output folder

type Snapshot = Map<string, { size: number; mtimeMs: number }>;

function snapshot(dir: string): Snapshot {
  const files: Snapshot = new Map();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { size, mtimeMs } = statSync(path);
    files.set(relative(dir, path), { size, mtimeMs });
  }
  return files;
}

/** Files new or changed (size or mtime) since `before`, their bytes summed, files removed, and the folder's total. */
function written(before: Snapshot, after: Snapshot): { files: number; bytes: number; removed: number; total: number; totalBytes: number } {
  let files = 0;
  let bytes = 0;
  let totalBytes = 0;
  for (const [path, now] of after) {
    totalBytes += now.size;
    const then = before.get(path);
    if (then && then.size === now.size && then.mtimeMs === now.mtimeMs) continue;
    files++;
    bytes += now.size;
  }
  let removed = 0;
  for (const path of before.keys()) if (!after.has(path)) removed++;
  return { files, bytes, removed, total: after.size, totalBytes };
}

/** What kind of page a file of the output folder is: its first folder, with the series reading pages (`s/<slug>/read/`) apart. */
function pageKind(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return '/';
  if (parts[0] === 's' && parts[2] === 'read') return 's/*/read';
  return `${parts[0]}/`;
}

/** Files and bytes of the output folder per kind of page, biggest first: `m/ 23200 files 310 MB · t/ …`. */
function byPageKind(files: Snapshot): string {
  const kinds = new Map<string, { files: number; bytes: number }>();
  for (const [path, { size }] of files) {
    const kind = kinds.get(pageKind(path)) ?? { files: 0, bytes: 0 };
    kind.files++;
    kind.bytes += size;
    kinds.set(pageKind(path), kind);
  }
  return [...kinds]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { files: count, bytes }]) => `${kind} ${count} files ${mb(bytes)}`)
    .join(' · ');
}

/** Whether `api/report.json` accounts for every message the content files frame, counted here apart from Sheaf. */
function accounting(out: string, content: string): string {
  const report = JSON.parse(readFileSync(join(out, 'api', 'report.json'), 'utf8')) as {
    mails: number; pages: number; identicalCopies: number; variants: number; skipped: unknown[];
  };
  const framed = filesUnder(content).reduce((sum, file) => sum + messageRanges(readFileSync(file)).length, 0);
  const sum = report.pages + report.identicalCopies + report.variants + report.skipped.length;
  const addsUp = report.mails === sum && report.mails === framed;
  return `report.json ${addsUp ? 'adds up' : 'DOES NOT ADD UP'}: ${int(framed)} messages in the files, mails ${int(report.mails)} = ` +
    `${int(report.pages)} pages + ${int(report.identicalCopies)} identical copies + ${int(report.variants)} variants + ${int(report.skipped.length)} skipped`;
}

// ---------------------------------------------------------------- mail files

/** Regular files under `path` (or `path` itself), sorted by path. */
function filesUnder(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Byte ranges of the messages in a mail file: one per mbox separator, or the whole file for a bare message. */
function messageRanges(bytes: Buffer): { start: number; end: number }[] {
  if (!looksLikeMbox(bytes)) return [{ start: 0, end: bytes.length }];
  const firstLineEnd = bytes.indexOf(0x0a);
  const dated = isSeparatorLine(bytes.toString('latin1', 0, firstLineEnd === -1 ? bytes.length : firstLineEnd));
  const starts: number[] = [];
  for (let at = 0; at !== -1 && at < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, at);
    const line = bytes.toString('latin1', at, Math.min(newline === -1 ? bytes.length : newline, at + 400)).replace(/\r$/, '');
    if (line.startsWith('From ') && (!dated || isSeparatorLine(line))) starts.push(at);
    const next = bytes.indexOf('\nFrom ', at, 'latin1');
    at = next === -1 ? -1 : next + 1;
  }
  return starts.map((start, index) => {
    const newline = bytes.indexOf(0x0a, start);
    return { start: newline === -1 ? bytes.length : newline + 1, end: starts[index + 1] ?? bytes.length };
  });
}

/** Unfolded header fields (first value of each name, names lower-cased) and where the body starts. */
function headersOf(bytes: Buffer, start: number, end: number): { fields: Map<string, string>; bodyStart: number } {
  const text = bytes.toString('latin1', start, Math.min(end, start + 256 * 1024));
  const blank = /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const fields = new Map<string, string>();
  for (const field of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:[ \t]*(.*)$/.exec(field);
    if (match && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
  }
  return { fields, bodyStart: start + (blank ? blank.index + blank[0].length : text.length) };
}

/** The first 4 KiB of a file. */
function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** When a message says it was sent, in ms; NaN when its Date cannot be read. */
function sentAt(fields: Map<string, string>): number {
  return Date.parse((fields.get('date') ?? '').replace(/\([^)]*\)/g, ' '));
}

/**
 * The newest `[PATCH …]` message (not a reply) of the archive by its Date, the later in file
 * order among equals: what a new reply on a live list answers. (File order alone picks, in the
 * synthetic archive, a patch of its oldest copy, dated decades back.) Without a dated patch, the
 * last message with a Message-ID.
 */
function newestPatchMessage(content: string): { file: string; fields: Map<string, string> } {
  let fallback: { file: string; fields: Map<string, string> } | undefined;
  let newest: { file: string; fields: Map<string, string>; sent: number } | undefined;
  for (const file of filesUnder(content)) {
    const bytes = readFileSync(file);
    if (isGzip(bytes)) continue;
    for (const range of messageRanges(bytes)) {
      const { fields } = headersOf(bytes, range.start, range.end);
      if (!fields.get('message-id')?.includes('@')) continue;
      fallback = { file, fields };
      const sent = sentAt(fields);
      if (/^\[[^\]]*\bPATCH\b/i.test(fields.get('subject') ?? '') && !Number.isNaN(sent) && (!newest || sent >= newest.sent)) newest = { file, fields, sent };
    }
  }
  if (newest) return newest;
  if (!fallback) throw new Error(`no message with a Message-ID in ${content}`);
  return fallback;
}

const REPLY_FILE = 'sheaf-bench-reply.eml';

/** Writes a new reply to the archive's newest patch message into the content folder. */
function addReply(content: string): string {
  const { file, fields } = newestPatchMessage(content);
  const parent = /<[^<>]+>/.exec(fields.get('message-id')!)![0];
  const references = [...(fields.get('references')?.match(/<[^<>]+>/g) ?? []), parent];
  const parentDate = sentAt(fields);
  const date = new Date(Number.isNaN(parentDate) ? Date.now() : parentDate + 3600_000);
  const messageId = `<sheaf-bench.${Date.now()}.${process.pid}@bench.sheaf.invalid>`;
  const subject = fields.get('subject') ?? '';
  const mail = [
    'From: Sheaf Bench <bench@sheaf.invalid>',
    `To: ${fields.get('to') ?? 'linux-leds@vger.kernel.org'}`,
    `Subject: ${/^re:/i.test(subject) ? subject : `Re: ${subject}`}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${parent}`,
    `References: ${references.join('\n ')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `On ${fields.get('date') ?? 'some day'}, ${fields.get('from') ?? 'someone'} wrote:`,
    '> (patch snipped)',
    '',
    'Looks good to me.',
    '',
    'Reviewed-by: Sheaf Bench <bench@sheaf.invalid>',
    '',
  ].join('\n');
  const path = join(content, REPLY_FILE);
  writeFileSync(path, mail);
  return `${relative(content, path)} (${messageId}, a reply to ${parent} in ${relative(content, file)})`;
}

/**
 * Changes one byte of body text in one mail in the middle of the content's biggest mbox: the
 * case of a letter, in a plain (not base64, not QP, not multipart) body, never at a line's start,
 * so the file stays a valid mbox and only that mail changes. Written in place.
 */
function changeOneMail(content: string): string {
  const sized = filesUnder(content)
    .filter((file) => basename(file) !== REPLY_FILE)
    .map((file) => ({ file, size: statSync(file).size, mbox: looksLikeMbox(readHead(file)) }))
    .sort((a, b) => Number(b.mbox) - Number(a.mbox) || b.size - a.size);
  for (const { file } of sized) {
    const bytes = readFileSync(file);
    if (isGzip(bytes)) continue;
    const ranges = messageRanges(bytes);
    const middle = Math.floor(ranges.length / 2);
    for (let step = 0; step < ranges.length; step++) {
      const range = ranges[(middle + step) % ranges.length]!;
      const { fields, bodyStart } = headersOf(bytes, range.start, range.end);
      if (/multipart\//i.test(fields.get('content-type') ?? '')) continue;
      if (/base64|quoted-printable/i.test(fields.get('content-transfer-encoding') ?? '')) continue;
      const at = letterToFlip(bytes, bodyStart, range.end);
      if (at === -1) continue;
      const before = String.fromCharCode(bytes[at]!);
      const after = before.toUpperCase();
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.from(after, 'latin1'), 0, 1, at);
      closeSync(fd);
      return `${relative(content, file)}: message ${(middle + step) % ranges.length + 1} of ${ranges.length} (${fields.get('message-id')}), byte ${at}: '${before}' → '${after}'`;
    }
  }
  throw new Error(`found no plain-text body to change in ${content}`);
}

/**
 * Offset of a lower-case ASCII letter near the middle of a line of the mail's own prose: at
 * least 20 characters, not quoted, not a diff or `From ` line, so only that line's text changes.
 */
function letterToFlip(bytes: Buffer, start: number, end: number): number {
  let lineStart = start;
  while (lineStart < end) {
    const newline = bytes.indexOf(0x0a, lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const line = bytes.toString('latin1', lineStart, lineEnd);
    if (line.length >= 20 && /^[A-Za-z]/.test(line) && !/^From /i.test(line) && !/^diff /.test(line)) {
      const middle = Math.floor(line.length / 2);
      for (let offset = 0; offset < middle; offset++) {
        for (const at of [middle + offset, middle - offset]) if (/[a-z]/.test(line[at] ?? '')) return lineStart + at;
      }
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Copies a content path (folder or file) into `folder`, writable, since the corpus is read-only. */
function copyContent(from: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  if (statSync(from).isFile()) copyFileSync(from, join(folder, basename(from)));
  else cpSync(from, folder, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', folder]);
}

/**
 * One mbox of every mail in `content`, for MHonArc: mbox files as they are (gzip unpacked),
 * bare messages behind a `From ` line with their own `From ` lines quoted.
 */
function concatenateMbox(content: string, out: string): { files: number; left: string[] } {
  const fd = openSync(out, 'w');
  const left: string[] = [];
  let files = 0;
  try {
    for (const file of filesUnder(content)) {
      let bytes = readFileSync(file);
      if (isGzip(bytes)) bytes = gunzipSync(bytes);
      if (looksLikeMbox(bytes)) writeSync(fd, bytes);
      else if (/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(bytes.toString('latin1', 0, 200))) {
        writeSync(fd, 'From sheaf-bench Thu Jan  1 00:00:00 1970\n');
        writeSync(fd, Buffer.from(bytes.toString('latin1').replace(/^>*From /gm, '>$&'), 'latin1'));
      } else {
        left.push(relative(content, file));
        continue;
      }
      files++;
      if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) writeSync(fd, '\n');
      writeSync(fd, '\n');
    }
  } finally {
    closeSync(fd);
  }
  return { files, left };
}

// ---------------------------------------------------------------- scenarios

const SCENARIOS = ['cold', 'nothing changed', 'add one reply', 'change one mail'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Counts {
  mails?: number;
  parsed?: number;
  reused?: number;
  skipped?: number;
  pagesRendered?: number;
  pagesReused?: number;
  pages?: number;
}

interface Row {
  archive: string;
  scenario: Scenario | 'MHonArc';
  seconds?: number;
  cpuSeconds?: number;
  peakBytes?: number;
  /** Size of SHEAF_CACHE after the build. */
  cacheBytes?: number;
  counts: Counts;
  written?: ReturnType<typeof written>;
  error?: string;
}

interface Mhonarc {
  seconds: number;
  peakBytes: number;
}

const count = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : Array.isArray(value) ? value.length : undefined;

/** The build's counts: `last-build.json` when this build wrote it, else the loader's log line. */
function countsOf(cache: string, log: string, since: number): Counts {
  const file = join(cache, 'last-build.json');
  if (existsSync(file) && statSync(file).mtimeMs >= since) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return {
      mails: count(json.mails),
      parsed: count(json.parsed),
      reused: count(json.reused),
      skipped: count(json.skipped),
      pagesRendered: count(json.pagesRendered),
      pagesReused: count(json.pagesReused),
      pages: count(json.pages),
    };
  }
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const line = /(\d+) files read, (\d+) mails found: (\d+) parsed, (\d+) reused\b.*?(?:(\d+) skipped)?$/m.exec(plain);
  if (!line) return {};
  return { mails: Number(line[2]), parsed: Number(line[3]), reused: Number(line[4]), skipped: line[5] === undefined ? undefined : Number(line[5]) };
}

interface Archive {
  name: string;
  /** Prepares the content folder; returns the mbox MHonArc should read, or null to leave MHonArc out. */
  prepare: (content: string) => string | null;
  goals: (rows: Row[], mhonarc: Mhonarc | undefined) => string;
}

async function runArchive(archive: Archive, scratch: string, rows: Row[]): Promise<void> {
  const dir = join(scratch, archive.name.replace(/[^\w.-]+/g, '-'));
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  const cache = join(dir, 'cache');
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const mine: Row[] = [];
  let mhonarc: Mhonarc | undefined;
  try {
    progress(`${archive.name}: preparing the content folder ${content}`);
    const mbox = archive.prepare(content);
    const inFiles = filesUnder(content);
    const contentBytes = inFiles.reduce((sum, file) => sum + statSync(file).size, 0);
    progress(`${archive.name}: ${inFiles.length} files, ${mb(contentBytes)}`);

    if (mbox !== null) mhonarc = await runMhonarc(archive.name, mbox, join(dir, 'mhonarc'), logs, mine);

    const env = { ...process.env, SHEAF_CONTENT: content, SHEAF_OUT: out, SHEAF_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' };
    for (const scenario of SCENARIOS) {
      if (scenario === 'add one reply') progress(`${archive.name}: added ${addReply(content)}`);
      if (scenario === 'change one mail') progress(`${archive.name}: changed ${changeOneMail(content)}`);
      progress(`${archive.name}: ${scenario}: npm run build…`);
      const before = snapshot(out);
      const since = Date.now();
      const row: Row = { archive: archive.name, scenario, counts: {} };
      mine.push(row);
      try {
        const run = await measure(['npm', 'run', 'build'], join(logs, `${scenario.replace(/ /g, '-')}.log`), env, project);
        row.seconds = run.seconds;
        row.cpuSeconds = run.cpuSeconds;
        row.peakBytes = run.peakBytes;
        row.cacheBytes = [...snapshot(cache).values()].reduce((sum, file) => sum + file.size, 0);
        row.counts = countsOf(cache, run.log, since);
        const files = snapshot(out);
        row.written = written(before, files);
        if (scenario === 'cold') kindLines.push(`${archive.name}, output after the cold build, by page kind: ${byPageKind(files)}`);
        kindLines.push(`${archive.name}, ${scenario}: ${accounting(out, content)}`);
        const c = row.counts;
        progress(
          `${archive.name}: ${scenario}: ${run.seconds.toFixed(1)} s, peak ${gb(run.peakBytes)}, ${c.parsed ?? '?'} parsed, ` +
            `${c.reused ?? '?'} reused, ${c.skipped ?? '?'} skipped, ${row.written.files} files (${mb(row.written.bytes)}) written, ${row.written.removed} removed`,
        );
      } catch (error) {
        row.error = (error as Error).message.split('\n')[0];
        progress(`${archive.name}: ${scenario}: ${(error as Error).message}`);
        break; // each scenario builds on the one before
      }
    }
  } catch (error) {
    progress(`${archive.name}: ${(error as Error).message}`);
    mine.push({ archive: archive.name, scenario: 'cold', counts: {}, error: (error as Error).message.split('\n')[0] });
  } finally {
    rows.push(...mine);
    goalLines.push(archive.goals(mine, mhonarc));
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const MHONARC_MISSING = 'mhonarc is not installed, so the bench went on without it; install it with `apt-get update && apt-get install -y mhonarc` (Debian package mhonarc)';
let mhonarcMissingSaid = false;

/** Times MHonArc on `mbox`, into a fresh folder; undefined when it is not installed. */
async function runMhonarc(name: string, mbox: string, outdir: string, logs: string, rows: Row[]): Promise<Mhonarc | undefined> {
  if (spawnSync('sh', ['-c', 'command -v mhonarc'], { stdio: 'ignore' }).status !== 0) {
    if (!mhonarcMissingSaid) progress(MHONARC_MISSING);
    mhonarcMissingSaid = true;
    return undefined;
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  progress(`${name}: MHonArc on ${mbox} (${mb(statSync(mbox).size)})…`);
  const row: Row = { archive: name, scenario: 'MHonArc', counts: {} };
  rows.push(row);
  try {
    const run = await measure(['mhonarc', '-quiet', '-outdir', outdir, mbox], join(logs, 'mhonarc.log'), process.env, outdir);
    row.seconds = run.seconds;
    row.cpuSeconds = run.cpuSeconds;
    row.peakBytes = run.peakBytes;
    row.written = written(new Map(), snapshot(outdir));
    progress(`${name}: MHonArc: ${run.seconds.toFixed(1)} s, peak ${gb(run.peakBytes)}, ${row.written.files} files (${mb(row.written.bytes)})`);
    return run;
  } catch (error) {
    row.error = (error as Error).message.split('\n')[0];
    progress(`${name}: MHonArc: ${(error as Error).message}`);
    return undefined;
  } finally {
    if (!keep) rmSync(outdir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- goals

const GB = 1e9;
const find = (rows: Row[], scenario: Scenario) => rows.find((row) => row.scenario === scenario && row.error === undefined && row.seconds !== undefined);

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? '?' : ok ? 'pass' : 'FAIL';
}

function goal(label: string, actual: string, ok: boolean | undefined): string {
  return `${label} (${actual}): ${verdict(ok)}`;
}

function timeGoal(rows: Row[], scenario: Scenario, limit: number, label: string, oneParsed: boolean): string {
  const row = find(rows, scenario);
  if (!row) return goal(label, 'not run', undefined);
  const parsed = row.counts.parsed;
  const fast = row.seconds! <= limit;
  const ok = oneParsed ? (parsed === undefined ? undefined : fast && parsed === 1) : fast;
  return goal(label, `${row.seconds!.toFixed(1)} s${oneParsed ? `, ${parsed ?? '?'} parsed` : ''}`, ok);
}

function peakGoal(rows: Row[], limit: number): string {
  const peaks = rows.filter((row) => row.scenario !== 'MHonArc' && row.peakBytes !== undefined).map((row) => row.peakBytes!);
  if (peaks.length === 0) return goal(`peak ≤ ${limit / GB} GB`, 'not run', undefined);
  const peak = Math.max(...peaks);
  return goal(`peak ≤ ${limit / GB} GB`, gb(peak), peak <= limit);
}

/** The whole-list goals; also used for a content path given on the command line. */
function listGoals(rows: Row[], mhonarc: Mhonarc | undefined): string {
  const cold = find(rows, 'cold');
  const coldGoal = !cold
    ? goal('cold ≤ 0.7 × MHonArc', 'not run', undefined)
    : !mhonarc
      ? goal('cold ≤ 0.7 × MHonArc', `${cold.seconds!.toFixed(1)} s, no MHonArc`, undefined)
      : goal('cold ≤ 0.7 × MHonArc', `${(cold.seconds! / mhonarc.seconds).toFixed(2)} ×`, cold.seconds! <= 0.7 * mhonarc.seconds);
  return [
    coldGoal,
    timeGoal(rows, 'nothing changed', 10, 'nothing changed ≤ 10 s', false),
    timeGoal(rows, 'add one reply', 15, 'add one ≤ 15 s with 1 parsed', true),
    timeGoal(rows, 'change one mail', 15, 'change one ≤ 15 s with 1 parsed', true),
    peakGoal(rows, 2 * GB),
  ].join(' · ');
}

function syntheticGoals(rows: Row[]): string {
  return [
    timeGoal(rows, 'cold', 6 * 60, 'cold ≤ 6 min', false),
    peakGoal(rows, 4 * GB),
    timeGoal(rows, 'add one reply', 20, 'add one ≤ 20 s', false),
  ].join(' · ');
}

// ---------------------------------------------------------------- printing

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const gb = (bytes: number) => `${(bytes / GB).toFixed(2)} GB`;
const int = (value: number | undefined) => (value === undefined ? '?' : value.toLocaleString('en-US'));
const goalLines: string[] = [];
/** Per archive, what the output folder holds after the cold build, by kind of page. */
const kindLines: string[] = [];

function table(rows: Row[], mhonarcOf: (archive: string) => Row | undefined): string {
  const head = ['archive', 'scenario', 'wall', 'CPU', 'peak RSS', 'mails', 'parsed', 'reused', 'pages rendered', 'pages reused', 'files written', 'bytes written', 'cache', 'time ÷ MHonArc', 'peak ÷ MHonArc'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) {
    const mh = mhonarcOf(row.archive);
    const ratio = (value: number | undefined, base: number | undefined) =>
      row.scenario === 'MHonArc' || value === undefined || base === undefined || mh?.error ? '' : (value / base).toFixed(2);
    const sheaf = row.scenario !== 'MHonArc';
    const cells = row.error
      ? [row.archive, row.scenario, `failed: ${row.error.replace(/\|/g, '\\|').slice(0, 120)}`, ...head.slice(3).map(() => '')]
      : [
          row.archive,
          row.scenario,
          row.seconds === undefined ? '?' : `${row.seconds.toFixed(1)} s`,
          row.cpuSeconds === undefined || Number.isNaN(row.cpuSeconds) ? '?' : `${row.cpuSeconds.toFixed(1)} s`,
          row.peakBytes === undefined ? '?' : gb(row.peakBytes),
          sheaf ? int(row.counts.mails) : '',
          sheaf ? int(row.counts.parsed) : '',
          sheaf ? int(row.counts.reused) : '',
          sheaf ? int(row.counts.pagesRendered) : '',
          sheaf ? int(row.counts.pagesReused) : '',
          row.written ? `${int(row.written.files)} of ${int(row.written.total)}${row.written.removed ? ` (${int(row.written.removed)} removed)` : ''}` : '?',
          row.written ? mb(row.written.bytes) : '?',
          row.cacheBytes === undefined ? '' : mb(row.cacheBytes),
          ratio(row.seconds, mh?.seconds),
          ratio(row.peakBytes, mh?.peakBytes),
        ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function describeMachine(): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: project, encoding: 'utf8' }).stdout.trim();
  const dirty = git(['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json', 'package-lock.json']) !== '';
  const node = spawnSync(join(project, 'node_modules/.bin/node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  const astro = (JSON.parse(readFileSync(join(project, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  const mhonarc = spawnSync('sh', ['-c', 'mhonarc -v 2>/dev/null | head -1'], { encoding: 'utf8' }).stdout.trim();
  return (
    `Sheaf ${git(['rev-parse', '--short', 'HEAD']) || '(no git)'}${dirty ? ' with uncommitted changes in src/ or config' : ''}, ` +
    `Astro ${astro}, Node ${node}, ${availableParallelism()} cores, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at start, ` +
    `${mhonarc || 'MHonArc not installed'}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
  );
}

// ---------------------------------------------------------------- the run

const scratch = mkdtempSync(join(tmpdir(), 'sheaf-bench-build-'));

/** Unpacks the linux-leds archive once, into the scratch folder; never into the repository. */
let ledsSource: string | undefined;
function unpackedLeds(): string {
  if (ledsSource) return ledsSource;
  const target = join(scratch, 'linux-leds.mbox');
  progress(`unpacking ${LEDS_ARCHIVE} into ${scratch}…`);
  const fd = openSync(target, 'w');
  const unpack = spawnSync('xz', ['-dc', LEDS_ARCHIVE], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (unpack.status !== 0) throw new Error(`xz -dc ${LEDS_ARCHIVE} failed`);
  return (ledsSource = target);
}

const archives: Archive[] = [];
if (contentArg !== undefined) {
  archives.push({
    name: basename(contentArg),
    prepare: (content) => {
      copyContent(contentArg, content);
      const mbox = join(scratch, `${basename(contentArg)}-all.mbox`);
      const { files, left } = concatenateMbox(content, mbox);
      progress(`one mbox for MHonArc from ${files} files${left.length ? `; left out (not mail): ${left.join(', ')}` : ''}`);
      return mbox;
    },
    goals: (rows, mhonarc) => `goals for ${basename(contentArg)} (set for the whole linux-leds list): ${listGoals(rows, mhonarc)}`,
  });
} else {
  if (only !== 'synthetic')
    archives.push({
      name: 'linux-leds',
      prepare: (content) => {
        mkdirSync(content, { recursive: true });
        const mbox = join(content, 'linux-leds.mbox');
        copyFileSync(unpackedLeds(), mbox);
        // MHonArc reads the untouched copy; the one in the content folder gets changed.
        return unpackedLeds();
      },
      goals: (rows, mhonarc) => `goals for linux-leds: ${listGoals(rows, mhonarc)}`,
    });
  if (only !== 'leds')
    archives.push({
      name: `synthetic ${SYNTHETIC_COUNT.toLocaleString('en-US')}`,
      prepare: (content) => {
        mkdirSync(content, { recursive: true });
        const started = performance.now();
        synthesize(unpackedLeds(), SYNTHETIC_COUNT, join(content, 'archive.mbox'));
        progress(`synthesized ${SYNTHETIC_COUNT} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
        return null;
      },
      goals: (rows) => `goals for synthetic ${SYNTHETIC_COUNT.toLocaleString('en-US')}: ${syntheticGoals(rows)}`,
    });
}

const rows: Row[] = [];
try {
  progress(`scratch folder ${scratch}${keep ? ' (kept: --keep)' : ''}`);
  const machine = describeMachine();
  for (const archive of archives) {
    await runArchive(archive, scratch, rows);
    if (interrupted) break;
  }
  if (interrupted) progress('interrupted: printing what ran');
  console.log(`Build bench: ${machine}\n`);
  console.log(table(rows, (name) => rows.find((row) => row.archive === name && row.scenario === 'MHonArc')));
  console.log('');
  for (const line of goalLines) console.log(`${line}\n`);
  for (const line of kindLines) console.log(`${line}\n`);
  if (mhonarcMissingSaid) console.log(`${MHONARC_MISSING}.`);
} finally {
  if (keep) progress(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
if (interrupted) process.exitCode = 130;
