/**
 * What a message page shows, as plain data: its mail (and the other mails archived under
 * the same Message-ID), the links up, down and across its thread, its place in a series,
 * and the thread tree. Components lay this out and nothing else, so the page's
 * incremental-build key (a digest of this data, see keys.ts) covers all the page shows.
 */
import { mailAuthor } from '../../archive/author.ts';
import { rawMailUrl, shownMails, threadMbox } from '../../archive/downloads.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { ancestorsOf, type Thread, type ThreadNode } from '../../archive/thread.ts';
import type { MailRecord } from '../../loader/record.ts';
import { bodyMasking, type BodyMasking } from '../addresses.ts';
import { formatDay, formatSize, formatUtc } from '../format.ts';
import { monthLink } from '../pagination.ts';
import { replyView, type ReplyView } from '../reply.ts';
import { seriesName } from '../words.ts';
import { placeLabel, seriesPlace, threadLinks, threadTree, type ThreadLinks, type TreeRow } from '../thread-view.ts';
import type { RouteContext } from './context.ts';

/** One mail as its page shows it; `body` says which cached rendering to show and where its links point. */
export interface MailView {
  from: string;
  /** The sender's page (src/archive/author.ts), or null when the mail names nobody. */
  fromUrl: string | null;
  to: string;
  cc: string;
  date: string | null;
  dateText: string;
  /** The Date as sent, when it reads otherwise than `date`. */
  dateSent: string | null;
  messageId: string;
  /** The message's page, its permalink. */
  permalink: string;
  /** The id was made from the content: the mail had none. */
  derivedId: boolean;
  /** In-Reply-To: the archived parent, or the id alone when it is not in the archive. */
  inReplyTo: { url: string; text: string } | { missingId: string } | null;
  body: BodyView;
  /** What the page shows of a body too large to show whole (`the first 25000 of 31234 lines …`), or null. */
  bodyCut: string | null;
  /** Link to the mail as archived; null when the archive does not offer it (addresses masked or hidden). */
  raw: string | null;
  attachments: { filename: string; contentType: string; size: string }[];
}

/** A rendered body in the body cache and what its archive links resolve to. */
export interface BodyView {
  /** Body cache key (the mail's record key). */
  key: string;
  /** The content store digest of the mail: it changes whenever the cached rendering may (parser, renderer, dependencies). */
  renderedAs: string;
  /** Pages of the Message-IDs the body names that are in the archive, as [id, url] (pairs, not an object: ids come from mail). */
  messageUrls: [string, string][];
  /** Pages of the messages quoted at each attributed depth, as [depth, url]. */
  quotedUrls: [number, string][];
  /** How the addresses in the body are shown when not as sent, and the Message-IDs it names, which are not addresses; null when shown. */
  masking: BodyMasking | null;
  /** Pages of the files its own diffs touch, as [path, url] (file-links.ts links them). */
  fileUrls: [string, string][];
}

export interface ThreadStep {
  key: keyof ThreadLinks;
  label: string;
  rel: string | null;
  /** The key that follows it (src/browser/keys.ts), if any. */
  shortcut: string | null;
  /** The page, or null when that message is not in the archive. */
  url: string | null;
}

export interface SeriesPlaceView {
  label: string;
  url: string;
  /** The series' title with its version, once: `leds: demo v2`. */
  name: string;
}

export interface TreeRowView {
  indent: number;
  /** Archived messages left out just before this row. */
  skippedBefore: number;
  /** The page, or null for mail not in the archive. */
  url: string | null;
  archived: boolean;
  /** The subject when it says more than the parent's, else the author's name. */
  text: string;
  /** Shown beside a placeholder: what a reply said of it, or nothing. */
  subject: string | null;
  /** A placeholder's Message-ID, when it is known from headers. */
  missingId: string | null;
  author: string | null;
  date: string | null;
  day: string | null;
}

export interface ThreadTreeView {
  /** The rows shown; for a thread shown whole, the same array on every page of the thread. */
  rows: TreeRowView[];
  /** The row of the page's own message. */
  current: number;
  skippedAfter: number;
  messages: number;
}

