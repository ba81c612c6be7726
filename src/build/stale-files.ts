/**
 * Incremental builds keep the output folder between builds (Astro copies nothing back for
 * pages it keeps), so a page no longer generated, or an asset of an earlier build, would
 * stay behind. After a build, every file that this build neither wrote nor kept is stale:
 * removing them makes the folder equal to a build from nothing.
 */
import { readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface OutputFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  mtimeMs: number;
}

/** The files to remove: neither an output of this build (written or kept) nor written since it started. */
export function staleFiles(files: readonly OutputFile[], outputs: ReadonlySet<string>, buildStartedMs: number): string[] {
  return files.filter((file) => !outputs.has(file.path) && file.mtimeMs < buildStartedMs).map((file) => file.path).sort();
}

/** Every file under a folder, relative to it. Symbolic links are listed, never followed. */
export function listOutputFiles(dir: string): OutputFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full).split(sep).join('/'), mtimeMs: statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
    });
}

/** Removes the stale files of an output folder and the folders they leave empty; returns how many files went. */
export function removeStaleFiles(dir: string, outputs: ReadonlySet<string>, buildStartedMs: number): number {
  const stale = staleFiles(listOutputFiles(dir), outputs, buildStartedMs);
  const folders = new Set<string>();
  for (const path of stale) {
    unlinkSync(join(dir, path));
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) folders.add(path.slice(0, slash));
  }
  // Deepest first, so a parent is tried after its children.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if (readdirSync(join(dir, folder)).length === 0) rmdirSync(join(dir, folder));
  }
  return stale.length;
}
