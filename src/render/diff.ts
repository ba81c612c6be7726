/**
 * Marks diffs: git diffs (mode, rename and binary patches included), plain unified diffs,
 * CVS `Index:` diffs, hunks quoted without their file header, and the rest of a quoted diff
 * that a reviewer's comment interrupted. Hunk headers give the number of lines a hunk holds,
 * so a patch's end is found exactly, and context lines whose leading space was lost (pages
 * saved from Hypermail, mailers quoting with `>` alone) are still read as context.
 */
import type { Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import { claimLines, mapLineRuns, span } from './lines.ts';
import { guessLanguage, languageFor } from './languages.ts';
import type { Diff, DiffLine, MailLine } from './types.ts';

/** What a diff line is, beside its text. */
type LineProps = Omit<DiffLine, 'type' | 'value'>;

/** Some mailers turn leading spaces into no-break spaces, even before a `diff --git`. */
const GIT_START = /^[ \u00a0]*diff (?:--git|--cc|--combined) \S/;
const DIFF_COMMAND = /^diff(?: +-{1,2}[\w-]+(?:=\S+)?)+ +\S/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** Combined diffs (merges) have `@@@` headers and two marker columns; they are read loosely. */
const COMBINED_HUNK = /^@@@+ -\d/;
const HEADER =
  /^(?:index [\da-f]|old mode |new mode |deleted file mode |new file mode |similarity index |dissimilarity index |rename from |rename to |copy from |copy to |Binary files |RCS file: |retrieving revision |diff -|={20,}\s*$|--- |\+\+\+ )/;
const BINARY_START = 'GIT binary patch';
const BINARY_SIZE = /^(?:literal|delta) \d+$/;
const BASE85 = /^[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]+$/;
/** What reviewers leave where they cut part of a quoted hunk. */
const ELISION = /^\s*(?:\[\s*(?:\.{2,}|…|snip(?:ped)?|cut|trimmed|skip(?:ped)?)\s*\]|<\s*snip(?:ped)?\s*>|\(\s*(?:\.{2,}|…|snip)\s*\)|\.{3,}|…|\/\/\s*snip|snip)\s*$/i;

function isHunkHeader(line: string): boolean {
  return HUNK.test(line) || COMBINED_HUNK.test(line);
}

/** Whether a file's diff starts at `index`. */
function isFileStart(run: MailLine[], index: number): boolean {
  const line = run[index]!.value;
  if (GIT_START.test(line)) return true;
  const next = run[index + 1]?.value ?? '';
  if (line.startsWith('Index: ')) return /^={20,}\s*$/.test(next);
  if (DIFF_COMMAND.test(line)) {
    for (let i = index + 1; i < Math.min(run.length, index + 6); i++) {
      if (run[i]!.value.startsWith('--- ') && run[i + 1]?.value.startsWith('+++ ')) return true;
    }
    return false;
  }
  if (line.startsWith('--- ')) return next.startsWith('+++ ') && isHunkHeader(run[index + 2]?.value ?? '');
  // A quote trimmed down to the `+++` line and the code under it.
  return /^\+\+\+ b\/\S/.test(line) && !run[index - 1]?.value.startsWith('--- ') && (HUNK.test(next) || isBodyLine(next));
}

/** Whether a text holds a file's diff, by the rule that starts one on a page (a parser deciding which attachments to show asks this). */
export function holdsFileDiff(text: string): boolean {
  const run = text.split('\n').map((value): MailLine => ({ type: 'mailLine', value: value.endsWith('\r') ? value.slice(0, -1) : value }));
  return run.some((_line, index) => isFileStart(run, index));
}

/** Whether a line inside a file header starts the next file (`diff -u` and `---` lines belong to the header). */
function isNextFile(run: MailLine[], index: number): boolean {
  const line = run[index]!.value;
  return GIT_START.test(line) || (line.startsWith('Index: ') && isFileStart(run, index));
}

/** The path a file header names: `+++ b/x`, or `--- a/x` for a deletion, `rename to x`, `diff --git a/x b/x`, `Index: x`. */
export function pathFromHeader(header: string[]): string | undefined {
  const found = (prefix: string) => header.find((line) => line.startsWith(prefix))?.slice(prefix.length);
  const clean = (path: string | undefined, prefix: string) => {
    const name = path?.split('\t')[0]!.trim();
    if (!name || name === '/dev/null') return undefined;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
  };
  const renamed = found('rename to ') ?? found('copy to ');
  if (renamed) return renamed.trim();
  const path = clean(found('+++ '), 'b/') ?? clean(found('--- '), 'a/');
  if (path) return path;
  const git = found('diff --git ');
  if (git) {
    const prefixed = /^a\/(.+) b\/(.+)$|^a\/(\S+)$/.exec(git);
    if (prefixed) return prefixed[2] ?? prefixed[3];
    const half = (git.length - 1) / 2;
    if (Number.isInteger(half) && git.slice(0, half) === git.slice(half + 1)) return git.slice(0, half);
    return git.split(' ').pop();
  }
  return clean(found('Index: '), '');
}

/** A hunk being read: lines left on each side, and line numbers while they can be trusted. */
interface Hunk {
  oldLeft: number;
  newLeft: number;
  oldLine: number;
  newLine: number;
  /** Counts no longer hold (lines were cut, or the header lied): read by markers alone, without numbers. */
  loose: boolean;
  /** The end of a group of blank lines already found to belong to the hunk. */
  blanksEnd?: number;
}

/** A hunk read by markers alone. */
function looseHunk(): Hunk {
  return { oldLeft: 0, newLeft: 0, oldLine: 0, newLine: 0, loose: true };
}

function hunkFrom(header: string): Hunk {
  const match = HUNK.exec(header);
  if (!match) return looseHunk();
  return {
    oldLine: Number(match[1]),
    oldLeft: match[2] === undefined ? 1 : Number(match[2]),
    newLine: Number(match[3]),
    newLeft: match[4] === undefined ? 1 : Number(match[4]),
    loose: false,
  };
}

/** Counts a line against the hunk, giving its numbers; a count running out turns the hunk loose. */
function take(hunk: Hunk, kind: 'add' | 'del' | 'ctx'): LineProps {
  const old = kind !== 'add';
  const neu = kind !== 'del';
  if (!hunk.loose && ((old && hunk.oldLeft <= 0) || (neu && hunk.newLeft <= 0))) hunk.loose = true;
  if (hunk.loose) return { kind };
  const line: LineProps = { kind };
  if (old) {
    line.old = hunk.oldLine++;
    hunk.oldLeft--;
  }
  if (neu) {
    line.new = hunk.newLine++;
    hunk.newLeft--;
  }
  return line;
}

/** Blank lines inside a hunk are context whose space was stripped, when diff lines follow them. */
function blankBelongs(run: MailLine[], index: number, hunk: Hunk): boolean {
  if (hunk.blanksEnd !== undefined && index < hunk.blanksEnd) return true;
  let next = index;
  while (next < run.length && run[next]!.value.trim() === '') next++;
  const blanks = next - index;
  let belongs: boolean;
  if (!hunk.loose && hunk.oldLeft === blanks && hunk.newLeft === blanks) belongs = true;
  else if (!hunk.loose && (hunk.oldLeft < blanks || hunk.newLeft < blanks)) belongs = false;
  else belongs = next < run.length && (/^[-+ \\]/.test(run[next]!.value) || HUNK.test(run[next]!.value));
  if (belongs) hunk.blanksEnd = next;
  return belongs;
}

/** `-- ` then a version (or nothing) is git format-patch's signature, not a removed line. */
function isPatchSignature(run: MailLine[], index: number): boolean {
  const after = run[index + 1]?.value;
  return run[index]!.value === '-- ' && (after === undefined || /^\d+\.\d+/.test(after));
}

/** How the line at `index` continues the hunk, or undefined when the hunk has ended. */
function hunkLine(run: MailLine[], index: number, hunk: Hunk): LineProps | undefined {
  const value = run[index]!.value;
  const marker = value[0];
  if (marker === '\\') return { kind: 'note' };
  if (!hunk.loose && hunk.oldLeft <= 0 && hunk.newLeft <= 0) return undefined;
  // A mangled `diff --git` (behind a no-break space) starts the next file even while counts remain.
  if (marker !== ' ' && GIT_START.test(value)) return undefined;
  if (marker === '+') return take(hunk, 'add');
  if (marker === '-') return isPatchSignature(run, index) ? undefined : take(hunk, 'del');
  if ((marker === ' ' || marker === '\u00a0') && value.trim() !== '') return take(hunk, 'ctx');
  if (value.trim() === '') return blankBelongs(run, index, hunk) ? take(hunk, 'ctx') : undefined;
  if (ELISION.test(value)) {
    hunk.loose = true;
    return { kind: 'elided' };
  }
  // The tail of a changed line that a mailer wrapped, when the diff goes on after it: shown, not counted.
  if (/^[-+]/.test(run[index - 1]?.value ?? '') && isBodyLine(run[index + 1]?.value ?? '')) return { kind: 'ctx' };
  // A context line that lost its leading space: only while the header says context remains.
  if (!hunk.loose && hunk.oldLeft > 0 && hunk.newLeft > 0 && !isFileStart(run, index)) return take(hunk, 'ctx');
  return undefined;
}

/**
 * Where a diff is read from: a file header, a bare hunk header, the carried-on rest of a diff,
 * or a fragment of added and removed lines quoted or pasted without any header.
 */
type Start = 'file' | 'hunk' | 'continued' | 'fragment';

/** What a diff left open at the end of its run, for the next run at the same depth to carry on. */
interface OpenDiff {
  path?: string;
  lang: string;
}

interface ReadDiff {
  lines: DiffLine[];
  end: number;
  /** Whether the diff was still going when the run ended. */
  open: boolean;
}

/** Reads one file's diff (or fragment) from `start` on. */
function readDiff(run: MailLine[], start: number, how: Start): ReadDiff {
  const lines: DiffLine[] = [];
  const push = (line: MailLine, props: LineProps) => {
    const node: DiffLine = { type: 'diffLine', value: line.value, ...props };
    if (line.position) node.position = line.position;
    lines.push(node);
  };
  let index = start;
  let hunk: Hunk | undefined = how === 'continued' || how === 'fragment' ? looseHunk() : undefined;
  if (how === 'file') {
    push(run[index]!, { kind: 'file' });
    index++;
    // `diff --git a/x` whose ` b/x` half a mailer wrapped onto the next line.
    if (/^diff --git a\/\S+$/.test(run[index - 1]!.value) && run[index]?.value.startsWith('b/')) push(run[index++]!, { kind: 'file' });
    while (index < run.length && HEADER.test(run[index]!.value) && !isNextFile(run, index)) push(run[index++]!, { kind: 'file' });
    if (run[index]?.value === BINARY_START) {
      push(run[index++]!, { kind: 'file' });
      index = readBinary(run, index, push);
      return { lines, end: index, open: false };
    }
    // A quoted header whose hunk header the reviewer cut: read the code under it loosely.
    if (index < run.length && isBodyLine(run[index]!.value)) hunk = looseHunk();
  }
  while (index < run.length) {
    const value = run[index]!.value;
    if (isHunkHeader(value)) {
      hunk = hunkFrom(value);
      push(run[index++]!, { kind: 'hunk' });
      continue;
    }
    const line = hunk && hunkLine(run, index, hunk);
    if (!line) return { lines, end: index, open: false };
    push(run[index++]!, line);
  }
  return { lines, end: index, open: true };
}

/** Reads the `literal`/`delta` blocks of a git binary patch, each ended by a blank line. */
function readBinary(run: MailLine[], index: number, push: (line: MailLine, props: LineProps) => void): number {
  while (BINARY_SIZE.test(run[index]?.value ?? '')) {
    push(run[index++]!, { kind: 'binary' });
    while (index < run.length && BASE85.test(run[index]!.value)) push(run[index++]!, { kind: 'binary' });
    if (run[index]?.value.trim() !== '' || !BINARY_SIZE.test(run[index + 1]?.value ?? '')) break;
    push(run[index++]!, { kind: 'binary' });
  }
  return index;
}

/** Whether a line reads as a diff body line: a marker and some text, and not a signature separator. */
function isBodyLine(value: string): boolean {
  return /^[-+ ]/.test(value) && value.trim() !== '' && value !== '-- ' && value !== '--';
}

/**
 * Whether a headerless fragment starts at `index`: it begins a paragraph with a changed line
 * and another diff line, one of them added (a list of `- ` items is prose).
 */
function isFragmentStart(run: MailLine[], index: number): boolean {
  if (index > 0 && run[index - 1]!.value.trim() !== '') return false;
  const [first, second] = [run[index]?.value ?? '', run[index + 1]?.value ?? ''];
  if (!/^[-+]/.test(first) || /^(?:---|\+\+\+) /.test(first)) return false;
  return isBodyLine(first) && isBodyLine(second) && (first.startsWith('+') || second.startsWith('+'));
}

/** The marking of one body: numbers its files and carries diffs across interrupting comments. */
function diffMarker() {
  let files = 0;
  // The language of the last file, for hunks quoted without their header.
  let lastLang: string | undefined;
  const open = new Map<number, OpenDiff>();

  return (run: MailLine[], depth: number, atStart: boolean): RootContent[] => {
    const carried = open.get(depth);
    open.delete(depth);
    return claimLines(run, (lines, index) => {
      const value = lines[index]!.value;
      let how: Start | undefined;
      if (isFileStart(lines, index)) how = 'file';
      else if (HUNK.test(value)) how = 'hunk';
      else if (index === 0 && atStart && carried && isBodyLine(value)) how = 'continued';
      else if (isFragmentStart(lines, index)) how = 'fragment';
      if (!how) return undefined;
      const read = readDiff(lines, index, how);
      const diff = makeDiff(read.lines, how, how === 'continued' ? carried : lastLang === undefined ? undefined : { lang: lastLang });
      if (how === 'file') {
        diff.fileId = `f${++files}`;
        if (diff.path) lastLang = diff.lang;
      }
      if (read.open) open.set(depth, { ...(diff.path ? { path: diff.path } : {}), lang: diff.lang });
      return { node: diff, end: read.end };
    });
  };
}

/**
 * The language of a diff: its file's; for a bare hunk or fragment, the last file's; else (a
 * file without a name, the rest of a fragment) a guess from its own lines.
 */
function languageOf(how: Start, path: string | undefined, known: OpenDiff | undefined, code: string[]): string {
  if (path) return how === 'file' ? languageFor(path) : (known?.lang ?? languageFor(path));
  if ((how === 'hunk' || how === 'fragment') && known) return known.lang;
  return guessLanguage(code);
}

function makeDiff(lines: DiffLine[], how: Start, known: OpenDiff | undefined): Diff {
  const header = lines.filter((line) => line.kind === 'file').map((line) => line.value);
  const path = how === 'file' ? pathFromHeader(header) : how === 'continued' ? known?.path : undefined;
  const code = lines.filter((line) => line.kind !== 'file').map((line) => line.value.slice(1));
  const lang = languageOf(how, path, known, code);
  const diff: Diff = { type: 'diff', lang, children: lines };
  if (path) diff.path = path;
  if (how === 'continued') diff.continued = true;
  const position = span(lines[0]!, lines[lines.length - 1]!);
  if (position) diff.position = position;
  return diff;
}

/** unified plugin: mark diffs, at any quote depth. */
export function remarkDiff(): Transformer<Root> {
  return (tree: Root): void => {
    const mark = diffMarker();
    mapLineRuns(tree, (run, { depth, atStart }) => mark(run, depth, atStart));
  };
}