export interface MessagePageData {
  subject: string;
  nav: {
    place: SeriesPlaceView | null;
    steps: ThreadStep[];
    /** The message's place on its thread's page, when the thread has one. */
    wholeThread: string | null;
    /** The page of the month it was sent in; null when its date is unknown. */
    month: { url: string; label: string } | null;
  };
  /** The mail shown first, then the variants: other mails under the same Message-ID. */
  mails: MailView[];
  variantSubjects: string[];
  tree: ThreadTreeView;
  /** The thread's mbox and its gzip, null when mails as archived are not offered; `partial` says how much of the thread it holds when a bound left mails out. */
  threadMbox: { url: string; gzipUrl: string; partial: string | null } | null;
  /** How to answer it: by a mailto: link or git send-email, to the list (sheaf.config.ts `listAddress`) and its people as the archive shows them. */
  reply: ReplyView;
}

const STEPS: Omit<ThreadStep, 'url'>[] = [
  { key: 'start', label: 'Thread start', rel: null, shortcut: 't' },
  { key: 'parent', label: '↑ Parent', rel: 'up', shortcut: 'u' },
  { key: 'firstReply', label: '↓ First reply', rel: null, shortcut: null },
  { key: 'previousSibling', label: '← Previous sibling', rel: 'prev', shortcut: null },
  { key: 'nextSibling', label: 'Next sibling →', rel: 'next', shortcut: null },
  { key: 'previousInThread', label: 'Previous in thread', rel: null, shortcut: 'k' },
  { key: 'nextInThread', label: 'Next in thread', rel: null, shortcut: 'j' },
];

/** The content store digest of each mail, by record key, as the loader stored it. */
export type StoreDigests = ReadonlyMap<string, string>;

/** Where a mail's body links in the archive, outside its thread: the Message-IDs it names that are archived, and the files its own diffs touch that have a page. */
function bodyLinks(mail: MailRecord, review: ReviewArchive, context: RouteContext): Pick<BodyView, 'messageUrls' | 'fileUrls'> {
  const messageUrls: [string, string][] = [];
  for (const id of mail.links.messageIds) {
    const url = review.archive.byId.get(id)?.url;
    if (url) messageUrls.push([id, context.link(url)]);
  }
  const fileUrls = (mail.facts.files ?? []).flatMap((path): [string, string][] => {
    const url = context.filePage?.(path);
    return url ? [[path, url]] : [];
  });
  return { messageUrls, fileUrls };
}

function bodyView(mail: MailRecord, node: ThreadNode | undefined, review: ReviewArchive, digests: StoreDigests, context: RouteContext): BodyView {
  // Quote depth N is the text of the Nth ancestor: depth 1 the parent, depth 2 its parent.
  const ancestors = node ? ancestorsOf(node) : [];
  const quotedUrls: [number, string][] = [];
  for (const depth of mail.links.attributionDepths) {
    const url = ancestors[depth - 1]?.message?.url;
    if (url) quotedUrls.push([depth, context.link(url)]);
  }
  const { messageUrls, fileUrls } = bodyLinks(mail, review, context);
  return { key: mail.key, renderedAs: digests.get(mail.key) ?? '', messageUrls, quotedUrls, masking: bodyMasking(context.addresses.mode, mail.links.messageIds), fileUrls };
}

/** The In-Reply-To a mail view shows: the archived parent (wherever it is threaded), or the id alone. */
function inReplyToView(mail: MailRecord, review: ReviewArchive, context: RouteContext): MailView['inReplyTo'] {
  if (!mail.inReplyTo) return null;
  const parent = review.archive.byId.get(mail.inReplyTo);
  return parent ? { url: context.link(parent.url), text: parent.mail.subject || `<${parent.id}>` } : { missingId: mail.inReplyTo };
}

function mailView(mail: MailRecord, raw: string, node: ThreadNode | undefined, review: ReviewArchive, digests: StoreDigests, context: RouteContext): MailView {
  const { addresses } = context;
  return {
    from: addresses.full(mail.from),
    fromUrl: context.authorPage(mailAuthor(mail.from, mail.facts)),
    to: mail.to.map(addresses.full).join(', '),
    cc: mail.cc.map(addresses.full).join(', '),
    date: mail.date,
    dateText: formatUtc(mail.date),
    dateSent: mail.dateSent && mail.dateSent !== mail.date ? mail.dateSent : null,
    messageId: mail.messageId,
    permalink: context.link(review.archive.byId.get(mail.messageId)!.url),
    derivedId: mail.idSource === 'content',
    inReplyTo: inReplyToView(mail, review, context),
    body: bodyView(mail, node, review, digests, context),
    bodyCut: mail.bodyCut ?? null,
    raw: context.rawDownloads ? context.link(raw) : null,
    attachments: mail.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, size: formatSize(attachment.size) })),
  };
}

