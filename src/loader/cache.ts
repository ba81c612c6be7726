/**
 * Sheaf's own build cache, beside Astro's: message bodies keyed by the digest of the
 * raw mail, and the ingest report of the last load. Kept out of Astro's content store,
 * which is one JSON string and would overflow with the bodies of a whole list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IngestProblem } from '../ingest/types.ts';
import type { MailBody } from '../parse/types.ts';

/** The cache folder: `SHEAF_CACHE`, or `.cache/sheaf` in the project (npm scripts run there). */
export function cacheRoot(): string {
  return resolve(process.env.SHEAF_CACHE ?? '.cache/sheaf');
}

function bodyPath(key: string): string {
  if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a body cache key: ${key}`);
  return join(cacheRoot(), 'bodies', key.slice(0, 2), `${key}.json`);
}

export function hasBody(key: string): boolean {
  return existsSync(bodyPath(key));
}

export function writeBody(key: string, body: MailBody): void {
  const path = bodyPath(key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(body));
}

export function readBody(key: string): MailBody {
  return JSON.parse(readFileSync(bodyPath(key), 'utf8')) as MailBody;
}

/** What the loader found in the content folder on the last build. */
export interface IngestReport {
  contentRoot: string;
  files: number;
  /** Messages found in the files, including copies with identical bytes. */
  mails: number;
  parsed: number;
  reused: number;
  /** Mails whose bytes repeat one already read (the same mail saved twice). */
  identicalCopies: number;
  skipped: IngestProblem[];
}

const REPORT_FILE = 'ingest-report.json';

export function writeIngestReport(report: IngestReport): void {
  mkdirSync(cacheRoot(), { recursive: true });
  writeFileSync(join(cacheRoot(), REPORT_FILE), JSON.stringify(report, null, 2));
}

export function readIngestReport(): IngestReport | null {
  const path = join(cacheRoot(), REPORT_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as IngestReport) : null;
}
