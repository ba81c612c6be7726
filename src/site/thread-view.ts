/**
 * A message's place in its thread, as its page shows it: the thread as a tree with the
 * message marked, the links up, down and across, and the series it belongs to.
 *
 * A thread of up to `whole` nodes is shown whole. A bigger one would cost every one of
 * its pages the whole tree (a 1,000-message thread, 1,000 times), so its pages show a
 * window: the root, the nearest ancestors, the nearest siblings, the first replies and a
 * few messages either side in thread order, with the number of messages left out
 * between them.
 */
import type { ReviewArchive } from '../archive/index.ts';
import type { Series } from '../archive/series.ts';
import { stripResponseMarkers } from '../archive/subject.ts';
import { neighboursOf, walkThread, type Thread, type ThreadNode } from '../archive/thread.ts';

export interface WindowLimits {
  /** Threads of up to this many nodes are shown whole. */
  whole: number;
  /** Ancestors shown above the message, nearest first (the root is always shown). */
  ancestors: number;
  /** Siblings shown before and after the message. */
  siblings: number;
  /** Replies to the message shown, oldest first. */
  replies: number;
  /** Nodes shown before and after the message in thread order. */
  around: number;
}

export const WINDOW_LIMITS: WindowLimits = { whole: 60, ancestors: 8, siblings: 3, replies: 10, around: 5 };

/** Rows deeper than this are indented no further, so a long chain of replies stays readable. */
export const MAX_INDENT = 20;

export interface TreeRow {
  node: ThreadNode;
  /**
   * How far the row is indented: its depth among the depths shown (0 for the root), so
   * levels a window leaves out take no room; at most MAX_INDENT.
   */
  indent: number;
  current: boolean;
  /** The subject, when it says more than the parent's (any `Re:` aside); null when it repeats it. */
  subject: string | null;
  /** Archived messages of the thread left out just before this row. */
  skippedBefore: number;
}

export interface ThreadTree {
  rows: TreeRow[];
  /** The whole thread is shown: its rows are the same on every page of the thread but for `current`. */
  whole: boolean;
  /** Archived messages left out after the last row. */
  skippedAfter: number;
  /** Archived messages in the thread. */
  messages: number;
}

/** A thread in thread order (parents before children, siblings oldest first), with positions and running counts. */
interface ThreadOrder {
  nodes: ThreadNode[];
  position: Map<ThreadNode, number>;
  /** The first archived message, where a thread whose root is missing starts. */
  start: ThreadNode | null;
  /** `archivedBefore[i]`: archived messages among `nodes[0 … i-1]`; one entry more than `nodes`. */
  archivedBefore: number[];
}

// Every page of a thread needs its order; it is worked out once per thread.
const orders = new WeakMap<Thread, ThreadOrder>();

function orderOf(thread: Thread): ThreadOrder {
  let order = orders.get(thread);
  if (order) return order;
  const nodes = [...walkThread(thread.root)].map(({ node }) => node);
  const archivedBefore = [0];
  for (const node of nodes) archivedBefore.push(archivedBefore.at(-1)! + (node.message ? 1 : 0));
  const start = nodes.find((node) => node.message) ?? null;
  order = { nodes, position: new Map(nodes.map((node, index) => [node, index])), start, archivedBefore };
  orders.set(thread, order);
  return order;
}

function subjectOf(node: ThreadNode): string | null {
  return node.message?.mail.subject ?? node.inferred?.subject ?? null;
}

// Every row of a thread compares its subject with its parent's, and a whole list has 23,000 rows: each subject is read once.
const conversationSubjects = new Map<string, string>();

function conversationSubject(subject: string): string {
  let stripped = conversationSubjects.get(subject);
  if (stripped === undefined) conversationSubjects.set(subject, (stripped = stripResponseMarkers(subject).toLowerCase()));
  return stripped;
}

function sameConversation(a: string, b: string): boolean {
  return conversationSubject(a) === conversationSubject(b);
}

/** The subject a row shows: a reply's only when it was changed. */
export function shownSubject(node: ThreadNode): string | null {
  const subject = subjectOf(node);
  const above = node.parent && subjectOf(node.parent);
  return subject !== null && above && sameConversation(subject, above) ? null : subject;
}

