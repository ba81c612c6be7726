/**
 * Threads, after Jamie Zawinski's algorithm, made linear-time and robust to broken
 * headers:
 *
 * - A message's parent is its In-Reply-To, else the last of its References: its own
 *   headers are the authority. An In-Reply-To that is neither archived nor among the
 *   References is taken for broken, and the References win (as in notmuch). A message
 *   without either whose subject is a reply, or a patch of a numbered series, gets a
 *   parent inferred from subject, date, attribution line and quoted text (inferred-parent.ts).
 * - A parent that is not in the archive is a placeholder node, with the missing
 *   Message-ID as its id. A placeholder's own parent, and the parent of an archived
 *   message that declares none, is the id before it in the first References list (oldest
 *   message first) that names it. Other mails' References never move a message that
 *   declares its own parent.
 * - Only neighbouring References entries are linked, so a header with thousands of ids
 *   costs linear time, and a loop check is not needed per link: after linking, every
 *   cycle (a References loop, two mails answering each other) is cut at its oldest message.
 * - Ids are read as the archive holds them: a header naming the message itself (Yahoo's
 *   `<X.ref@…>` in the References of `<X@…>`) names no parent, and an id that differs from an
 *   archived one only by that `.ref` or by case is that mail (`messageIdAliases`), so no thread
 *   hangs from a placeholder when its real root is archived.
 * - Placeholders are kept where they tell something: the direct parent of an archived
 *   message, a join of two or more branches, or one inferred from a reply. Others (the
 *   middle of a long chain of missing ids) are spliced out.
 * - Duplicate Message-IDs were already made one message by `buildArchive`.
 *
 * Children are ordered oldest first; a placeholder sorts by its oldest descendant.
 */
import type { MailBody } from '../parse/types.ts';
import type { Archive, ArchivedMessage } from './group.ts';
import { inferenceIndex, inferParent, lacksThreadingHeaders, type InferenceIndex, type InferredPlaceholder } from './inferred-parent.ts';
import { compareNewestFirst, compareOldestFirst, type Dated } from './order.ts';
import type { ProblemLog } from './problems.ts';
import type { ParsedSubject } from './subject.ts';

export interface ThreadNode {
  /** The Message-ID; for a placeholder inferred from a reply, a `…@inferred.sheaf.invalid` id. */
  id: string;
  /** The archived message, or null for a placeholder: a mail that is not in the archive. */
  message: ArchivedMessage | null;
  /** What a reply told about a placeholder inferred from it; null otherwise. */
  inferred: InferredPlaceholder | null;
  parent: ThreadNode | null;
  /** The parent was read from the mail (its subject and quotes), not from its threading headers. */
  parentInferred: boolean;
  /** Oldest first. */
  children: ThreadNode[];
  /** 0 for the root. */
  depth: number;
  thread: Thread;
}

export interface Thread {
  /** The root's id. */
  id: string;
  root: ThreadNode;
  /** Archived messages in the thread. */
  size: number;
  /** The subject of the root, or of its oldest message when the root is a placeholder. */
  subject: string;
  /** Oldest and newest date of its messages (ISO 8601 UTC); null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
}

export interface Threads {
  /** Newest activity first. */
  threads: Thread[];
  /** Every node, placeholders included, by id. */
  nodes: Map<string, ThreadNode>;
}

export interface ThreadingInput {
  /** The parsed subject of a message (memoised by the caller, who needs it too). */
  subjectOf: (message: ArchivedMessage) => ParsedSubject;
  /** The body of a mail; read only to infer parents for mail without threading headers. */
  bodyOf: (message: ArchivedMessage) => MailBody;
  /** Where a mail whose parent could not be worked out is noted; it stays a root. */
  log: ProblemLog;
}

interface Links {
  /** Parent id of each archived message that declares one, or whose parent was inferred. */
  parentOf: Map<string, string>;
  /** Parent id of each message, from the first References list naming it with an id before it. */
  referencedParentOf: Map<string, string>;
  inferred: Map<string, InferredPlaceholder>;
  /** Messages whose entry in `parentOf` was inferred, not declared. */
  inferredParents: Set<string>;
}

/**
 * How a threading header names an archived mail that it spells otherwise: Yahoo's webmail
 * puts `<X.ref@mail.yahoo.com>` in the References of `<X@mail.yahoo.com>` itself, and some
 * mailers change the case of an id they quote. A name that is not archived is read as the
 * archived id it becomes with `.ref` taken out before the `@`, or with its case folded, when
 * exactly one archived id answers to that.
 */
export function messageIdAliases(byId: ReadonlyMap<string, unknown>): (id: string) => string {
  const folded = new Map<string, string | null>();
  for (const id of byId.keys()) {
    const key = id.toLowerCase();
    folded.set(key, folded.has(key) ? null : id);
  }
  return (id) => {
    if (byId.has(id)) return id;
    const key = id.toLowerCase();
    const plain = key.replace(/\.ref@/, '@');
    return folded.get(plain) ?? folded.get(key) ?? id;
  };
}

