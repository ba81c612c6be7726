/**
 * What each content file yielded on the last build, kept per content folder in Sheaf's cache
 * folder: with it an unchanged file (same size, mtime and inode) is not read, framed and
 * hashed again. The index belongs to one parser digest: a changed parser starts a new one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IngestProblem } from '../ingest/types.ts';
import { cacheRoot } from './cache.ts';

/** What tells that a file has not changed since it was read. */
export interface FileSignature {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface IndexedFile extends FileSignature {
  /** Path relative to the content folder, as the ingest stage names it. */
  file: string;
  /** Key and position of every mail the file yielded, in file order, identical copies included. */
  mails: Array<[key: string, position: number]>;
  /** What was wrong with the file, or with mails that framing refused. */
  problems: IngestProblem[];
}

/** A mail the parser refused, by its key: the same bytes fail the same way under the same parser. */
export interface RefusedMail {
  key: string;
  messageId?: string;
  reason: string;
}

export interface FileIndex {
  parserDigest: string;
  contentRoot: string;
  files: Map<string, IndexedFile>;
  refused: Map<string, RefusedMail>;
}

interface StoredIndex {
  parserDigest: string;
  contentRoot: string;
  files: IndexedFile[];
  refused: RefusedMail[];
}

/**
 * A file whose mtime is this close to the moment it was read may be written again within the
 * same timestamp tick (filesystems keep mtime to a second or two), so it is not indexed: the
 * next build reads it again.
 */
const RACY_WINDOW_MS = 2000;

function indexPath(contentRoot: string): string {
  return join(cacheRoot(), 'files', `${createHash('sha256').update(contentRoot).digest('hex').slice(0, 16)}.json`);
}

export function emptyIndex(contentRoot: string, parserDigest: string): FileIndex {
  return { parserDigest, contentRoot, files: new Map(), refused: new Map() };
}

/** The index of the last build of `contentRoot`, or an empty one when there is none, it is unreadable or another parser made it. */
export function readFileIndex(contentRoot: string, parserDigest: string): FileIndex {
  let stored: StoredIndex;
  try {
    stored = JSON.parse(readFileSync(indexPath(contentRoot), 'utf8')) as StoredIndex;
  } catch {
    return emptyIndex(contentRoot, parserDigest);
  }
  if (stored.parserDigest !== parserDigest || stored.contentRoot !== contentRoot) return emptyIndex(contentRoot, parserDigest);
  return {
    parserDigest,
    contentRoot,
    files: new Map(stored.files.map((entry) => [entry.file, entry])),
    refused: new Map(stored.refused.map((mail) => [mail.key, mail])),
  };
}

/** Writes the index whole to a temporary file and renames it into place, so a build stopped halfway leaves the old one. */
export function writeFileIndex(index: FileIndex): void {
  const path = indexPath(index.contentRoot);
  mkdirSync(dirname(path), { recursive: true });
  const stored: StoredIndex = {
    parserDigest: index.parserDigest,
    contentRoot: index.contentRoot,
    files: [...index.files.values()],
    refused: [...index.refused.values()],
  };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored));
  renameSync(temporary, path);
}

/** The file's signature, or undefined when it cannot be read (the ingest stage then reports why). */
export function signatureOf(path: string): FileSignature | undefined {
  try {
    const stats = statSync(path);
    return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  } catch {
    return undefined;
  }
}

export function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** Whether a file read at `readAt` (ms since the epoch) could still change unseen: see RACY_WINDOW_MS. */
export function isRacy(signature: FileSignature, readAt: number): boolean {
  return readAt - signature.mtimeMs < RACY_WINDOW_MS;
}
