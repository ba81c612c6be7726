/**
 * The records of the last load (`MailRecord`: a mail's headers, links and body facts), kept in
 * one file beside Astro's content store rather than in it. Astro keeps its store as one JSON
 * string, serialised with devalue, rewritten whole when one entry changes and compiled into a
 * module for the pages: with a whole list's records in it (30 MB for 23,200 mails, To and Cc
 * the most of it) that cost about 5 s of every rebuild. The store keeps one small entry per
 * mail, its digest; the records are written here once per load with plain JSON.
 *
 * The pages read the records in the process that wrote them (`astro build` loads, then renders):
 * the load hands them over in memory, and the file is parsed only by another process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheError, cacheRoot, writeAtomically } from './cache.ts';
import { sameSignature, signatureOf, type FileSignature } from './file-index.ts';
import type { MailRecord } from './record.ts';

interface Shelf {
  contentRoot: string;
  records: MailRecord[];
}

/** One file per content folder, so switching `SHEAF_CONTENT` back and forth stays warm. */
function shelfPath(contentRoot: string): string {
  return join(cacheRoot(), 'records', `${createHash('sha256').update(contentRoot).digest('hex').slice(0, 16)}.json`);
}

// The loader and the pages are bundled apart: the records written meet the pages on a global of the build's process.
const WRITTEN = Symbol.for('sheaf.writtenRecords');

/** Records this process wrote to a shelf file, and that file's signature as written: it is theirs while that is unchanged. */
interface Written {
  path: string;
  signature: FileSignature;
  records: Map<string, MailRecord>;
}
type Holder = { [WRITTEN]?: Written };

/** Writes the records of a load, in the order found, whole or not at all. */
export function writeRecords(contentRoot: string, records: Iterable<MailRecord>): void {
  const shelf: Shelf = { contentRoot, records: [...records] };
  const path = shelfPath(contentRoot);
  writeAtomically(path, JSON.stringify(shelf));
  const signature = signatureOf(path);
  (globalThis as Holder)[WRITTEN] = signature && { path, signature, records: new Map(shelf.records.map((record) => [record.key, record])) };
}

/** The records this process last wrote to that path, when the file is still as written. */
function writtenHere(path: string): Map<string, MailRecord> | null {
  const written = (globalThis as Holder)[WRITTEN];
  if (written?.path !== path) return null;
  const signature = signatureOf(path);
  return signature && sameSignature(signature, written.signature) ? written.records : null;
}

/** The records of the last load of a content folder, by key; throws a `CacheError` when the file is missing or damaged. */
export function readRecords(contentRoot: string): Map<string, MailRecord> {
  const path = shelfPath(contentRoot);
  const written = writtenHere(path);
  if (written) return written;
  if (!existsSync(path)) throw new CacheError(`mail records ${path} are missing; the next build reads the mail again`);
  let shelf: Shelf;
  try {
    shelf = JSON.parse(readFileSync(path, 'utf8')) as Shelf;
  } catch (error) {
    throw new CacheError(`mail records ${path} are damaged (${(error as Error).message}); the next build reads the mail again`);
  }
  if (shelf.contentRoot !== contentRoot || !Array.isArray(shelf.records)) throw new CacheError(`mail records ${path} are not those of ${contentRoot}`);
  return new Map(shelf.records.map((record) => [record.key, record]));
}
