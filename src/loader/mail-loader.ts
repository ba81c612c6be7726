/**
 * The Content Layer loader: reads the content folder and keeps one store entry per
 * distinct mail, its body parsed and rendered once into the body cache and its record (headers,
 * links, body facts) on the record shelf (record-shelf.ts), out of Astro's store. Each entry's
 * digest covers the raw bytes, the parser's and renderer's source and dependency versions
 * and the mail's place on disk, so a rebuild parses only new or changed mail; a mail that
 * only moved within its file (another was added before it) is updated without parsing.
 *
 * It works in two passes. The first goes through the files in order: a file unchanged since
 * the last build (see file-index.ts) is not opened, the others are read and their mails
 * hashed; this decides, for every mail, whether it is a copy, reused or new. The second
 * parses and renders the new mails on worker threads and applies their outcomes in the
 * order found, so the store and the report do not depend on which worker was quicker.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { Progress } from '../build/progress.ts';
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import { describeProblem, type IngestProblem, type MailFormat, type RawMail } from '../ingest/types.ts';
import { hasBody, writeIngestReport, type IngestReport } from './cache.ts';
import { emptyIndex, isRacy, readFileIndex, sameSignature, signatureOf, writeFileIndex, type FileIndex, type FileSignature, type IndexedFile } from './file-index.ts';
import { InOrder } from './in-order.ts';
import { MailPool } from './mail-pool.ts';
import type { MailOutcome, MailTask } from './mail-work.ts';
import { hasRawMail } from './raw-store.ts';
import { addressSharing, mailKey, renderNoteCounts, type MailRecord } from './record.ts';
import { readRecords, writeRecords } from './record-shelf.ts';
import { sourceDigest } from './source-digest.ts';

export interface MailLoaderOptions {
  /** The content folder, or a single mail file. */
  contentPath: string;
  /** Worker threads that parse and render; 0 does it on the main thread. Default: `SHEAF_WORKERS`, else one per core. */
  workers?: number;
  /** Bytes of new mail kept from the first pass for the second (default 512 MiB); past this a file is read again, so memory stays bounded. */
  heldBytes?: number;
}

/** The stages whose source goes into the parser digest. */
const STAGES = ['ingest/', 'parse/', 'render/', 'loader/'];
/** One mail may take this long on a worker before it is skipped and the worker replaced. */
const MAIL_TIME_LIMIT_MS = 30_000;
/** Mails handed out per worker at a time: enough to keep each busy while the main thread stores outcomes. */
const IN_FLIGHT_PER_WORKER = 4;
const HELD_BYTES = 512 * 1024 ** 2;

/** A mail the first pass found new: to be parsed and rendered. */
interface NewMail {
  key: string;
  file: string;
  position: number;
  format: MailFormat;
  /** The mail's bytes, or undefined when they were not kept and the file is read again. */
  bytes: Uint8Array | undefined;
}

/** What the second pass does, in order: report a problem, or load a new mail. */
type Step = { problem: IngestProblem } | { mail: NewMail };

/** The folder to read and the files in it; a single file is its own folder's only file. */
function contentFiles(contentPath: string): { root: string; files: string[] } {
  const path = resolve(contentPath);
  if (statSync(path).isFile()) return { root: dirname(path), files: [basename(path)] };
  return { root: path, files: listContentFiles(path) };
}

function defaultWorkers(): number {
  const fromEnvironment = Number.parseInt(process.env.SHEAF_WORKERS ?? '', 10);
  return Number.isNaN(fromEnvironment) ? availableParallelism() : Math.max(0, fromEnvironment);
}

/** Runs new mails on worker threads, or on this one when `workers` is 0. */
async function mailRunner(workers: number, srcDir: URL): Promise<{ run(task: MailTask): Promise<MailOutcome>; close(): Promise<void> }> {
  if (workers > 0) {
    // From the source folder, not from this module: under `astro build` this module runs from Vite's bundle.
    return new MailPool({ workerFile: new URL('loader/mail-worker.ts', srcDir), size: workers, timeLimitMs: MAIL_TIME_LIMIT_MS });
  }
  // Imported here, so a build that parses nothing, or parses on workers, does not load the renderer and shiki on this thread.
  const { loadMail } = await import('./mail-work.ts');
  return { run: loadMail, close: async () => {} };
}

