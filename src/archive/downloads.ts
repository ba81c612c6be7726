/**
 * What the archive offers to download, and where: every mail as archived (`raw.txt` in its
 * message's folder), every thread as one mbox, every series as an mbox for `git am`. Paths are
 * made from slugs only (permalink.ts), never from a Message-ID, so no id names a path outside
 * its folder. Each mbox is bounded: it holds whole mails, oldest first (patches in order),
 * while they add up to `MBOX_MAX_BYTES`; the mails past that are left out, and counted.
 */
import type { MailRecord } from '../loader/record.ts';
import type { ArchivedMessage } from './group.ts';
import { compareOldestFirst } from './order.ts';
import type { Series, SeriesPatch } from './series.ts';
import { walkThread, type Thread } from './thread.ts';

/** Bytes of mail one mbox holds at most; a single mail is at most 32 MiB (src/ingest/read.ts), so the first always fits. */
export const MBOX_MAX_BYTES = 64 * 1024 ** 2;

/** The mails a message page shows, in its order: the copy shown first, then the variants. */
export function shownMails(message: ArchivedMessage): MailRecord[] {
  return [message.mail, ...message.variants];
}

/** The file name of the raw mail of the `index`th mail a message page shows: `raw` for the first, then `raw-2`, `raw-3` … */
export function rawMailName(index: number): string {
  return index === 0 ? 'raw' : `raw-${index + 1}`;
}

/** The site path of the raw mail of the `index`th mail a message page shows. */
export function rawMailUrl(message: ArchivedMessage, index = 0): string {
  return `${message.url}${rawMailName(index)}.txt`;
}

/** Mails kept in a bounded mbox, in order, and how many were left out past the bound. */
export interface MboxMails<Item> {
  items: Item[];
  leftOut: number;
}

function bounded<Item>(all: readonly Item[], mailOf: (item: Item) => MailRecord): MboxMails<Item> {
  let bytes = 0;
  let kept = 0;
  while (kept < all.length && bytes + mailOf(all[kept]!).size <= MBOX_MAX_BYTES) bytes += mailOf(all[kept++]!).size;
  return { items: all.slice(0, kept), leftOut: all.length - kept };
}

export interface ThreadMbox extends MboxMails<MailRecord> {
  /** The message whose folder holds the mbox: the thread's root, or its oldest archived message when the root is not archived. */
  folder: ArchivedMessage;
  url: string;
  gzipUrl: string;
}

const threadMboxes = new WeakMap<Thread, ThreadMbox>();

/** A thread's mbox: its archived mails, oldest first, each message's variants after it. */
export function threadMbox(thread: Thread): ThreadMbox {
  let mbox = threadMboxes.get(thread);
  if (mbox) return mbox;
  const messages: ArchivedMessage[] = [];
  for (const { node } of walkThread(thread.root)) if (node.message) messages.push(node.message);
  messages.sort((a, b) => compareOldestFirst({ date: a.mail.date, id: a.id }, { date: b.mail.date, id: b.id }));
  // Every thread holds an archived message: placeholders are kept only above one.
  const folder = thread.root.message ?? messages[0]!;
  mbox = { ...bounded(messages.flatMap(shownMails), (mail) => mail), folder, url: `${folder.url}t.mbox`, gzipUrl: `${folder.url}t.mbox.gz` };
  threadMboxes.set(thread, mbox);
  return mbox;
}

export interface SeriesMboxPatch {
  patch: SeriesPatch;
  message: ArchivedMessage;
}

export interface SeriesMbox extends MboxMails<SeriesMboxPatch> {
  /** With the trailers collected from the review, and a `Link:` to each patch's page. */
  url: string;
  /** The patches exactly as sent. */
  plainUrl: string;
}

/** A series' mbox: its archived patches in order, without the cover letter (as `b4 am` writes it); null when none is archived. */
export function seriesMbox(series: Series): SeriesMbox | null {
  const patches = series.patches.flatMap((patch) => (patch.node?.message ? [{ patch, message: patch.node.message }] : []));
  if (patches.length === 0) return null;
  return { ...bounded(patches, ({ message }) => message.mail), url: `${series.url}series.mbox`, plainUrl: `${series.url}series-plain.mbox` };
}
