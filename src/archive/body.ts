/**
 * Reading a mail body the way a reviewer does, from the tree the render plugins marked
 * (`markBody`): what the mail says in its own voice (outside quotes), whether it carries a
 * diff, and what a patch changes. There is no second reading of quotes, diffs or signatures
 * here: a page shows the same tree. Text attachments that reviewers read with the mail
 * (patches sent as attachments) count as part of its own text.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { parsePerson } from '../parse/person.ts';
import type { Address } from '../parse/types.ts';
import type { Diff } from '../render/types.ts';

/** Files read per patch at most: a treewide patch names thousands, and versions compare a few. */
export const MAX_DIFF_PATHS = 200;

/** The blocks a mail writes itself: those of its text and of its attachments, outside quotes. */
export function ownBlocks(tree: Root): RootContent[] {
  const blocks: RootContent[] = [];
  for (const block of tree.children) {
    if (block.type === 'attachment') blocks.push(...block.children);
    else blocks.push(block);
  }
  return blocks;
}

/** The text of phrasing content, as written (a link as its text). */
export function textOf(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') text += node.value;
    else if ('children' in node) text += textOf(node.children as PhrasingContent[]);
  }
  return text;
}

/**
 * What a mail says in its own prose above line `end` (its `commitMessageEnd`): the text of its
 * paragraphs, outside quotes, trailers and diffs; so a patch's commit message and a cover
 * letter's text above its `---`, not the notes, diffstat and company footer below.
 */
export function ownProse(tree: Root, end: number): string {
  return tree.children
    .flatMap((block) => (block.type === 'paragraph' && (block.position?.start.line ?? Infinity) <= end ? [textOf(block.children)] : []))
    .join('\n');
}

/** The diffs a mail carries of its own, from the first that starts with a file header. */
export function ownFileDiffs(tree: Root): Diff[] {
  const diffs = ownBlocks(tree).filter((block) => block.type === 'diff');
  const first = diffs.findIndex((diff) => diff.fileId !== undefined);
  return first === -1 ? [] : diffs.slice(first);
}

/** Whether the mail carries a diff of its own (a file's diff, not a quoted one), in its text or in an attachment. */
export function hasDiff(tree: Root): boolean {
  return ownFileDiffs(tree).length > 0;
}

/** The files a patch's own diffs change (new paths of renames), each once, in order, at most `MAX_DIFF_PATHS`. */
export function diffPaths(tree: Root): string[] {
  const paths = new Set<string>();
  for (const diff of ownFileDiffs(tree)) {
    if (diff.path === undefined || diff.continued) continue;
    paths.add(diff.path);
    if (paths.size >= MAX_DIFF_PATHS) break;
  }
  return [...paths];
}

/**
 * The author a patch names in its body, as `git am` reads it: a `From:` line that opens the
 * body (blank lines aside), which `git send-email` and b4's web relay write when the sender is
 * not the author. Null when the body opens otherwise or the line names no one.
 */
export function inBodyFrom(text: string): Address | null {
  let start = 0;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r' || text[start] === ' ')) start++;
  if (!text.startsWith('From:', start)) return null;
  const end = text.indexOf('\n', start);
  const person = parsePerson(text.slice(start + 'From:'.length, end === -1 ? text.length : end));
  return person.email === '' && person.name === '' ? null : person;
}

/**
 * The diff a patch mail carries, reduced to what it changes: `index` lines and hunk offsets
 * dropped (a rebase moves them without changing the patch) and line ends trimmed. Null
 * without a diff.
 */
export function normalizedDiff(tree: Root): string | null {
  const diffs = ownFileDiffs(tree);
  if (diffs.length === 0) return null;
  const kept: string[] = [];
  for (const line of diffs.flatMap((diff) => diff.children)) {
    if (line.kind === 'file' && /^index [0-9a-f]+\.\.[0-9a-f]+/.test(line.value)) continue;
    kept.push(line.kind === 'hunk' ? '@@' : line.value.trimEnd());
  }
  return kept.join('\n');
}

/**
 * Where a patch's commit message ends, as a line index of the body's text: at its first `---`
 * line or its first diff, whichever comes first; the line count when it has neither.
 */
export function commitMessageEnd(text: string, tree: Root): number {
  const lines = text.split('\n');
  const separator = lines.indexOf('---');
  const diff = tree.children.find((block) => block.type === 'diff' && block.fileId !== undefined)?.position?.start.line;
  return Math.min(separator === -1 ? lines.length : separator, diff === undefined ? lines.length : diff - 1);
}

/**
 * Change-Id values in the mail's own text: b4's `change-id:` line in a cover letter, or
 * Gerrit's `Change-Id:` trailer in a commit message. Versions of one series share them.
 */
export function changeIds(text: string): string[] {
  return [...text.matchAll(/^change-id:[ \t]*(\S+)[ \t]*$/gim)].map((match) => match[1]!);
}

/** Message-IDs read per mail at most: a changelog names a few earlier versions, a digest of links names more than versions need. */
export const MAX_NAMED_MESSAGES = 20;

/** A Message-ID a mail names, and the version its line labels it with (`Link to v1:`, `v2:`, `[v3]`), if any. */
export interface NamedMessage {
  id: string;
  version?: number;
}

/** A version label ending right before a link: `- Link to v1: `, `v2: `, `[v3] `, `version 4 (`. */
const VERSION_LABEL = /\b(?:v|version\s?)(\d{1,3})\W{0,4}$/i;

/**
 * The Message-IDs a mail names in its own text, each once, in order, at most
 * `MAX_NAMED_MESSAGES`: lore and patch.msgid.link URLs (`Link to v1:
 * https://lore.kernel.org/r/<id>`) and `<id>` references, as the renderer marked them
 * (src/render/links.ts), in the paragraphs and trailers of its own text and attachments
 * (`ownBlocks`), outside quotes and its signature. Each has the version its line labels it with
 * right before it, as a changelog names an earlier version (b4's `- Link to v1: …`).
 */
export function namedMessages(tree: Root): NamedMessage[] {
  const named = new Map<string, NamedMessage>();
  const visit = (nodes: readonly PhrasingContent[]): boolean => {
    // The text of the current line up to the node, its last 40 characters: enough for a label.
    let line = '';
    for (const node of nodes) {
      const id = node.type === 'messageRef' ? node.id : node.type === 'link' ? node.data?.messageId : undefined;
      if (id !== undefined && !named.has(id)) {
        const label = VERSION_LABEL.exec(line);
        named.set(id, label ? { id, version: Number(label[1]) } : { id });
        if (named.size >= MAX_NAMED_MESSAGES) return false;
      }
      const text = node.type === 'text' ? node.value : node.type === 'messageRef' ? node.value : node.type === 'link' ? node.url : '';
      const end = text.lastIndexOf('\n');
      line = (end === -1 ? line + text : text.slice(end + 1)).slice(-40);
    }
    return true;
  };
  for (const block of ownBlocks(tree)) {
    if (block.type === 'paragraph' && !visit(block.children)) break;
    if (block.type === 'trailers' && !block.children.every((trailer) => visit(trailer.children))) break;
  }
  return [...named.values()];
}
