/**
 * Sheaf's own build cache, beside Astro's: message bodies and their rendered HTML, keyed
 * by the digest of the raw mail, and the ingest report of the last load. Kept out of Astro's content store,
 * which is one JSON string and would overflow with the bodies of a whole list.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { IngestProblem } from '../ingest/types.ts';
import type { MailBody } from '../parse/types.ts';

/** The cache folder: `SHEAF_CACHE`, or `.cache/sheaf` in the project (npm scripts run there). */
export function cacheRoot(): string {
  return resolve(process.env.SHEAF_CACHE ?? '.cache/sheaf');
}

/** A cache file that is missing, cut short or not what its name says; the caller can parse the mail again. */
export class CacheError extends Error {
  override name = 'CacheError';
}

/**
 * Writes a file whole or not at all: to a temporary name in the same folder, then renamed
 * over the real one (atomic on one file system), so a build killed mid-write leaves no
 * truncated file behind, only a `.tmp` that nothing reads.
 */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** `writeAtomically` on libuv's thread pool: the caller goes on while the file is written. */
export async function writeAtomicallyInBackground(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function temporaryName(path: string): string {
  return `${path}.${randomUUID()}.tmp`;
}

/**
 * Body cache files start with one line naming their key and the length of what follows:
 * `sheaf-body <key> <bytes>`. Checking a file then costs one small read and its size, not
 * reading it whole (the loader checks every mail's files on every build), and a file cut
 * short, or copied under another key, is told from a good one.
 */
const HEADER = /^sheaf-body ([0-9a-f]+) (\d+)\n/;
/** Enough bytes to hold any header. */
const HEADER_BYTES = 128;

function headerOf(key: string, payload: Buffer): Buffer {
  return Buffer.from(`sheaf-body ${key} ${payload.length}\n`);
}

/** Why the start of a body file and its size do not fit its key, or null when they do. */
function headerProblem(key: string, head: string, size: number): string | null {
  const header = HEADER.exec(head);
  if (!header) return 'no header';
  if (header[1] !== key) return `written for key ${header[1]}`;
  const expected = header[0].length + Number(header[2]);
  return size === expected ? null : `${size} bytes where ${expected} were written`;
}

/** The text of a body (`.json`) and its rendered HTML (`.html`) are kept apart: threading reads every text, pages one HTML. */
function bodyPath(key: string, extension: 'json' | 'html'): string {
  if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a body cache key: ${key}`);
  return join(cacheRoot(), 'bodies', key.slice(0, 2), `${key}.${extension}`);
}

/** The sizes of a body's two files as written, kept in its record: checking them costs a `stat` each. */
export interface BodyFileSizes {
  json: number;
  html: number;
}

/** Whether a cache file is there at the size it was written at: how the loader checks its files on every build. */
export function hasSize(path: string, size: number): boolean {
  return statSync(path, { throwIfNoEntry: false })?.size === size;
}

/**
 * Whether both files of a body are in the cache at the sizes they were written at; when not, the
 * loader parses the mail again. Files are written whole (renamed into place), so a size that
 * differs means damage; a file damaged otherwise fails its header check when read, and is removed.
 */
export function hasBody(key: string, sizes: BodyFileSizes): boolean {
  return hasSize(bodyPath(key, 'json'), sizes.json) && hasSize(bodyPath(key, 'html'), sizes.html);
}

function writeBodyFile(key: string, extension: 'json' | 'html', text: string): number {
  const payload = Buffer.from(text);
  const header = headerOf(key, payload);
  writeAtomically(bodyPath(key, extension), Buffer.concat([header, payload]));
  return header.length + payload.length;
}

/** Writes a body and its HTML; the HTML first, so a body whose text is there has its rendering too. */
export function writeBody(key: string, body: MailBody, html: string): BodyFileSizes {
  const htmlSize = writeBodyFile(key, 'html', html);
  return { json: writeBodyFile(key, 'json', JSON.stringify(body)), html: htmlSize };
}

/** The payload of a body file, checked against its header; throws a `CacheError` saying what is wrong. */
function readBodyFile(key: string, extension: 'json' | 'html'): string {
  const path = bodyPath(key, extension);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new CacheError(`body cache file ${path} cannot be read: ${(error as Error).message}`);
  }
  const head = data.toString('latin1', 0, HEADER_BYTES);
  const problem = headerProblem(key, head, data.length);
  if (problem) {
    // Removed, so the loader's size check misses it and the next build parses the mail again.
    rmSync(path, { force: true });
    throw new CacheError(`body cache file ${path} is damaged (${problem}) and is removed; its mail is parsed again on the next build`);
  }
  return data.toString('utf8', HEADER.exec(head)![0].length);
}

/** The body of a mail; throws a `CacheError` when its cache file is missing or damaged. */
export function readBody(key: string): MailBody {
  const text = readBodyFile(key, 'json');
  try {
    return JSON.parse(text) as MailBody;
  } catch (error) {
    throw new CacheError(`body cache file for ${key} holds no body: ${(error as Error).message}`);
  }
}

/** The body as rendered by `src/render` when the mail was loaded (archive links are resolved at page time); throws a `CacheError` when its file is missing or damaged. */
export function readRenderedBody(key: string): string {
  return readBodyFile(key, 'html');
}

/** What the loader found in the content folder on the last build. */
export interface IngestReport {
  contentRoot: string;
  files: number;
  /** Messages found in the files, including copies with identical bytes. */
  mails: number;
  parsed: number;
  reused: number;
  /** Mails whose body the renderer could not handle, shown as plain text instead. */
  renderedPlain: number;
  /** Mails whose bytes repeat one already read (the same mail saved twice). */
  identicalCopies: number;
  skipped: IngestProblem[];
}

const REPORT_FILE = 'ingest-report.json';

/** Writes the report whole or not at all; it stays plain JSON, for people to read. */
export function writeIngestReport(report: IngestReport): void {
  writeAtomically(join(cacheRoot(), REPORT_FILE), JSON.stringify(report, null, 2));
}

/** The last load's report, or null when there is none; throws a `CacheError` when the file is damaged. */
export function readIngestReport(): IngestReport | null {
  const path = join(cacheRoot(), REPORT_FILE);
  if (!existsSync(path)) return null;
  let report: IngestReport;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as IngestReport;
  } catch (error) {
    throw new CacheError(`ingest report ${path} is damaged: ${(error as Error).message}; the next build writes it again`);
  }
  if (typeof report !== 'object' || report === null || typeof report.files !== 'number' || !Array.isArray(report.skipped)) {
    throw new CacheError(`ingest report ${path} is damaged: not a report; the next build writes it again`);
  }
  return report;
}