export function rowView(row: TreeRow, context: RouteContext): TreeRowView {
  const { message, inferred } = row.node;
  const from = (message && mailAuthor(message.mail.from, message.mail.facts)) ?? inferred?.from ?? null;
  const date = message?.mail.date ?? inferred?.date ?? null;
  return {
    indent: row.indent,
    skippedBefore: row.skippedBefore,
    url: message ? context.link(message.url) : null,
    archived: message !== null,
    text: row.subject ?? (from ? context.addresses.name(from) : '(no subject)'),
    subject: row.subject,
    missingId: !message && !inferred ? row.node.id : null,
    author: (row.subject !== null || !message) && from ? context.addresses.name(from) : null,
    date,
    day: date ? formatDay(date) : null,
  };
}

// A thread shown whole shows the same rows on each of its pages: they are made once per thread.
const wholeThreadRows = new WeakMap<Thread, TreeRowView[]>();

function treeView(node: ThreadNode, context: RouteContext): ThreadTreeView {
  const tree = threadTree(node);
  const current = tree.rows.findIndex((row) => row.current);
  let rows = tree.whole ? wholeThreadRows.get(node.thread) : undefined;
  if (!rows) {
    rows = tree.rows.map((row) => rowView(row, context));
    if (tree.whole) wholeThreadRows.set(node.thread, rows);
  }
  return { rows, current, skippedAfter: tree.skippedAfter, messages: tree.messages };
}

function seriesPlaceView(node: ThreadNode, review: ReviewArchive, context: RouteContext): SeriesPlaceView | null {
  const place = seriesPlace(node, review);
  return place && { label: placeLabel(place), url: context.link(place.series.url), name: seriesName(place.series.title || '(no title)', place.series.version) };
}

function navView(node: ThreadNode, review: ReviewArchive, wholeThread: string | null, context: RouteContext): MessagePageData['nav'] {
  const links = threadLinks(node);
  return {
    place: seriesPlaceView(node, review, context),
    steps: STEPS.flatMap((step) => {
      const target = links[step.key];
      return target ? [{ ...step, url: target.message ? context.link(target.message.url) : null }] : [];
    }),
    wholeThread,
    month: monthLink(node.message?.mail.date ?? null, context.link),
  };
}

function threadMboxView(thread: Thread, context: RouteContext): MessagePageData['threadMbox'] {
  if (!context.rawDownloads) return null;
  const { url, gzipUrl, items, leftOut } = threadMbox(thread);
  return { url: context.link(url), gzipUrl: context.link(gzipUrl), partial: leftOut > 0 ? `the oldest ${items.length} of ${items.length + leftOut} mails` : null };
}

/** The mails of a message as they are shown, on its page and on the pages that gather it: the mail, then its variants. */
export function messageMailViews(message: ArchivedMessage, review: ReviewArchive, digests: StoreDigests, context: RouteContext): MailView[] {
  const node = review.nodes.get(message.id)!;
  return shownMails(message).map((mail, index) => mailView(mail, rawMailUrl(message, index), node, review, digests, context));
}

/** Everything the page of one archived message shows; `mails` from `messageMailViews`, `wholeThread` its anchor on its thread's page. */
export function messagePageData(message: ArchivedMessage, review: ReviewArchive, mails: MailView[], wholeThread: string | null, context: RouteContext): MessagePageData {
  const node = review.nodes.get(message.id)!;
  return {
    subject: message.mail.subject || '(no subject)',
    nav: navView(node, review, wholeThread, context),
    mails,
    variantSubjects: message.variants.map((variant) => variant.subject || '(no subject)'),
    tree: treeView(node, context),
    threadMbox: threadMboxView(node.thread, context),
    reply: replyView(message.mail, context.addresses, context.config.listAddress),
  };
}

/**
 * What the views of a message read from outside its thread, as this build answers it: its place
 * in a series, and for each mail shown the archived pages its body links to, the message it
 * answers and the pages of the files its diffs touch. A thread whose own mail and these answers
 * are those of the last build shows what it showed (thread-pages.ts). Whatever the views above
 * come to read from outside the thread must be answered here too.
 */
export function outsideLookups(message: ArchivedMessage, review: ReviewArchive, context: RouteContext): unknown[] {
  const node = review.nodes.get(message.id)!;
  return [
    seriesPlaceView(node, review, context),
    ...shownMails(message).map((mail) => [bodyLinks(mail, review, context), inReplyToView(mail, review, context), review.archive.byId.get(mail.messageId)!.url]),
  ];
}