async function load({ store, logger, generateDigest, config }: LoaderContext, options: MailLoaderOptions): Promise<void> {
  const parserDigest = sourceDigest(
    STAGES.map((folder) => fileURLToPath(new URL(folder, config.srcDir))),
    fileURLToPath(new URL('package-lock.json', config.root)),
    [fileURLToPath(new URL('archive/body-facts.ts', config.srcDir)), fileURLToPath(new URL('search/mail-terms.ts', config.srcDir))],
  );
  const workers = options.workers ?? defaultWorkers();
  const { root, files } = contentFiles(options.contentPath);
  const previous = readFileIndex(root, parserDigest);
  const index: FileIndex = emptyIndex(root, parserDigest);
  const report: IngestReport = {
    contentRoot: root, files: files.length, mails: 0, parsed: 0, reused: 0, renderedPlain: 0, identicalCopies: 0, skipped: [],
  };
  const skip = (problem: IngestProblem) => {
    report.skipped.push(problem);
    logger.warn(describeProblem(problem));
  };
  const seen = new Set<string>();
  // The last load's records (a missing or damaged file only costs parsing again), and this load's, by key in the order found.
  const shelved = (() => {
    try {
      return readRecords(root);
    } catch {
      return new Map<string, MailRecord>();
    }
  })();
  const records = new Map<string, MailRecord>();
  const shareAddresses = addressSharing();
  const steps: Step[] = [];
  let bytesHeld = 0;

  // The parser's digest leads, so a stored entry tells whether this parser made it.
  const digestOf = (key: string, file: string, position: number) => `${parserDigest}-${generateDigest(`${key}\0${file}\0${position}`)}`;
  // A page may have been made while a mail's cached files were damaged (it then says its body could not be read).
  // A mail parsed again for that reason takes the other of its two digests, so every page showing it is made again.
  const healed = (digest: string) => `${digest}-healed`;
  const healing = new Set<string>();
  const isCurrent = (key: string) => {
    const record = shelved.get(key);
    if (!record || store.get(key)?.digest?.toString().startsWith(`${parserDigest}-`) !== true) return false;
    if (hasBody(key, record.bodyFiles) && hasRawMail(key, record.size)) return true;
    healing.add(key);
    return false;
  };
  /** The digest of a mail parsed by this load: after healing, the one its pages were not made with. */
  const parsedDigest = (key: string, file: string, position: number) => {
    const digest = digestOf(key, file, position);
    return healing.has(key) && store.get(key)?.digest === digest ? healed(digest) : digest;
  };
  /** Counts a mail found; false for an identical copy of one found before. */
  const isFirstCopy = (key: string): boolean => {
    report.mails++;
    if (seen.has(key)) {
      report.identicalCopies++;
      return false;
    }
    seen.add(key);
    return true;
  };
  /** A mail this parser refused before is skipped again, with the same reason, without parsing. */
  const skipRefused = (key: string, file: string, position: number): boolean => {
    const refused = previous.refused.get(key);
    if (!refused) return false;
    index.refused.set(key, refused);
    steps.push({ problem: { file, position, messageId: refused.messageId, reason: refused.reason } });
    return true;
  };
  const reuse = (key: string, file: string, position: number) => {
    report.reused++;
    const digest = digestOf(key, file, position);
    const record = shelved.get(key)!;
    records.set(key, shareAddresses(record.file === file && record.position === position ? record : { ...record, file, position }));
    const stored = store.get(key)!.digest;
    if (stored !== digest && stored !== healed(digest)) store.set({ id: key, data: {}, digest });
  };
  /** The index entry of a file that is as the last build left it, with everything it yielded still in the store. */
  const unchangedEntry = (file: string, signature: FileSignature | undefined): IndexedFile | undefined => {
    const known = previous.files.get(file);
    if (!known || !signature || !sameSignature(known, signature)) return undefined;
    return known.mails.every(([key]) => seen.has(key) || previous.refused.has(key) || isCurrent(key)) ? known : undefined;
  };
  const newMail = (raw: RawMail, key: string): NewMail => {
    const keep = bytesHeld + raw.bytes.length <= (options.heldBytes ?? HELD_BYTES);
    if (keep) bytesHeld += raw.bytes.length;
    // A copy of just this mail, so the file's buffer can go (and a worker is sent these bytes, not the whole buffer).
    return { key, file: raw.file, position: raw.position, format: raw.format, bytes: keep ? new Uint8Array(raw.bytes) : undefined };
  };

  const reading = new Progress('content files read', files.length);
  for (const file of files) {
    const signature = signatureOf(join(root, file));
    const known = unchangedEntry(file, signature);
    if (known) {
      steps.push(...known.problems.map((problem) => ({ problem })));
      for (const [key, position] of known.mails) if (isFirstCopy(key) && !skipRefused(key, file, position)) reuse(key, file, position);
      index.files.set(file, known);
      reading.advance(1, 'unchanged');
      continue;
    }
    const readAt = Date.now();
    const content = readContentFile(root, file);
    steps.push(...content.problems.map((problem) => ({ problem })));
    const keys: IndexedFile['mails'] = [];
    for (const raw of content.mails) {
      const key = mailKey(raw);
      keys.push([key, raw.position]);
      if (!isFirstCopy(key) || skipRefused(key, file, raw.position)) continue;
      if (isCurrent(key)) reuse(key, file, raw.position);
      else steps.push({ mail: newMail(raw, key) });
    }
    // A file that yielded no mail is cheap to read again, and a read error may be mended (permissions) without its mtime changing.
    if (signature && keys.length > 0 && !isRacy(signature, readAt)) index.files.set(file, { file, ...signature, mails: keys, problems: content.problems });
    reading.advance(1, 'read');
  }
  reading.finish();

  const total = steps.filter((step) => 'mail' in step).length;
  const loading = new Progress('mails parsed and rendered', total);
  const applyOutcome = ({ key, file, position }: NewMail, outcome: MailOutcome) => {
    if (outcome.kind === 'parsed') {
      report.parsed++;
      if (outcome.shownAsPlainText !== undefined) {
        report.renderedPlain++;
        const cut = outcome.record.bodyCut ? `; the page shows ${outcome.record.bodyCut}` : '';
        logger.warn(`${file}: message ${position}: <${outcome.record.messageId}>: shown as plain text: ${outcome.shownAsPlainText}${cut}`);
      }
      for (const note of outcome.record.renderNotes ?? []) logger.info(`${file}: message ${position}: <${outcome.record.messageId}>: ${note}`);
      records.set(key, shareAddresses(outcome.record));
      store.set({ id: key, data: {}, digest: parsedDigest(key, file, position) });
    } else {
      skip({ file, position, messageId: outcome.messageId, reason: outcome.reason });
      if (outcome.parserRefused) index.refused.set(key, { key, messageId: outcome.messageId, reason: outcome.reason });
    }
    loading.advance(1, outcome.kind === 'parsed' ? 'parsed' : 'skipped');
  };

  const reread = new RereadFile(root);
  const pending = new InOrder(workers > 0 ? workers * IN_FLIGHT_PER_WORKER : 1);
  let runner: Awaited<ReturnType<typeof mailRunner>> | undefined;
  try {
    for (const step of steps) {
      if ('problem' in step) {
        pending.add(() => skip(step.problem));
        continue;
      }
      const { mail } = step;
      const bytes = mail.bytes ?? reread.bytesOf(mail);
      mail.bytes = undefined; // the step list lives to the end; the mail's bytes need not
      if (!bytes) {
        pending.add(() => applyOutcome(mail, { kind: 'unreadable', reason: 'changed while this build read it', parserRefused: false }));
        continue;
      }
      // No more workers than mails: each must load the parser, the renderer and its own highlighter.
      const started = (runner ??= await mailRunner(Math.min(workers, total), config.srcDir));
      const task: MailTask = { key: mail.key, file: mail.file, position: mail.position, format: mail.format, bytes };
      await pending.run(() => started.run(task), (outcome) => applyOutcome(mail, outcome));
    }
    await pending.drain();
  } finally {
    await runner?.close();
    loading.finish();
  }

  for (const id of store.keys()) if (!records.has(id)) store.delete(id);
  const kept = [...seen].flatMap((key) => records.get(key) ?? []);
  writeRecords(root, kept, shelved);
  writeFileIndex(index);
  writeIngestReport(report);
  logger.info(
    `${report.files} files read, ${report.mails} mails found: ${report.parsed} parsed, ${report.reused} reused, ` +
      `${report.identicalCopies} identical copies, ${report.skipped.length} skipped`,
  );
  const notes = Object.entries(renderNoteCounts(kept));
  if (notes.length > 0) logger.info(`bodies a renderer bound cut: ${notes.map(([rule, count]) => `${count} ${rule}`).join(', ')}`);
}

/** A file read again in the second pass for mails the first could not keep; the last one read is kept, since its mails come in a row. */
class RereadFile {
  readonly #root: string;
  #file: string | undefined;
  #mails = new Map<number, RawMail>();

  constructor(root: string) {
    this.#root = root;
  }

  /** The mail's bytes, or undefined when the file no longer holds that mail where it was. */
  bytesOf(mail: NewMail): Uint8Array | undefined {
    if (this.#file !== mail.file) {
      this.#file = mail.file;
      this.#mails = new Map(readContentFile(this.#root, mail.file).mails.map((raw) => [raw.position, raw]));
    }
    const raw = this.#mails.get(mail.position);
    // A copy, as in the first pass: a worker would otherwise be sent the file's whole buffer.
    return raw && mailKey(raw) === mail.key ? new Uint8Array(raw.bytes) : undefined;
  }
}

/** Creates the loader for the mail collection. */
export function mailLoader(options: MailLoaderOptions): Loader {
  return { name: 'sheaf-mail-loader', load: (context) => load(context, options) };
}
