/**
 * What changed in one patch between two versions of a series, in the manner of
 * `git range-diff`: the diff of its commit message, and per file the diff of its diffs, by
 * hunk: hunks only in the newer version (added), only in the older (dropped), and hunks in
 * both whose lines differ (changed, shown as a diff of the two hunks). Hunks are compared as
 * versions.ts compares patches: without `index` lines, hunk offsets and line-end blanks, which a
 * rebase changes; a hunk the same in both is not shown.
 *
 * The diffs are read from the marked tree (`markBody`), the one reading of a diff: this module
 * only pairs what it marked. The result is itself a diff of two texts (each version's diff of a
 * file), so it is written as one (`interdiffText`) and rendered, highlighted and linked as every
 * other diff is. Bounded: `MAX_INTERDIFF_LINES` lines per patch, and lines are paired by a
 * longest common subsequence only while both sides' product stays under `MAX_PAIRED_CELLS`.
 */
import type { Root } from 'mdast';
import type { Diff } from '../render/types.ts';
import { ownFileDiffs } from './body.ts';

export type HunkStatus = 'added' | 'dropped' | 'changed';

/** A line of the interdiff: a line of either version's diff (with its own marker), marked as kept, added or dropped. */
export interface InterdiffLine {
  marker: ' ' | '+' | '-';
  text: string;
}

export interface InterdiffHunk {
  status: HunkStatus;
  /** Where it is in each version's diff of the file (hunk headers and lines counted, from 1), and how many lines it has there. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: InterdiffLine[];
}

export interface InterdiffFile {
  path: string;
  /** `added`: the newer version's patch touches the file and the older's did not; `dropped`: the reverse. */
  status: HunkStatus;
  hunks: InterdiffHunk[];
}

export interface Interdiff {
  /** The diff of the two commit messages, in hunks with 3 lines of context; empty when they are the same. */
  commitMessage: InterdiffHunk[];
  files: InterdiffFile[];
  /** True when `MAX_INTERDIFF_LINES` cut it. */
  truncated: boolean;
}

/** One version of a patch: its body's text, its marked tree, and where its commit message ends (body facts). */
export interface PatchVersion {
  text: string;
  tree: Root;
  commitMessageEnd: number;
}

export const MAX_INTERDIFF_LINES = 5000;
export const MAX_PAIRED_CELLS = 4_000_000;
const CONTEXT = 3;

interface Line {
  /** What it is compared by. */
  key: string;
  text: string;
}

interface FileSide {
  path: string;
  hunks: Line[][];
}

const INDEX_LINE = /^index [0-9a-f]+\.\.[0-9a-f]+/;

/** A hunk header compared without its offsets: `@@ static int f(void)`. */
function hunkKey(header: string): string {
  return `@@${header.replace(/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/, '').trimEnd()}`;
}

/** Each file a patch's own diffs touch, by path, with its hunks (header line first). */
function fileSides(tree: Root): FileSide[] {
  const files: FileSide[] = [];
  const byPath = new Map<string, FileSide>();
  let current: FileSide | null = null;
  for (const diff of ownFileDiffs(tree) as Diff[]) {
    if (diff.fileId !== undefined || !current) {
      const path = diff.path ?? `(file ${files.length + 1})`;
      current = byPath.get(path) ?? null;
      if (!current) {
        current = { path, hunks: [] };
        byPath.set(path, current);
        files.push(current);
      }
    }
    for (const line of diff.children) {
      if (line.kind === 'file') continue;
      if (line.kind === 'hunk') current.hunks.push([{ key: hunkKey(line.value), text: line.value }]);
      else if (current.hunks.length > 0) current.hunks.at(-1)!.push({ key: line.value.trimEnd(), text: line.value });
    }
  }
  return files;
}

type Op = { kind: 'same'; a: number; b: number } | { kind: 'del'; a: number } | { kind: 'add'; b: number };

/** The edit script from `a` to `b` by a longest common subsequence; past `MAX_PAIRED_CELLS`, all of `a` dropped and all of `b` added. */
function editScript<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: 'same', a: i, b: i });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_PAIRED_CELLS) {
    for (let i = start; i < endA; i++) ops.push({ kind: 'del', a: i });
    for (let j = start; j < endB; j++) ops.push({ kind: 'add', b: j });
  } else {
    // lengths[i][j]: the longest common subsequence of a[start+i..] and b[start+j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * width + j] = same(a[start + i]!, b[start + j]!) ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && same(a[start + i]!, b[start + j]!)) ops.push({ kind: 'same', a: start + i++, b: start + j++ });
      // Removed lines before added ones, as diff shows them.
      else if (i < n && (j === m || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) ops.push({ kind: 'del', a: start + i++ });
      else ops.push({ kind: 'add', b: start + j++ });
    }
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ kind: 'same', a: i, b: j });
  return ops;
}

