/**
 * Every mail as archived, for its `raw.txt` and the mboxes: the bytes the ingest stage framed
 * (an mbox message without its `From ` line and with `>From ` quoting undone, a `.eml` or
 * maildir file, the text of an archive page), one file per mail under `<cache>/raw/`, named
 * by the mail's key. Kept out of Astro's content store, which is one JSON string.
 *
 * The key is a digest of the bytes, so a file is checked against its own name: the loader
 * checks its size on every build (a missing or cut file makes the mail be read again), and a
 * read checks the digest (a damaged file is removed, so the next build reads the mail again).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CacheError, cacheRoot, hasSize, writeAtomically } from './cache.ts';
import { keyOfBytes } from './record.ts';

/** Where a mail's bytes are kept, by its key. */
export function rawMailFile(key: string): string {
  if (!/^[0-9a-f]{40}$/.test(key)) throw new Error(`not a mail key: ${key}`);
  return join(cacheRoot(), 'raw', key.slice(0, 2), key);
}

/** Keeps a mail's bytes under its key, whole or not at all. */
export function writeRawMail(key: string, bytes: Uint8Array): void {
  writeAtomically(rawMailFile(key), bytes);
}

/** Whether the mail's bytes are kept, from the file's size alone (the loader asks for every mail on every build). */
export function hasRawMail(key: string, size: number): boolean {
  return hasSize(rawMailFile(key), size);
}

/** A mail's bytes, checked against its key; throws a `CacheError` when they are missing or damaged. */
export function readRawMail(key: string): Buffer<ArrayBuffer> {
  const path = rawMailFile(key);
  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CacheError(`raw mail ${path} cannot be read: ${(error as Error).message}; the next build reads the mail again`);
  }
  if (keyOfBytes(bytes) !== key) {
    rmSync(path, { force: true });
    throw new CacheError(`raw mail ${path} was damaged and is removed; the next build reads the mail again`);
  }
  return bytes;
}
