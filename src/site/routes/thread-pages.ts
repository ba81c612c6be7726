/**
 * The pages of one thread: its messages' pages and the pages that read it whole (with the
 * forwards from ids that were its root in earlier builds), and the digest of everything those
 * pages are made from (`threadDigest`). A rebuild keeps the keys of every thread whose digest
 * the last build saw, and makes those pages' data only if Astro renders one of them; so adding a
 * reply computes the pages of its own thread, and of the threads whose answers changed (one
 * naming its Message-ID, say), not of every thread of the list.
 */
import { shownMails } from '../../archive/downloads.ts';
import { messageSlug } from '../../archive/permalink.ts';
import { hasThreadReading } from '../../archive/reading.ts';
import { walkThread, type Thread, type ThreadNode } from '../../archive/thread.ts';
import { framed, framedKey, keptPages, keyed, messagePageKey, pageKey, paramKeys, readingPageKey, type RoutePage } from './keys.ts';
import { messagePageData, outsideLookups, type MessagePageData, type StoreDigests } from './message-page.ts';
import { earlierThreadRoots, threadReading, threadReadingAnchors, type ReadingForward, type ReadingInputs, type ReadingPageData } from './reading-page.ts';

export interface ThreadInputs extends ReadingInputs {
  digests: StoreDigests;
}

export interface ThreadPages {
  /** Its archived messages' pages, in thread order. */
  messages: RoutePage<MessagePageData>[];
  /** `/t/<slug>/…` and the forwards from its earlier roots; none when it has no reading (thread.ts `hasThreadReading`). */
  readings: RoutePage<ReadingPageData | ReadingForward>[];
  /** Where each message is on its reading pages. */
  anchors: ReadonlyMap<ThreadNode, string>;
}

/** What the next build needs to keep a thread's pages: each page's parameter and key, in order. */
export interface ThreadKeys {
  messages: [param: string, key: string][];
  readings: [param: string, key: string][];
}

/**
 * The digest of what a thread's pages are made from, besides the code and the configuration
 * (whose digest says whether the last build's thread keys apply at all): its shape, each
 * member's mails (their store digests, which change whenever a record or its rendering may) and
 * their bodies' sizes (which split its reading), and what its members read from outside the
 * thread (message-page.ts `outsideLookups`).
 */
export function threadDigest(thread: Thread, { review, digests, bodyBytes, context }: ThreadInputs): string {
  const nodes: unknown[] = [];
  for (const { node, depth } of walkThread(thread.root)) {
    const { message } = node;
    const mails = message && shownMails(message).map((mail) => [mail.key, digests.get(mail.key) ?? '', bodyBytes(mail)]);
    nodes.push([node.id, node.parent?.id ?? null, depth, node.parentInferred, node.inferred, message && [message.slug, message.url, mails, outsideLookups(message, review, context)]]);
  }
  return pageKey([thread.id, thread.subject, thread.size, thread.firstDate, thread.lastDate, nodes]);
}

/** A thread's pages, their data and keys. */
export function threadPages(thread: Thread, inputs: ThreadInputs): ThreadPages {
  const { review, context } = inputs;
  const { name } = context.config;
  const readings: RoutePage<ReadingPageData | ReadingForward>[] = [];
  let anchors: ReadonlyMap<ThreadNode, string> = new Map();
  if (hasThreadReading(thread)) {
    const reading = threadReading(thread, inputs);
    anchors = reading.anchors;
    for (const [param, data] of reading.pages) readings.push(framed(name, keyed(param, data, readingPageKey(data))));
    const top = reading.pages[0]![1].pageUrls[0]!;
    for (const node of earlierThreadRoots(thread)) readings.push(keyed(messageSlug(node.id), { target: anchors.get(node) ?? top }));
  }
  const messages: RoutePage<MessagePageData>[] = [];
  for (const { node } of walkThread(thread.root)) {
    const { message } = node;
    if (!message) continue;
    const data = messagePageData(message, review, inputs.mailViews(message), anchors.get(node) ?? null, context);
    messages.push(keyed(message.slug, data, framedKey(name, messagePageKey(data))));
  }
  return { messages, readings, anchors };
}

export function threadKeys({ messages, readings }: Pick<ThreadPages, 'messages' | 'readings'>): ThreadKeys {
  return { messages: paramKeys(messages), readings: paramKeys(readings) };
}

/**
 * A thread's pages under the keys of the last build: the data of all of them is made together,
 * the first time one is read (keys.ts `keptPages`). With `verify`, it is made at once and its
 * keys compared: a key that came out otherwise means `threadDigest` missed something the pages show.
 */
export function keptThreadPages(thread: Thread, kept: ThreadKeys, inputs: ThreadInputs, verify = false): ThreadPages {
  let made: ThreadPages | undefined;
  const make = () => (made ??= threadPages(thread, inputs));
  const what = `thread <${thread.id}>`;
  let anchors: ReadonlyMap<ThreadNode, string> | undefined;
  return {
    messages: keptPages(kept.messages, () => make().messages, verify, what),
    readings: keptPages(kept.readings, () => make().readings, verify, what),
    // Series pages link to the anchors; finding them takes the split of the reading, not its pages.
    get anchors() {
      return (anchors ??= made?.anchors ?? (hasThreadReading(thread) ? threadReadingAnchors(thread, inputs) : new Map()));
    },
  };
}
