/**
 * What the pages that gather many messages show, as plain data: a thread read whole
 * (`/t/<root>/`, as lore's `/T/`) and a series read whole (`/s/<slug>/read/`: the cover letter,
 * then each patch with its replies). Each message is shown as on its own page (the same
 * `MailView`, so the same cached body) under a compact header with an anchor, `#<slug>`.
 *
 * Replies are indented by depth up to READING_MAX_INDENT levels, and each entry whose parent is
 * not the entry just above it says which message it answers, with a link to it. Kernel threads
 * run deep (patch, review, answer, answer…) and carry diffs that need the width, so deeper
 * levels are not indented further: the link tells where they belong instead.
 *
 * A long thread or series is split into pages of at most READING_PAGE_BYTES of bodies (or
 * READING_PAGE_MESSAGES messages), so that every page opens in a browser at once; anchors
 * point at the page that holds them.
 */
import { authorUrl, messageAuthor } from '../../archive/author.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { messageSlug } from '../../archive/permalink.ts';
import { hasSeriesReading, hasThreadReading, seriesReadingUrl, threadReadingUrl } from '../../archive/reading.ts';
import type { Series } from '../../archive/series.ts';
import { walkThread, type Thread, type ThreadNode } from '../../archive/thread.ts';
import type { MailRecord } from '../../loader/record.ts';
import { formatUtc } from '../format.ts';
import { shownSubject, threadTree } from '../thread-view.ts';
import { counted, seriesName } from '../words.ts';
import type { RouteContext } from './context.ts';
import { rowView, type MailView, type ThreadTreeView } from './message-page.ts';

/** Bytes of bodies on one page: with the headers and tree, a page stays near 2 MB of HTML at most. */
export const READING_PAGE_BYTES = 1_500_000;
export const READING_PAGE_MESSAGES = 100;
export const READING_MAX_INDENT = 4;
/** What a message's header and frame add to its body's bytes. */
const ENTRY_BYTES = 1_500;

export interface ReadingEntryView {
  /** The element id: the message's slug. */
  anchor: string;
  indent: number;
  /** In a series: `Cover letter`, `Patch 2/16`; null for replies and in threads. */
  label: string | null;
  /** The subject when it says more than the parent's; null when it repeats it. */
  subject: string | null;
  author: string;
  /** The author's page, or null when the mail names nobody. */
  authorUrl: string | null;
  date: string | null;
  dateText: string;
  /** The message's own page; null for a patch that is not in the archive. */
  url: string | null;
  /** The message it answers, when that is not the entry just above it. */
  inReplyTo: { url: string; text: string } | null;
  /** The mail, then the other mails archived under its Message-ID; empty for a missing patch. */
  mails: MailView[];
}

export interface ReadingPageData {
  kind: 'thread' | 'series';
  /** The page's `h1`. */
  title: string;
  /** What the reading is of: the thread's first message, or the series page. */
  home: { url: string; label: string };
  /** 1-based. */
  page: number;
  pageUrls: string[];
  /** How many messages the whole reading holds, over all its pages. */
  messages: string;
  /** For a thread: every message of it, linked to its anchor; null for a series. */
  tree: ThreadTreeView | null;
  entries: ReadingEntryView[];
}

/** A thread's page that moved, or was never there: forwards to where the message is read now. */
export interface ReadingForward {
  target: string;
}

/** One message to read, before it is laid out; a patch of a series that is not in the archive has no node. */
interface ReadingItem {
  anchor: string;
  node: ThreadNode | null;
  depth: number;
  label: string | null;
}

function messageItem(node: ThreadNode, depth: number, label: string | null): ReadingItem {
  return { anchor: messageSlug(node.id), node, depth, label };
}

export interface ReadingInputs {
  review: ReviewArchive;
  /** An archived message's mails as its own page shows them. */
  mailViews: (message: ArchivedMessage) => MailView[];
  /** Bytes of a mail's cached rendering (its record keeps the size it was written at). */
  bodyBytes: (mail: MailRecord) => number;
  context: RouteContext;
}

