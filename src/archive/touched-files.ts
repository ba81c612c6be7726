/**
 * The files a patch touches: the paths of its own file diffs (body.ts `ownFileDiffs`, the
 * diffs the renderer marked, with the path their header names), in order, each once, at most
 * `MAX_TOUCHED_FILES`. A body fact, so the archive's file pages read no body.
 */
import type { Root } from 'mdast';
import { ownFileDiffs } from './body.ts';

export const MAX_TOUCHED_FILES = 200;

export function touchedFiles(tree: Root): string[] {
  const paths = new Set<string>();
  for (const diff of ownFileDiffs(tree)) {
    if (paths.size >= MAX_TOUCHED_FILES) break;
    if (diff.fileId !== undefined && diff.path) paths.add(diff.path);
  }
  return [...paths];
}
