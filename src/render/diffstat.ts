/**
 * Marks diffstats (`path | 12 ++--` lines and the `N files changed` summary) and points each
 * path at the diff of that file, when the body holds one.
 */
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { blocks, claimLines, mapLineRuns, span } from './lines.ts';
import type { Diffstat, DiffstatLine, MailLine } from './types.ts';

/** What follows the `|` of a file line: a count and its `+`/`-` bar, or `Bin`. */
const STAT = /^\s+(?:\d+ ?[-+]*|Bin(?: \d+ -> \d+ bytes)?)\s*$/;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const SUMMARY = /^\s*\d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?\s*$/;
const MODE = /^\s*(?:(?:create|delete) mode \d+ \S|mode change \d+ => \d+ \S|(?:rename|copy) .+ \(\d+%\)$)/;

/**
 * The path of a diffstat file line (`path | 12 ++--`), or undefined. The stat is after the
 * last `|` (it holds none), and the path is what comes before it, trimmed: read that way
 * rather than with a lazy `(\S.*?)\s+\|`, which retries the blanks from every character.
 */
function fileLinePath(value: string): string | undefined {
  // Diffstat lines are short.
  if (value.length >= 400) return undefined;
  const bar = value.lastIndexOf('|');
  if (bar === -1 || !STAT.test(value.slice(bar + 1))) return undefined;
  const before = value.slice(0, bar);
  const path = before.trim();
  return path !== '' && /\s$/.test(before) && !LINE_TERMINATOR.test(path) ? path : undefined;
}

function isFileLine(line: MailLine | undefined): boolean {
  return line !== undefined && fileLinePath(line.value) !== undefined;
}

/** `a/{b => c}/d` as `a/c/d`: the last `}`, the last ` => ` before it and the last `{` before that. */
function bracedRename(path: string): string | undefined {
  const close = path.lastIndexOf('}');
  const arrow = close < 4 ? -1 : path.lastIndexOf(' => ', close - 4);
  const open = arrow < 1 ? -1 : path.lastIndexOf('{', arrow - 1);
  if (open === -1) return undefined;
  return (path.slice(0, open) + path.slice(arrow + 4, close) + path.slice(close + 1)).replace(/\/\//g, '/');
}

/** The new path of a diffstat entry: `a/{b => c}/d` is `a/c/d`, `b => c` is `c`. */
export function statPath(path: string): string {
  const braced = bracedRename(path);
  if (braced !== undefined) return braced;
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
    const path = fileLinePath(line.value)!;
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
export function remarkDiffstat(): Transformer<Root> {
  return (tree: Root): void => {
    const files = new Map<string, string>();
    for (const block of blocks(tree)) {
      if (block.type === 'diff' && block.path && block.fileId && !files.has(block.path)) files.set(block.path, block.fileId);
    }
    mapLineRuns(tree, (run) => claimLines(run, (lines, index) => readDiffstat(lines, index, files)));
  };
}
