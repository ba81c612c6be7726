/**
 * Sheaf's own build cache, beside Astro's: message bodies and their rendered HTML, keyed
 * by the digest of the raw mail, and the ingest report of the last load. Kept out of Astro's content store,
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

/** The text of a body (`.json`) and its rendered HTML (`.html`) are kept apart: threading reads every text, pages one HTML. */
function bodyPath(key: string, extension: 'json' | 'html'): string {
  if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a body cache key: ${key}`);
  return join(cacheRoot(), 'bodies', key.slice(0, 2), `${key}.${extension}`);
}

export function hasBody(key: string): boolean {
  return existsSync(bodyPath(key, 'json')) && existsSync(bodyPath(key, 'html'));
}

export function writeBody(key: string, body: MailBody, html: string): void {
  const path = bodyPath(key, 'json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(body));
  writeFileSync(bodyPath(key, 'html'), html);
}

export function readBody(key: string): MailBody {
  return JSON.parse(readFileSync(bodyPath(key, 'json'), 'utf8')) as MailBody;
}

/** The body as rendered by `src/render` when the mail was loaded; archive links are resolved at page time. */
export function readRenderedBody(key: string): string {
  return readFileSync(bodyPath(key, 'html'), 'utf8');
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

export function writeIngestReport(report: IngestReport): void {
  mkdirSync(cacheRoot(), { recursive: true });
  writeFileSync(join(cacheRoot(), REPORT_FILE), JSON.stringify(report, null, 2));
}

export function readIngestReport(): IngestReport | null {
  const path = join(cacheRoot(), REPORT_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as IngestReport) : null;
}
