/**
 * Incremental builds keep the output folder between builds (Astro copies nothing back for
 * pages it keeps), so a page no longer generated, or an asset of an earlier build, would
 * stay behind. After a build, the files the last build wrote or kept and this one did not,
 * and the bundled assets it did not write again, are stale: removing them makes the folder
 * equal to a build from nothing. The folder is never walked whole: on a whole list it holds
 * some 30,000 files.
 */
import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Where Astro puts bundled scripts and styles: names with a content hash, written anew by every build. */
export const ASSETS_FOLDER = '_astro';

/** The outputs of the last build that this one did not write or keep. */
export function staleOutputs(previous: Iterable<string>, current: ReadonlySet<string>): string[] {
  return [...new Set(previous)].filter((path) => !current.has(path)).sort();
}

/** A path an earlier build recorded, safe to remove: relative, inside the folder. */
function isInside(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split('/').some((segment) => segment === '..' || segment === '');
}

/** Bundled assets not written since the build started. */
function staleAssets(dir: string, buildStartedMs: number): string[] {
  const folder = join(dir, ASSETS_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && statSync(join(folder, entry.name)).mtimeMs < buildStartedMs)
    .map((entry) => `${ASSETS_FOLDER}/${entry.name}`);
}

/** Removes stale files of an output folder and the folders they leave empty; returns how many files went. */
export function removeStaleFiles(dir: string, previous: Iterable<string>, current: ReadonlySet<string>, buildStartedMs: number): number {
  const stale = [...staleOutputs(previous, current).filter(isInside), ...staleAssets(dir, buildStartedMs)];
  const folders = new Set<string>();
  let removed = 0;
  for (const path of stale) {
    if (!existsSync(join(dir, path))) continue;
    unlinkSync(join(dir, path));
    removed++;
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) folders.add(path.slice(0, slash));
  }
  // Deepest first, so a parent is tried after its children.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const full = join(dir, folder);
    if (existsSync(full) && readdirSync(full).length === 0) rmdirSync(full);
  }
  return removed;
}