/** Positions (in thread order) of the nodes a big thread's window shows around `node`. */
function windowPositions(node: ThreadNode, order: ThreadOrder, limits: WindowLimits): number[] {
  const at = order.position.get(node)!;
  const shown = new Set<ThreadNode>([node.thread.root, node]);
  let above = node.parent;
  for (let count = 0; above && count < limits.ancestors; count++, above = above.parent) shown.add(above);
  const siblings = node.parent?.children ?? [];
  const index = siblings.indexOf(node);
  for (const sibling of siblings.slice(Math.max(0, index - limits.siblings), index + limits.siblings + 1)) shown.add(sibling);
  for (const reply of node.children.slice(0, limits.replies)) shown.add(reply);
  for (const nearby of order.nodes.slice(Math.max(0, at - limits.around), at + limits.around + 1)) shown.add(nearby);
  return [...shown].map((shownNode) => order.position.get(shownNode)!).sort((a, b) => a - b);
}

/** The tree a message page shows: the whole thread, or a window of a big one around `node`. */
export function threadTree(node: ThreadNode, limits: WindowLimits = WINDOW_LIMITS): ThreadTree {
  const order = orderOf(node.thread);
  const { nodes, archivedBefore } = order;
  const positions = nodes.length <= limits.whole ? nodes.map((_, index) => index) : windowPositions(node, order, limits);
  const archivedBetween = (from: number, to: number) => archivedBefore[to]! - archivedBefore[from]!;
  const depths = [...new Set(positions.map((position) => nodes[position]!.depth))].sort((a, b) => a - b);
  const rows = positions.map((position, index): TreeRow => {
    const shown = nodes[position]!;
    const previous = index === 0 ? -1 : positions[index - 1]!;
    return {
      node: shown,
      indent: Math.min(depths.indexOf(shown.depth), MAX_INDENT),
      current: shown === node,
      subject: shownSubject(shown),
      skippedBefore: archivedBetween(previous + 1, position),
    };
  });
  return { rows, whole: nodes.length <= limits.whole, skippedAfter: archivedBetween(positions.at(-1)! + 1, nodes.length), messages: node.thread.size };
}

/** How a message belongs to its series. */
export interface SeriesPlace {
  series: Series;
  /** As the cover letter, as a patch, or as a reply in the review of the cover letter or a patch. */
  role: 'cover' | 'patch' | 'reply';
  /** The cover letter (0) or patch it is, or answers. */
  number: number;
}

/** The series a message belongs to, and where in it; null for mail outside any series. */
export function seriesPlace(node: ThreadNode, review: ReviewArchive): SeriesPlace | null {
  const series = review.seriesByMessage.get(node.id);
  if (!series) return null;
  // A copy of the cover letter, sent again, is the cover letter too.
  if (series.coverCopies.includes(node)) return { series, role: 'cover', number: 0 };
  for (const slot of [series.cover, ...series.patches]) {
    if (!slot) continue;
    if (slot.node === node) return { series, role: slot.number === 0 ? 'cover' : 'patch', number: slot.number };
    if (slot.replies.includes(node)) return { series, role: 'reply', number: slot.number };
  }
  return null;
}

/** What a message is to its series: `Patch 2/4 of the series`, `Reply to patch 3/4 of the series`. */
export function placeLabel({ series, role, number }: SeriesPlace): string {
  const part = number === 0 ? 'the cover letter' : `patch ${number}/${series.total}`;
  if (role === 'cover') return 'Cover letter of the series';
  return role === 'patch' ? `Patch ${number}/${series.total} of the series` : `Reply to ${part} of the series`;
}

/** Where a message page links to in its thread. */
export interface ThreadLinks {
  /** The first archived message of the thread: the root, unless the root is not in the archive. */
  start: ThreadNode | null;
  parent: ThreadNode | null;
  firstReply: ThreadNode | null;
  previousSibling: ThreadNode | null;
  nextSibling: ThreadNode | null;
  /** The archived messages before and after it in thread order (parents before children, siblings oldest first). */
  previousInThread: ThreadNode | null;
  nextInThread: ThreadNode | null;
}

/** The nearest archived message from `node` in thread order, `step` 1 (after) or -1 (before). */
function archivedFrom(node: ThreadNode, step: 1 | -1): ThreadNode | null {
  const { nodes, position } = orderOf(node.thread);
  for (let at = position.get(node)! + step; at >= 0 && at < nodes.length; at += step) if (nodes[at]!.message) return nodes[at]!;
  return null;
}

/** The links of a message page; `start` is null on the thread's first archived message itself. */
export function threadLinks(node: ThreadNode): ThreadLinks {
  const { parent, firstChild, previousSibling, nextSibling } = neighboursOf(node);
  const { start } = orderOf(node.thread);
  return {
    start: start === node ? null : start,
    parent,
    firstReply: firstChild,
    previousSibling,
    nextSibling,
    previousInThread: archivedFrom(node, -1),
    nextInThread: archivedFrom(node, 1),
  };
}
