/**
 * Files of the output folder that are not Astro routes: every file that is not an HTML page,
 * and the pages that only forward from the slugs of earlier builds (`/m/<earlier>/`,
 * `/s/<earlier>/`: a third of a list's ids had one). The raw mails (`/m/<slug>/raw.txt`,
 * `raw-2.txt` … for variants), the search index (`/search/…json`), the JSON API, the thread and
 * series mboxes, the Atom feeds and those forwards need no page of Astro's, only their bytes (a
 * forward's are its layout rendered by Astro's Container API: src/site/site-routes.ts
 * `forwardPage`). As Astro endpoints they cost more than a second of a whole list's cold build
 * per thousand files, and more again to skip each when kept: Astro's walk
 * over a kept path, its copy of every file in its own cache, and for each file rendered a
 * `Response` whose body is copied into a stream and read back.
 *
 * The route data lists each kind with a key per file (`rawMails`, `searchFiles`, `api`,
 * `threadMboxes` … in routes/index.ts); the route module publishes those lists as it gives
 * Astro its paths, in the same process, with how to write a file of the kind, and the build's
 * end places them (`src/build/integration.ts`), writing only the files whose key is not the one
 * the last build placed there.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomically, writeAtomicallyInBackground } from '../loader/cache.ts';
import { rawMailFile } from '../loader/raw-store.ts';

/** A placed file: its path in the output folder (`m/<slug>/raw.txt`) and its key. */
export type PlacedFile = [path: string, key: string];

/** The placed files of one kind, and how one is written to its place in the output folder. */
export interface PlacedKind {
  files: PlacedFile[];
  write(target: string, file: PlacedFile): void | Promise<void>;
}

// A segment of a slug (src/archive/permalink.ts): what every message, series and file path is written with.
const SEGMENT = '[A-Za-z0-9._+=@~-]+';

/**
 * The kinds of placed files: where a file goes by its route parameter (where its route in
 * src/pages/ serves it in `astro dev`), and the rule its path is checked against again before
 * anything is written.
 */
const KINDS = {
  raw: { path: (param: string) => `m/${param}.txt`, safe: new RegExp(`^m/${SEGMENT}/raw(?:-\\d+)?\\.txt$`) },
  search: { path: (param: string) => `search/${param}`, safe: /^search\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.json$/ },
  api: { path: (param: string) => `api/${param}.json`, safe: /^api\/[a-z]+\.json$/ },
  threadMbox: { path: (param: string) => `m/${param}/t.mbox`, safe: new RegExp(`^m/${SEGMENT}/t\\.mbox$`) },
  threadMboxGzip: { path: (param: string) => `m/${param}/t.mbox.gz`, safe: new RegExp(`^m/${SEGMENT}/t\\.mbox\\.gz$`) },
  amSeriesMbox: { path: (param: string) => `s/${param}/series.mbox`, safe: new RegExp(`^s/${SEGMENT}/series\\.mbox$`) },
  plainSeriesMbox: { path: (param: string) => `s/${param}/series-plain.mbox`, safe: new RegExp(`^s/${SEGMENT}/series-plain\\.mbox$`) },
  archiveFeed: { path: (param: string) => `feeds/${param}.atom`, safe: /^feeds\/[a-z]+\.atom$/ },
  seriesFeed: { path: (param: string) => `s/${param}/feed.atom`, safe: new RegExp(`^s/${SEGMENT}/feed\\.atom$`) },
  fileFeed: { path: (param: string) => `f/${param}/feed.atom`, safe: new RegExp(`^f/(?:${SEGMENT}/)+feed\\.atom$`) },
  messageForward: { path: (param: string) => `m/${param}/index.html`, safe: new RegExp(`^m/${SEGMENT}/index\\.html$`) },
  seriesForward: { path: (param: string) => `s/${param}/index.html`, safe: new RegExp(`^s/${SEGMENT}/index\\.html$`) },
} as const;
export type PlacedKindName = keyof typeof KINDS;
/** The kinds whose bytes the route data makes (every kind but the raw mails, which are stored). */
export type MadeKindName = Exclude<PlacedKindName, 'raw'>;

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

/** The path of a placed file of a kind, by its route parameter (`<slug>/raw` is `m/<slug>/raw.txt`). */
export function placedPath(name: PlacedKindName, param: string): string {
  return KINDS[name].path(param);
}

/**
 * Called with the route data's raw mails (parameter, key of the mail) as the pages' paths are
 * given to Astro. Their bytes are the raw store's (src/loader/raw-store.ts), named by the mail's
 * key: each is linked into place (`publishLinkedFiles`).
 */
export function publishRawFiles(files: readonly [param: string, key: string][]): void {
  publishLinkedFiles('raw', files, ([, key]) => rawMailFile(key));
}

/**
 * Called with the route data's files of a kind (route parameter, key) whose bytes are already a
 * file of the cache folder, and where that is (`source`, given the placed path and key): each
 * written is a hard link to it (a copy where the output folder is on another file system).
 */
export function publishLinkedFiles(name: PlacedKindName, files: readonly [param: string, key: string][], source: (file: PlacedFile) => string | Promise<string>): void {
  publish(name, { files: files.map(([param, key]) => [placedPath(name, param), key]), write: async (target, file) => linkOrCopy(await source(file), target) });
}

/** Called with the route data's files of a kind (route parameter, key) and how to make a file's bytes, asked only for the files written. */
export function publishMadeFiles(name: MadeKindName, files: readonly [param: string, key: string][], contents: (param: string) => Promise<string | Uint8Array>): void {
  const params = new Map(files.map(([param]) => [placedPath(name, param), param]));
  publish(name, { files: files.map(([param, key]) => [placedPath(name, param), key]), write: async (target, [path]) => writeAtomicallyInBackground(target, await contents(params.get(path)!)) });
}

/** A path the route data made, checked again before anything is written there. */
function isSafePath(name: PlacedKindName, path: string): boolean {
  return KINDS[name].safe.test(path) && !path.split('/').some((segment) => segment === '..' || segment === '.');
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

/** How many files are written at once: their writes (and a thread mbox's gzip) run on libuv's thread pool while the next file is made. */
const WRITES_IN_FLIGHT = 8;

/**
 * Places the files of a kind in the output folder: a file whose key is the one placed there by
 * the last build (the `record` file says, and the file is still there) is kept; the others are
 * written (`onPlaced` is told of each). Returns the paths of all of them and how many were written.
 */
export async function placeFiles(
  outDir: string,
  name: PlacedKindName,
  { files, write }: PlacedKind,
  record: string,
  onPlaced: (written: boolean) => void = () => {},
): Promise<{ paths: string[]; written: number }> {
  const placed = readPlaced(record);
  let written = 0;
  const paths: string[] = [];
  const writing = new Set<Promise<void>>();
  try {
    for (const file of files) {
      const [path, key] = file;
      if (!isSafePath(name, path)) throw new Error(`not a ${name} file path: ${path}`);
      paths.push(path);
      const target = join(outDir, path);
      if (placed.get(path) === key && existsSync(target)) {
        onPlaced(false);
        continue;
      }
      const done: Promise<void> = Promise.resolve(write(target, file)).then(() => {
        writing.delete(done);
        onPlaced(true);
      });
      writing.add(done);
      written++;
      if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
    }
    await Promise.all(writing);
  } catch (error) {
    await Promise.allSettled(writing);
    throw error;
  }
  writeAtomically(record, JSON.stringify(files));
  return { paths, written };
}