const sameLine = (x: Line, y: Line) => x.key === y.key;
const sameHunk = (x: Line[], y: Line[]) => x.length === y.length && x.every((line, index) => line.key === y[index]!.key);

function lineOps(ops: readonly Op[], a: readonly Line[], b: readonly Line[]): InterdiffLine[] {
  return ops.map((op) => (op.kind === 'same' ? { marker: ' ', text: b[op.b]!.text } : op.kind === 'del' ? { marker: '-', text: a[op.a]!.text } : { marker: '+', text: b[op.b]!.text }));
}

/** How many of the added and removed lines of the hunk with fewer the other has too, as a share of them (context is left out: hunks near each other share it). */
function overlap(a: readonly Line[], b: readonly Line[]): number {
  const changes = (hunk: readonly Line[]) => hunk.slice(1).filter((line) => line.key.startsWith('+') || line.key.startsWith('-'));
  const [mine, theirs] = [changes(a), changes(b)];
  const keys = new Set(mine.map((line) => line.key));
  const shared = theirs.filter((line) => keys.has(line.key)).length;
  return shared / Math.max(1, Math.min(mine.length, theirs.length));
}

const SIMILAR_HUNKS = 0.5;

/**
 * Pairs the hunks of a run found in only one version each: the same function context
 * (the hunk header without its offsets) first, then at least half their added and removed lines in common.
 * Returns, for each newer hunk of the run, the index in `dropped` of its counterpart or -1.
 */
function pairHunks(dropped: readonly Line[][], added: readonly Line[][]): number[] {
  const taken = new Set<number>();
  const pairs = added.map((hunk) => {
    const same = dropped.findIndex((other, index) => !taken.has(index) && other[0]!.key === hunk[0]!.key);
    if (same !== -1) taken.add(same);
    return same;
  });
  return pairs.map((pair, k) => {
    if (pair !== -1) return pair;
    const similar = dropped.findIndex((other, index) => !taken.has(index) && overlap(other, added[k]!) >= SIMILAR_HUNKS);
    if (similar !== -1) taken.add(similar);
    return similar;
  });
}

/** The hunks of one file's interdiff: each hunk of either version not found unchanged in the other. */
function fileHunks(older: Line[][], newer: Line[][]): InterdiffHunk[] {
  const startsOf = (hunks: Line[][]) => {
    const starts: number[] = [];
    let next = 1;
    for (const hunk of hunks) {
      starts.push(next);
      next += hunk.length;
    }
    starts.push(next);
    return starts;
  };
  const [oldStarts, newStarts] = [startsOf(older), startsOf(newer)];
  const hunks: InterdiffHunk[] = [];
  const ops = editScript(older, newer, sameHunk);
  const droppedHunk = (a: number, newAt: number): InterdiffHunk => ({
    status: 'dropped', oldStart: oldStarts[a]!, oldLines: older[a]!.length, newStart: newAt, newLines: 0, lines: older[a]!.map((line) => ({ marker: '-', text: line.text })),
  });
  // Runs of hunks between unchanged ones: paired (changed), the rest added or dropped.
  let oldNext = 0;
  let newNext = 0;
  for (let index = 0; index < ops.length; ) {
    const op = ops[index]!;
    if (op.kind === 'same') {
      [oldNext, newNext] = [op.a + 1, op.b + 1];
      index++;
      continue;
    }
    const dropped: number[] = [];
    const added: number[] = [];
    for (; index < ops.length && ops[index]!.kind !== 'same'; index++) {
      const run = ops[index]!;
      if (run.kind === 'del') dropped.push(run.a);
      else if (run.kind === 'add') added.push(run.b);
    }
    const pairs = pairHunks(dropped.map((a) => older[a]!), added.map((b) => newer[b]!));
    const emitted = new Set<number>();
    const emitDroppedBefore = (limit: number) => {
      for (let k = 0; k < dropped.length && k < limit; k++) {
        if (emitted.has(k) || pairs.includes(k)) continue;
        emitted.add(k);
        hunks.push(droppedHunk(dropped[k]!, newStarts[newNext]!));
      }
    };
    for (const [k, b] of added.entries()) {
      const nextPair = pairs.slice(k).find((pair) => pair !== -1);
      emitDroppedBefore(nextPair ?? Infinity);
      const pair = pairs[k]!;
      if (pair === -1) {
        hunks.push({ status: 'added', oldStart: oldStarts[oldNext]!, oldLines: 0, newStart: newStarts[b]!, newLines: newer[b]!.length, lines: newer[b]!.map((line) => ({ marker: '+', text: line.text })) });
        continue;
      }
      const [a, before, after] = [dropped[pair]!, older[dropped[pair]!]!, newer[b]!];
      // A hunk in both versions whose lines differ: the lines that differ, with context, where they are.
      for (const hunk of contextHunks(before, after)) hunks.push({ ...hunk, oldStart: hunk.oldStart + oldStarts[a]! - 1, newStart: hunk.newStart + newStarts[b]! - 1 });
    }
    emitDroppedBefore(Infinity);
  }
  return hunks;
}

