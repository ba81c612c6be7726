/**
 * The records of the last load (`MailRecord`: a mail's headers, links and body facts), kept in
 * files beside Astro's content store rather than in it. Astro keeps its store as one JSON
 * string, serialised with devalue, rewritten whole when one entry changes and compiled into a
 * module for the pages: with a whole list's records in it (30 MB for 23,200 mails, To and Cc
 * the most of it) that cost about 5 s of every rebuild. The store keeps one small entry per
 * mail, its digest; the records are kept here with plain JSON.
 *
 * They are split by key into `SHARDS` files, and a load writes only the files whose records
 * changed: one new reply rewrites one file of a few hundred records, not the whole shelf (130 MB
 * at 100,000 mails, 2 s to write).
 *
 * The pages read the records in the process that wrote them (`astro build` loads, then renders):
 * the load hands them over in memory, and the files are parsed only by another process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CacheError, cacheRoot, writeAtomically } from './cache.ts';
import { sameSignature, signatureOf, type FileSignature } from './file-index.ts';
import type { MailRecord } from './record.ts';

const SHARDS = 256;

interface Shard {
  contentRoot: string;
  records: MailRecord[];
}

/** One folder per content folder, so switching `SHEAF_CONTENT` back and forth stays warm. */
function shelfFolder(contentRoot: string): string {
  return join(cacheRoot(), 'records', createHash('sha256').update(contentRoot).digest('hex').slice(0, 16));
}

/** The shard of a key (FNV-1a): any string, so the shelf needs nothing of the keys' shape. */
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

const shardName = (shard: number) => `${shard.toString(16).padStart(2, '0')}.json`;

// The loader and the pages are bundled apart: the records written meet the pages on a global of the build's process.
const WRITTEN = Symbol.for('sheaf.writtenRecords');

/** Records this process wrote to a shelf, and its files' signatures as written: they are theirs while those are unchanged. */
interface Written {
  folder: string;
  signatures: Map<string, FileSignature>;
  records: Map<string, MailRecord>;
}
type Holder = { [WRITTEN]?: Written };

function byShard(records: Iterable<MailRecord>): Map<number, MailRecord[]> {
  const shards = new Map<number, MailRecord[]>();
  for (const record of records) {
    const shard = shardOf(record.key);
    const list = shards.get(shard);
    if (list) list.push(record);
    else shards.set(shard, [record]);
  }
  return shards;
}

/** Whether a shard holds the very records of the last load's, no more and no fewer. */
function unchanged(records: readonly MailRecord[], before: readonly MailRecord[] | undefined, shelved: ReadonlyMap<string, MailRecord>): boolean {
  return before !== undefined && before.length === records.length && records.every((record) => shelved.get(record.key) === record);
}

/**
 * Writes the records of a load, each shard whole or not at all; `shelved` is what `readRecords`
 * gave this load: a shard holding exactly those records is left as it is.
 */
export function writeRecords(contentRoot: string, records: Iterable<MailRecord>, shelved: ReadonlyMap<string, MailRecord> = new Map()): void {
  const folder = shelfFolder(contentRoot);
  const all = new Map([...records].map((record) => [record.key, record]));
  const shards = byShard(all.values());
  const before = byShard(shelved.values());
  const signatures = new Map<string, FileSignature>();
  // The folder says the load ran, even with no mail. Builds before the split wrote one file beside it: it goes (a new
  // record-shelf.ts is a new parser digest, so this load parsed every mail again anyway).
  mkdirSync(folder, { recursive: true });
  rmSync(`${folder}.json`, { force: true });
  const present = new Set(readdirSync(folder));
  for (let shard = 0; shard < SHARDS; shard++) {
    const name = shardName(shard);
    const path = join(folder, name);
    const held = shards.get(shard);
    if (!held) {
      if (present.has(name)) rmSync(path, { force: true });
      continue;
    }
    if (!present.has(name) || !unchanged(held, before.get(shard), shelved)) writeAtomically(path, JSON.stringify({ contentRoot, records: held } satisfies Shard));
    const signature = signatureOf(path);
    if (signature) signatures.set(path, signature);
  }
  (globalThis as Holder)[WRITTEN] = { folder, signatures, records: all };
}

/** The records this process last wrote to that folder, when its files are still as written. */
function writtenHere(folder: string): Map<string, MailRecord> | null {
  const written = (globalThis as Holder)[WRITTEN];
  if (written?.folder !== folder) return null;
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : [];
  if (files.length !== written.signatures.size) return null;
  for (const name of files) {
    const path = join(folder, name);
    const known = written.signatures.get(path);
    const signature = signatureOf(path);
    if (!known || !signature || !sameSignature(known, signature)) return null;
  }
  return written.records;
}

function readShard(path: string, contentRoot: string): MailRecord[] {
  let shard: Shard;
  try {
    shard = JSON.parse(readFileSync(path, 'utf8')) as Shard;
  } catch (error) {
    throw new CacheError(`mail records ${path} are damaged (${(error as Error).message}); the next build reads the mail again`);
  }
  if (shard.contentRoot !== contentRoot || !Array.isArray(shard.records)) throw new CacheError(`mail records ${path} are not those of ${contentRoot}`);
  return shard.records;
}

/** The records of the last load of a content folder, by key; throws a `CacheError` when they are missing or damaged. */
export function readRecords(contentRoot: string): Map<string, MailRecord> {
  const folder = shelfFolder(contentRoot);
  const written = writtenHere(folder);
  if (written) return written;
  if (!existsSync(folder)) throw new CacheError(`mail records ${folder} are missing; the next build reads the mail again`);
  const records = new Map<string, MailRecord>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    for (const record of readShard(join(folder, name), contentRoot)) records.set(record.key, record);
  }
  return records;
}