/** Splits items into pages, each under the byte and message bounds (an item bigger than a page gets one of its own). */
export function splitReading<Item>(items: readonly Item[], bytesOf: (item: Item) => number, limits = { bytes: READING_PAGE_BYTES, messages: READING_PAGE_MESSAGES }): Item[][] {
  const pages: Item[][] = [];
  let page: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (page.length > 0 && (bytes + size > limits.bytes || page.length >= limits.messages)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(item);
    bytes += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function pageUrl(base: string, index: number): string {
  return index === 0 ? base : `${base}${index + 1}/`;
}

function authorOf(node: ThreadNode, context: RouteContext): string {
  const from = node.message ? messageAuthor(node.message) : node.inferred?.from;
  return from ? context.addresses.name(from) : 'unknown';
}

function authorPageOf(node: ThreadNode | null, context: RouteContext): string | null {
  return node?.message ? context.authorPage(messageAuthor(node.message)) : null;
}

/** A reading split into pages: the items of each page, the pages' URLs, and each item's anchor URL. */
function placeItems(base: string, items: readonly ReadingItem[], { bodyBytes, context }: Pick<ReadingInputs, 'bodyBytes' | 'context'>) {
  const bytesOf = ({ node }: ReadingItem) => {
    const message = node?.message;
    return ENTRY_BYTES + (message ? [message.mail, ...message.variants].reduce((sum, mail) => sum + bodyBytes(mail), 0) : 0);
  };
  const pages = splitReading(items, bytesOf);
  const pageUrls = pages.map((_, index) => context.link(pageUrl(base, index)));
  const anchorUrl = new Map<ThreadNode, string>();
  pages.forEach((page, index) => {
    for (const { node, anchor } of page) if (node) anchorUrl.set(node, `${pageUrls[index]}#${anchor}`);
  });
  return { pages, pageUrls, anchorUrl };
}

/** A reading split into pages: each item's anchor URL, and each page's entries. */
function layOut(base: string, items: readonly ReadingItem[], inputs: ReadingInputs) {
  const { pages, pageUrls, anchorUrl } = placeItems(base, items, inputs);
  const { context } = inputs;
  const entryPages = pages.map((page) =>
    page.map(({ anchor, node, depth, label }, index): ReadingEntryView => {
      const message = node?.message ?? null;
      const parent = label === null ? (node?.parent ?? null) : null;
      const above = index > 0 ? page[index - 1]!.node : null;
      const parentUrl = parent ? (anchorUrl.get(parent) ?? (parent.message && context.link(parent.message.url))) : undefined;
      const date = message?.mail.date ?? node?.inferred?.date ?? null;
      return {
        anchor,
        indent: Math.min(depth, READING_MAX_INDENT),
        label,
        subject: !node ? null : label === null ? shownSubject(node) : (message?.mail.subject ?? node.inferred?.subject ?? null),
        author: node ? authorOf(node, context) : 'unknown',
        authorUrl: authorPageOf(node, context),
        date,
        dateText: formatUtc(date),
        url: message ? context.link(message.url) : null,
        inReplyTo: parent && parentUrl && parent !== above ? { url: parentUrl, text: parent.message?.mail.subject || authorOf(parent, context) } : null,
        mails: message ? inputs.mailViews(message) : [],
      };
    }),
  );
  return { pageUrls, anchorUrl, entryPages };
}

function threadItems(thread: Thread): ReadingItem[] {
  const items: ReadingItem[] = [];
  for (const { node, depth } of walkThread(thread.root)) if (node.message) items.push(messageItem(node, depth, null));
  return items;
}

/** Where each message of a thread is on the pages that read it whole, without the pages themselves. */
export function threadReadingAnchors(thread: Thread, inputs: Pick<ReadingInputs, 'bodyBytes' | 'context'>): ReadonlyMap<ThreadNode, string> {
  return placeItems(threadReadingUrl(thread), threadItems(thread), inputs).anchorUrl;
}

/** The pages of a thread read whole, by route parameter (`<slug>`, `<slug>/2`), and where each message is on them. */
export function threadReading(thread: Thread, inputs: ReadingInputs): { pages: [string, ReadingPageData][]; anchors: Map<ThreadNode, string> } {
  const items = threadItems(thread);
  const { pageUrls, anchorUrl, entryPages } = layOut(threadReadingUrl(thread), items, inputs);
  const tree = threadTree(thread.root, { whole: Infinity, ancestors: 0, siblings: 0, replies: 0, around: 0 });
  const rows = tree.rows.map((row) => ({ ...rowView(row, inputs.context), url: anchorUrl.get(row.node) ?? null }));
  const start = items[0]!.node!.message!;
  const slug = messageSlug(thread.id);
  return {
    anchors: anchorUrl,
    pages: entryPages.map((entries, index) => [
      index === 0 ? slug : `${slug}/${index + 1}`,
      {
        kind: 'thread',
        title: thread.subject || '(no subject)',
        home: { url: inputs.context.link(start.url), label: 'First message of the thread' },
        page: index + 1,
        pageUrls,
        messages: counted(thread.size, 'message', 'messages'),
        tree: { rows, current: -1, skippedAfter: 0, messages: thread.size },
        entries,
      },
    ]),
  };
}

/**
 * Nodes of a thread whose thread page an earlier build may have written, with fewer mails: a
 * mail not in the archive, or one whose headers name no parent, was a thread's root until a
 * later mail told its parent. Their `/t/` pages forward to the thread's page now.
 */
export function earlierThreadRoots(thread: Thread): ThreadNode[] {
  const roots: ThreadNode[] = [];
  for (const { node } of walkThread(thread.root)) {
    if (node === thread.root) continue;
    const mail = node.message?.mail;
    if (!mail || node.parentInferred || (mail.inReplyTo === null && mail.references.length === 0)) roots.push(node);
  }
  return roots;
}

/** The messages of a series in reading order: the cover letter and its replies, then each patch and its replies, replies in thread order. */
function seriesItems(series: Series): ReadingItem[] {
  const items: ReadingItem[] = [];
  for (const slot of [series.cover, ...series.patches]) {
    if (!slot) continue;
    const label = slot.number === 0 ? 'Cover letter' : `Patch ${slot.number}/${series.total}`;
    if (!slot.node?.message) {
      // Shown as missing, in its place, so the patches read in order with no silent gap.
      items.push({ anchor: `patch-${slot.number}`, node: slot.node, depth: 0, label });
      continue;
    }
    items.push(messageItem(slot.node, 0, label));
    const replies = new Set(slot.replies);
    for (const { node, depth } of walkThread(slot.node)) if (replies.has(node)) items.push(messageItem(node, depth, null));
  }
  return items;
}

/**
 * The thread of a series, when reading the series whole would read its thread whole: the same
 * messages in the same order (a series sent as one thread, with nothing else in it). Its reading
 * page then forwards to the thread's, so the bodies are not written twice.
 */
export function sameReadingThread(series: Series): Thread | null {
  const items = seriesItems(series);
  const first = items[0]?.node;
  if (!first || items.some((item) => !item.node?.message)) return null;
  const thread = first.thread;
  if (!hasThreadReading(thread)) return null;
  let index = 0;
  for (const { node } of walkThread(thread.root)) {
    if (!node.message) continue;
    if (items[index]?.node !== node) return null;
    index++;
  }
  return index === items.length ? thread : null;
}

/**
 * What a series' reading pages are made of besides its members' messages: each item's anchor,
 * node, depth and label in reading order, and the threads those nodes are in (their digests
 * cover the messages, thread-pages.ts `threadDigest`).
 */
export function seriesReadingParts(series: Series): { items: [anchor: string, node: string | null, depth: number, label: string | null][]; threads: Thread[] } {
  const items = seriesItems(series);
  return {
    items: items.map(({ anchor, node, depth, label }) => [anchor, node?.id ?? null, depth, label]),
    threads: [...new Set(items.flatMap(({ node }) => (node ? [node.thread] : [])))],
  };
}

/** Where each message of a series is on the pages that read it whole, without the pages themselves. */
export function seriesReadingAnchors(series: Series, inputs: Pick<ReadingInputs, 'bodyBytes' | 'context'>): ReadonlyMap<ThreadNode, string> {
  return hasSeriesReading(series) ? placeItems(seriesReadingUrl(series), seriesItems(series), inputs).anchorUrl : new Map();
}

/** The pages of a series read whole, by route parameter (`<slug>`, `<slug>/2`), and where each message is on them; none when no member is archived. */
export function seriesReading(series: Series, inputs: ReadingInputs): { pages: [string, ReadingPageData][]; anchors: Map<ThreadNode, string> } {
  if (!hasSeriesReading(series)) return { pages: [], anchors: new Map() };
  const items = seriesItems(series);
  const { pageUrls, anchorUrl, entryPages } = layOut(seriesReadingUrl(series), items, inputs);
  return {
    anchors: anchorUrl,
    pages: entryPages.map((entries, index) => [
      index === 0 ? series.slug : `${series.slug}/${index + 1}`,
      {
        kind: 'series',
        title: seriesName(series.title || '(no title)', series.version),
        home: { url: inputs.context.link(series.url), label: 'Series outline' },
        page: index + 1,
        pageUrls,
        messages: counted(items.filter((item) => item.node?.message).length, 'message', 'messages'),
        tree: null,
        entries,
      },
    ]),
  };
}
