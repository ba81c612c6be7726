/**
 * The raw mails (`/m/<slug>/raw.txt`, `raw-2.txt` … for variants) are files of the output
 * folder that are not Astro routes: one Astro endpoint per mail cost more than a second of a
 * whole list's cold build per thousand mails, and more again to skip them when kept. Their
 * bytes are the raw store's (src/loader/raw-store.ts), named by the mail's key, so each is a
 * hard link to its stored file (a copy where the output folder is on another file system).
 *
 * The route data lists them (`rawMails` in routes/index.ts: each file's parameter and the key of
 * its mail); the route module publishes that list when it gives Astro its paths, in the same
 * process, and the build's end places them (`src/build/integration.ts`), writing only the files
 * whose mail is not the one the last build placed there.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rawMailFile } from '../loader/raw-store.ts';

/** A raw file: its path in the output folder (`m/<slug>/raw.txt`) and its mail's key. */
export type RawFile = [path: string, key: string];

// The route module is bundled apart from the integration: they meet on a global of the build's process.
const PUBLISHED = Symbol.for('sheaf.rawFiles');
type Published = { [PUBLISHED]?: RawFile[] };

/** The path of a raw mail route parameter (`<slug>/raw`). */
export function rawFilePath(param: string): string {
  return `m/${param}.txt`;
}

/** Called with the route data's raw mails as the pages' paths are given to Astro. */
export function publishRawFiles(files: readonly [param: string, key: string][]): void {
  (globalThis as Published)[PUBLISHED] = files.map(([param, key]) => [rawFilePath(param), key]);
}

/** The raw files this build published, or null when no route gave them. */
export function publishedRawFiles(): RawFile[] | null {
  return (globalThis as Published)[PUBLISHED] ?? null;
}

/** A path the route data made, checked again before anything is written there. */
function isSafePath(path: string): boolean {
  return /^m\/[^/]+\/raw(?:-\d+)?\.txt$/.test(path) && !path.split('/').some((segment) => segment === '..' || segment === '.');
}

function placeOne(source: string, target: string): void {
  rmSync(target, { force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch {
    // Another file system, or one without hard links: a copy serves the same bytes.
    const temporary = `${target}.tmp`;
    copyFileSync(source, temporary);
    renameSync(temporary, target);
  }
}

/** What the last build placed in an output folder, by path: the key of each file's mail. */
function readPlaced(record: string): Map<string, string> {
  try {
    const placed: unknown = JSON.parse(readFileSync(record, 'utf8'));
    return new Map(Array.isArray(placed) ? placed.filter((entry): entry is RawFile => Array.isArray(entry) && entry.length === 2) : []);
  } catch {
    return new Map(); // no record, or a damaged one: every file is placed again
  }
}

/**
 * Places the raw files in the output folder: a file whose mail is the one placed there by the
 * last build (the `record` file says, and the file is still there) is kept; the others are
 * linked or copied from the raw store. Returns the paths of all of them and how many were written.
 */
export function placeRawFiles(outDir: string, files: readonly RawFile[], record: string): { paths: string[]; written: number } {
  const placed = readPlaced(record);
  let written = 0;
  const paths: string[] = [];
  for (const [path, key] of files) {
    if (!isSafePath(path)) throw new Error(`not a raw file path: ${path}`);
    paths.push(path);
    const target = join(outDir, path);
    if (placed.get(path) === key && existsSync(target)) continue;
    placeOne(rawMailFile(key), target);
    written++;
  }
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(`${record}.tmp`, JSON.stringify(files));
  renameSync(`${record}.tmp`, record);
  return { paths, written };
}
