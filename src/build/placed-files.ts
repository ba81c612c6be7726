/**
 * Files of the output folder that are not Astro routes: the raw mails (`/m/<slug>/raw.txt`,
 * `raw-2.txt` … for variants) and the search index (`/search/…json`). One Astro endpoint per
 * file cost more than a second of a whole list's cold build per thousand files, and more again
 * to skip each when kept (Astro's walk over a kept path, and its copy of every file in its own
 * cache); these files need no page of Astro's, only their bytes.
 *
 * The route data lists each kind with a key per file (`rawMails` and `searchFiles` in
 * routes/index.ts); the route module publishes those lists as it gives Astro its paths, in the
 * same process, with how to write a file of the kind, and the build's end places them
 * (`src/build/integration.ts`), writing only the files whose key is not the one the last build
 * placed there.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomically } from '../loader/cache.ts';
import { rawMailFile } from '../loader/raw-store.ts';

/** A placed file: its path in the output folder (`m/<slug>/raw.txt`) and its key. */
export type PlacedFile = [path: string, key: string];

/** The placed files of one kind, and how one is written to its place in the output folder. */
export interface PlacedKind {
  files: PlacedFile[];
  write(target: string, file: PlacedFile): void | Promise<void>;
}

/** The kinds of placed files, each checked again by its own rule before anything is written. */
const SAFE_PATHS = {
  raw: /^m\/[^/]+\/raw(?:-\d+)?\.txt$/,
  search: /^search\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.json$/,
} as const;
export type PlacedKindName = keyof typeof SAFE_PATHS;

// The route module is bundled apart from the integration: they meet on a global of the build's process.
const PUBLISHED = Symbol.for('sheaf.placedFiles');
type Published = { [PUBLISHED]?: Map<PlacedKindName, PlacedKind> };

function publish(name: PlacedKindName, kind: PlacedKind): void {
  ((globalThis as Published)[PUBLISHED] ??= new Map()).set(name, kind);
}

/** The placed files this build published, by kind. */
export function publishedFiles(): ReadonlyMap<PlacedKindName, PlacedKind> {
  return (globalThis as Published)[PUBLISHED] ?? new Map();
}

/** The path of a raw mail route parameter (`<slug>/raw`). */
export function rawFilePath(param: string): string {
  return `m/${param}.txt`;
}

/**
 * Called with the route data's raw mails (parameter, key of the mail) as the pages' paths are
 * given to Astro. Their bytes are the raw store's (src/loader/raw-store.ts), named by the mail's
 * key, so each is a hard link to its stored file (a copy where the output folder is on another
 * file system).
 */
export function publishRawFiles(files: readonly [param: string, key: string][]): void {
  publish('raw', { files: files.map(([param, key]) => [rawFilePath(param), key]), write: (target, [, key]) => linkOrCopy(rawMailFile(key), target) });
}

/** Called with the route data's search index files (path under `/search/`, key) and how to find a file's text. */
export function publishSearchFiles(files: readonly [param: string, key: string][], text: (param: string) => Promise<string>): void {
  const prefix = 'search/';
  publish('search', { files: files.map(([param, key]) => [`${prefix}${param}`, key]), write: async (target, [path]) => writeAtomically(target, await text(path.slice(prefix.length))) });
}

/** A path the route data made, checked again before anything is written there. */
function isSafePath(name: PlacedKindName, path: string): boolean {
  return SAFE_PATHS[name].test(path) && !path.split('/').some((segment) => segment === '..' || segment === '.');
}

function linkOrCopy(source: string, target: string): void {
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

/** What the last build placed in an output folder, by path: the key of each file. */
function readPlaced(record: string): Map<string, string> {
  try {
    const placed: unknown = JSON.parse(readFileSync(record, 'utf8'));
    return new Map(Array.isArray(placed) ? placed.filter((entry): entry is PlacedFile => Array.isArray(entry) && entry.length === 2) : []);
  } catch {
    return new Map(); // no record, or a damaged one: every file is placed again
  }
}

/**
 * Places the files of a kind in the output folder: a file whose key is the one placed there by
 * the last build (the `record` file says, and the file is still there) is kept; the others are
 * written. Returns the paths of all of them and how many were written.
 */
export async function placeFiles(outDir: string, name: PlacedKindName, { files, write }: PlacedKind, record: string): Promise<{ paths: string[]; written: number }> {
  const placed = readPlaced(record);
  let written = 0;
  const paths: string[] = [];
  for (const file of files) {
    const [path, key] = file;
    if (!isSafePath(name, path)) throw new Error(`not a ${name} file path: ${path}`);
    paths.push(path);
    const target = join(outDir, path);
    if (placed.get(path) === key && existsSync(target)) continue;
    await write(target, file);
    written++;
  }
  writeAtomically(record, JSON.stringify(files));
  return { paths, written };
}