/** A message's threading headers with every id read as `resolve` reads it, and those that name the message itself left out. */
function threadingHeaders({ id, mail }: ArchivedMessage, resolve: (id: string) => string): { inReplyTo: string | null; references: string[] } {
  const inReplyTo = mail.inReplyTo === null ? null : resolve(mail.inReplyTo);
  return {
    inReplyTo: inReplyTo === id ? null : inReplyTo,
    references: mail.references.map(resolve).filter((reference) => reference !== id),
  };
}

function declaredParent(inReplyTo: string | null, references: readonly string[], byId: Map<string, ArchivedMessage>): string | null {
  if (inReplyTo !== null && (byId.has(inReplyTo) || references.length === 0 || references.includes(inReplyTo))) return inReplyTo;
  return references.at(-1) ?? null;
}

/** Step 1: the parent every message declares or is inferred to have, and what References say about others. */
function collectLinks(messages: readonly ArchivedMessage[], byId: Map<string, ArchivedMessage>, input: ThreadingInput): Links {
  const links: Links = { parentOf: new Map(), referencedParentOf: new Map(), inferred: new Map(), inferredParents: new Set() };
  let inference: InferenceIndex | undefined;
  const resolve = messageIdAliases(byId);
  for (const message of messages) {
    const { inReplyTo, references } = threadingHeaders(message, resolve);
    for (let i = 1; i < references.length; i++) {
      const [above, below] = [references[i - 1]!, references[i]!];
      if (above === below || above === message.id || below === message.id) continue;
      if (!links.referencedParentOf.has(below)) links.referencedParentOf.set(below, above);
    }
    const declared = declaredParent(inReplyTo, references, byId);
    if (declared !== null) {
      links.parentOf.set(message.id, declared);
      continue;
    }
    input.log.guard(message.id, 'parent not inferred', () => {
      const subject = input.subjectOf(message);
      if (!lacksThreadingHeaders(message, subject)) return;
      inference ??= inferenceIndex(messages, input.subjectOf, input.bodyOf);
      const inferred = inferParent(message, subject, inference);
      if (!inferred) return;
      links.parentOf.set(message.id, inferred.parent);
      links.inferredParents.add(message.id);
      for (const placeholder of inferred.placeholders) links.inferred.set(placeholder.id, placeholder);
    }, undefined);
  }
  return links;
}

function newNode(id: string, message: ArchivedMessage | null, inferred: InferredPlaceholder | null): ThreadNode {
  // `thread` is set once the tree is complete.
  return { id, message, inferred, parent: null, parentInferred: false, children: [], depth: 0, thread: undefined as unknown as Thread };
}

/** Step 2: nodes for every message and for the placeholders above them, linked to parents. */
function linkNodes(messages: readonly ArchivedMessage[], links: Links): Map<string, ThreadNode> {
  const nodes = new Map<string, ThreadNode>(messages.map((message) => [message.id, newNode(message.id, message, null)]));
  const nodeFor = (id: string): ThreadNode => {
    let node = nodes.get(id);
    if (!node) {
      node = newNode(id, null, links.inferred.get(id) ?? null);
      nodes.set(id, node);
    }
    return node;
  };
  for (const message of messages) {
    let child = nodes.get(message.id)!;
    let parentId = links.parentOf.get(message.id) ?? links.referencedParentOf.get(message.id);
    let inferred = links.inferredParents.has(message.id);
    // Climb through placeholders until an existing link or a top is reached.
    while (parentId !== undefined && child.parent === null) {
      const isNew = !nodes.has(parentId);
      const parent = nodeFor(parentId);
      child.parent = parent;
      child.parentInferred = inferred;
      if (!isNew || parent.message) break;
      child = parent;
      inferred = parent.inferred !== null;
      parentId = parent.inferred ? (parent.inferred.parent ?? undefined) : links.referencedParentOf.get(parentId);
    }
  }
  return nodes;
}

function sortKey(node: ThreadNode): Dated {
  return { date: node.message?.mail.date ?? node.inferred?.date ?? null, id: node.id };
}

