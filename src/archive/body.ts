/**
 * Reading a mail body the way a reviewer does: which lines are quoted, where the diff
 * starts, where the signature starts, and what a patch changes. Text attachments that
 * reviewers read with the mail (patches sent as attachments) count as part of the text.
 */
import type { MailBody } from '../parse/types.ts';

/** The body text followed by its readable attachments. */
function mailText(body: MailBody): string {
  return body.inline.length === 0 ? body.text : [body.text, ...body.inline.map((part) => part.text)].join('\n');
}

/** A line quoted from an earlier mail (`> …`, `>> …`, `  > …`). */
export function isQuoted(line: string): boolean {
  return /^\s*>/.test(line);
}

/** A signature separator: `-- ` by the standard, `--` as many clients send it. */
export function isSignatureSeparator(line: string): boolean {
  return line === '-- ' || line === '--';
}

/**
 * The index of the line where a diff starts (`diff --git`, `diff -u`, a `---`/`+++` pair,
 * an `Index:` header), or -1. Quoted diffs never count: their lines start with `>`.
 */
export function diffStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^diff (?:--git |-\S)/.test(line)) return i;
    const next = lines[i + 1] ?? '';
    if (line.startsWith('--- ') && next.startsWith('+++ ')) return i;
    if (line.startsWith('Index: ') && next.startsWith('====')) return i;
  }
  return -1;
}

/** Whether the mail carries a diff of its own, in its text or in a readable attachment. */
export function hasDiff(body: MailBody): boolean {
  return diffStart(mailText(body).split('\n')) !== -1;
}

/**
 * The diff a patch mail carries, reduced to what it changes: `index` lines and hunk
 * offsets dropped (a rebase moves them without changing the patch), blank ends trimmed,
 * and the `-- ` signature with the git version after the diff removed. Null without a diff.
 */
export function normalizedDiff(body: MailBody): string | null {
  const lines = mailText(body).split('\n');
  const start = diffStart(lines);
  if (start === -1) return null;
  const kept: string[] = [];
  for (const line of lines.slice(start)) {
    if (line === '-- ') break;
    if (/^index [0-9a-f]+\.\.[0-9a-f]+/.test(line)) continue;
    kept.push(line.startsWith('@@') ? '@@' : line.trimEnd());
  }
  return kept.join('\n').trim();
}

/**
 * Change-Id values in the mail's own text: b4's `change-id:` line in a cover letter, or
 * Gerrit's `Change-Id:` trailer in a commit message. Versions of one series share them.
 */
export function changeIds(text: string): string[] {
  return [...text.matchAll(/^change-id:[ \t]*(\S+)[ \t]*$/gim)].map((match) => match[1]!);
}
