/**
 * Marks diffstats (`path | 12 ++--` lines and the `N files changed` summary) and points each
 * path at the diff of that file, when the body holds one.
 */
import type { Root } from 'mdast';
import { blocks, claimLines, mapLineRuns, span } from './lines.ts';
import type { Diffstat, DiffstatLine, MailLine } from './types.ts';

const FILE = /^\s*(\S.*?)\s+\|\s+(?:\d+ ?[-+]*|Bin(?: \d+ -> \d+ bytes)?)\s*$/;
const SUMMARY = /^\s*\d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?\s*$/;
const MODE = /^\s*(?:(?:create|delete) mode \d+ \S|mode change \d+ => \d+ \S|(?:rename|copy) .+ \(\d+%\)$)/;

/** Diffstat lines are short; the length check keeps the regular expression away from long lines of spaces. */
function isFileLine(line: MailLine | undefined): boolean {
  return line !== undefined && line.value.length < 400 && line.value.includes('|') && FILE.test(line.value);
}

/** The new path of a diffstat entry: `a/{b => c}/d` is `a/c/d`, `b => c` is `c`. */
export function statPath(path: string): string {
  const braces = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(path);
  if (braces) return (braces[1]! + braces[3]! + braces[4]!).replace(/\/\//g, '/');
  const arrow = path.lastIndexOf(' => ');
  const after = arrow === -1 ? path : path.slice(arrow + 4);
  // A shortened rename keeps the closing brace of a `{…}` whose opening was cut.
  return after.endsWith('}') && !after.includes('{') ? after.slice(0, -1) : after;
}

/** The id of the diff of `path`, which git shortens to `...tail` when it is long. */
function findTarget(path: string, files: Map<string, string>): string | undefined {
  if (!path.startsWith('...')) return files.get(statPath(path));
  const tail = statPath(path.slice(3));
  for (const [file, id] of files) if (file.endsWith(tail)) return id;
  return undefined;
}

/** Reads a diffstat from `index`: file lines, then the summary (or at least two file lines), then mode lines. */
function readDiffstat(run: MailLine[], index: number, files: Map<string, string>): { node: Diffstat; end: number } | undefined {
  const lines: DiffstatLine[] = [];
  let end = index;
  while (isFileLine(run[end])) end++;
  const fileLines = end - index;
  if (fileLines === 0) return undefined;
  const summarised = end < run.length && SUMMARY.test(run[end]!.value);
  if (!summarised && fileLines < 2) return undefined;
  for (const line of run.slice(index, end)) {
    const path = FILE.exec(line.value)![1]!;
    const stat: DiffstatLine = { type: 'diffstatLine', value: line.value, path };
    const target = findTarget(path, files);
    if (target) stat.target = target;
    if (line.position) stat.position = line.position;
    lines.push(stat);
  }
  if (summarised) {
    end++;
    while (end < run.length && MODE.test(run[end]!.value)) end++;
    for (const line of run.slice(index + fileLines, end)) {
      const stat: DiffstatLine = { type: 'diffstatLine', value: line.value };
      if (line.position) stat.position = line.position;
      lines.push(stat);
    }
  }
  const node: Diffstat = { type: 'diffstat', children: lines };
  const position = span(run[index]!, run[end - 1]!);
  if (position) node.position = position;
  return { node, end };
}

/** unified plugin: mark diffstats and link them to the diffs of the body. Runs after `remarkDiff`. */
export function remarkDiffstat() {
  return (tree: Root): void => {
    const files = new Map<string, string>();
    for (const block of blocks(tree)) {
      if (block.type === 'diff' && block.path && block.fileId && !files.has(block.path)) files.set(block.path, block.fileId);
    }
    mapLineRuns(tree, (run) => claimLines(run, (lines, index) => readDiffstat(lines, index, files)));
  };
}