/** Step 3: cuts every cycle at its oldest node, which becomes a root. */
function breakCycles(nodes: Map<string, ThreadNode>): void {
  const state = new Map<ThreadNode, 'walking' | 'done'>();
  for (const start of nodes.values()) {
    const path: ThreadNode[] = [];
    let node: ThreadNode | null = start;
    while (node && !state.has(node)) {
      state.set(node, 'walking');
      path.push(node);
      node = node.parent;
    }
    if (node && state.get(node) === 'walking') {
      const cycle = path.slice(path.indexOf(node));
      const oldest = cycle.reduce((best, candidate) => (compareOldestFirst(sortKey(candidate), sortKey(best)) < 0 ? candidate : best));
      oldest.parent = null;
      oldest.parentInferred = false;
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

/** Step 4: removes placeholders that tell nothing, re-linking their one child upwards. */
function spliceSilentPlaceholders(nodes: Map<string, ThreadNode>): void {
  const childCount = new Map<ThreadNode, number>();
  const hasArchivedChild = new Set<ThreadNode>();
  for (const node of nodes.values()) {
    if (!node.parent) continue;
    childCount.set(node.parent, (childCount.get(node.parent) ?? 0) + 1);
    if (node.message) hasArchivedChild.add(node.parent);
  }
  const silent = (node: ThreadNode) => !node.message && !node.inferred && !hasArchivedChild.has(node) && (childCount.get(node) ?? 0) < 2;
  for (const node of nodes.values()) {
    while (node.parent && silent(node.parent)) node.parent = node.parent.parent;
  }
  for (const [id, node] of nodes) if (silent(node)) nodes.delete(id);
}

/** Step 5: children lists, oldest first, with placeholders placed by their oldest descendant. */
function orderChildren(nodes: Map<string, ThreadNode>): void {
  const firstDate = new Map<ThreadNode, string>();
  for (const node of nodes.values()) {
    const date = node.message?.mail.date;
    if (!date) continue;
    for (let above = node.parent; above && !above.message; above = above.parent) {
      const known = firstDate.get(above);
      if (known !== undefined && known <= date) break;
      firstDate.set(above, date);
    }
  }
  for (const node of nodes.values()) node.parent?.children.push(node);
  const key = (node: ThreadNode): Dated => ({ date: node.message?.mail.date ?? firstDate.get(node) ?? node.inferred?.date ?? null, id: node.id });
  for (const node of nodes.values()) if (node.children.length > 1) node.children.sort((a, b) => compareOldestFirst(key(a), key(b)));
}

/** Step 6: one thread per root, with depths and dates. */
function collectThreads(nodes: Map<string, ThreadNode>): Thread[] {
  const threads: Thread[] = [];
  for (const root of nodes.values()) {
    if (root.parent) continue;
    const thread: Thread = { id: root.id, root, size: 0, subject: '', firstDate: null, lastDate: null };
    let oldest: ArchivedMessage | null = null;
    for (const { node, depth } of walkThread(root)) {
      node.thread = thread;
      node.depth = depth;
      const message = node.message;
      if (!message) continue;
      thread.size++;
      const date = message.mail.date;
      if (date !== null) {
        if (thread.firstDate === null || date < thread.firstDate) thread.firstDate = date;
        if (thread.lastDate === null || date > thread.lastDate) thread.lastDate = date;
      }
      if (!oldest || compareOldestFirst({ date, id: message.id }, { date: oldest.mail.date, id: oldest.id }) < 0) oldest = message;
    }
    thread.subject = root.message?.mail.subject ?? root.inferred?.subject ?? oldest?.mail.subject ?? '';
    threads.push(thread);
  }
  return threads.sort((a, b) => compareNewestFirst({ date: a.lastDate, id: a.id }, { date: b.lastDate, id: b.id }));
}

/** Builds the threads of an archive; see the module comment for the rules. */
export function buildThreads(archive: Archive, input: ThreadingInput): Threads {
  const messages = [...archive.messages].sort((a, b) => compareOldestFirst({ date: a.mail.date, id: a.id }, { date: b.mail.date, id: b.id }));
  const nodes = linkNodes(messages, collectLinks(messages, archive.byId, input));
  breakCycles(nodes);
  spliceSilentPlaceholders(nodes);
  orderChildren(nodes);
  return { threads: collectThreads(nodes), nodes };
}

/** Every node of a subtree, parents before children, siblings oldest first; no recursion, so any depth is fine. */
export function* walkThread(root: ThreadNode): Generator<{ node: ThreadNode; depth: number }> {
  const stack: { node: ThreadNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    yield entry;
    const { node, depth } = entry;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
}

/** The nodes above a node, nearest first. */
export function ancestorsOf(node: ThreadNode): ThreadNode[] {
  const ancestors: ThreadNode[] = [];
  for (let above = node.parent; above; above = above.parent) ancestors.push(above);
  return ancestors;
}

/** Where a message page links to: up, down, and across. */
export interface ThreadNeighbours {
  root: ThreadNode;
  parent: ThreadNode | null;
  firstChild: ThreadNode | null;
  previousSibling: ThreadNode | null;
  nextSibling: ThreadNode | null;
}

/** The parent, first child and neighbouring siblings of a node, and its thread's root. */
export function neighboursOf(node: ThreadNode): ThreadNeighbours {
  const siblings = node.parent?.children ?? [node];
  const index = siblings.indexOf(node);
  return {
    root: node.thread.root,
    parent: node.parent,
    firstChild: node.children[0] ?? null,
    previousSibling: siblings[index - 1] ?? null,
    nextSibling: siblings[index + 1] ?? null,
  };
}