/** The commit message's lines, as diffed: the body's text up to where the commit message ends. */
function messageLines({ text, commitMessageEnd }: PatchVersion): Line[] {
  return text
    .split('\n')
    .slice(0, commitMessageEnd)
    .map((line) => ({ key: line.trimEnd(), text: line }));
}

/** A line diff cut into hunks with `CONTEXT` lines around each change. */
function contextHunks(a: readonly Line[], b: readonly Line[]): InterdiffHunk[] {
  const ops = editScript(a, b, sameLine);
  const changed = ops.map((op) => op.kind !== 'same');
  const hunks: InterdiffHunk[] = [];
  for (let index = 0; index < ops.length; index++) {
    if (!changed[index]) continue;
    const first = Math.max(0, index - CONTEXT);
    let last = index;
    for (let k = index; k < ops.length && k <= last + 2 * CONTEXT; k++) if (changed[k]) last = k;
    last = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(first, last + 1);
    const firstOld = ops.slice(0, first).filter((op) => op.kind !== 'add').length + 1;
    const firstNew = ops.slice(0, first).filter((op) => op.kind !== 'del').length + 1;
    hunks.push({
      status: 'changed',
      oldStart: firstOld,
      oldLines: slice.filter((op) => op.kind !== 'add').length,
      newStart: firstNew,
      newLines: slice.filter((op) => op.kind !== 'del').length,
      lines: lineOps(slice, a, b),
    });
    index = last;
  }
  return hunks;
}

/** What changed in a patch from `older` to `newer`; see the module comment. */
export function interdiff(older: PatchVersion, newer: PatchVersion): Interdiff {
  let budget = MAX_INTERDIFF_LINES;
  let truncated = false;
  const keep = (hunks: InterdiffHunk[]) => {
    const kept: InterdiffHunk[] = [];
    for (const hunk of hunks) {
      if (hunk.lines.length > budget) {
        truncated = true;
        break;
      }
      budget -= hunk.lines.length;
      kept.push(hunk);
    }
    return kept;
  };
  const commitMessage = keep(contextHunks(messageLines(older), messageLines(newer)));
  const [before, after] = [fileSides(older.tree), fileSides(newer.tree)];
  const files: InterdiffFile[] = [];
  const olderByPath = new Map(before.map((file) => [file.path, file]));
  const newerPaths = new Set(after.map((file) => file.path));
  const pairs: [FileSide | null, FileSide | null][] = [...after.map((file): [FileSide | null, FileSide] => [olderByPath.get(file.path) ?? null, file]), ...before.filter((file) => !newerPaths.has(file.path)).map((file): [FileSide, null] => [file, null])];
  for (const [a, b] of pairs) {
    if (truncated) break;
    const hunks = keep(fileHunks(a?.hunks ?? [], b?.hunks ?? []));
    if (hunks.length === 0) continue;
    files.push({ path: (b ?? a)!.path, status: a === null ? 'added' : b === null ? 'dropped' : 'changed', hunks });
  }
  return { commitMessage, files, truncated };
}

/** The path the commit message is shown under, as Gerrit names it. */
export const COMMIT_MESSAGE_PATH = 'COMMIT_MSG';

/** What a hunk header of the interdiff says of the hunk. */
const HUNK_NOTES: Record<HunkStatus, string> = { added: 'hunk added', dropped: 'hunk dropped', changed: 'hunk changed' };

function hunkText(hunk: InterdiffHunk, note: string | null): string[] {
  const header = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${note ? ` ${note}` : ''}`;
  return [header, ...hunk.lines.map((line) => `${line.marker}${line.text}`)];
}

/**
 * The interdiff written as a unified diff, one file per changed file (the commit message first,
 * as `COMMIT_MSG`), each file's text being that version's diff of it: what the renderer marks and
 * highlights as it does every diff.
 */
export function interdiffText(diff: Interdiff): string {
  const lines: string[] = [];
  const file = (path: string, status: HunkStatus, hunks: readonly InterdiffHunk[], notes: boolean) => {
    lines.push(`diff --git a/${path} b/${path}`);
    if (status === 'added') lines.push('--- /dev/null', `+++ b/${path}`);
    else if (status === 'dropped') lines.push(`--- a/${path}`, '+++ /dev/null');
    else lines.push(`--- a/${path}`, `+++ b/${path}`);
    for (const hunk of hunks) lines.push(...hunkText(hunk, notes ? HUNK_NOTES[hunk.status] : null));
  };
  if (diff.commitMessage.length > 0) file(COMMIT_MESSAGE_PATH, 'changed', diff.commitMessage, false);
  for (const one of diff.files) file(one.path, one.status, one.hunks, true);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
