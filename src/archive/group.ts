/**
 * Groups stored mails into archived messages: one per Message-ID. Copies with the same
 * body are one message; copies whose bodies differ are all kept, on the same page
 * (as public-inbox does), because only a reader can tell which one is right.
 */
import type { MailRecord } from '../loader/record.ts';
import { messageSlug, slugUrl } from './permalink.ts';

export interface ArchivedMessage {
  id: string;
  slug: string;
  url: string;
  /** The copy shown first: the earliest sent, then the lowest digest of its bytes. */
  mail: MailRecord;
  /** Copies under the same Message-ID whose bodies differ from `mail` and from each other. */
  variants: MailRecord[];
  /** Every file and position this Message-ID was found at, identical copies included. */
  sources: { file: string; position: number }[];
}

export interface Archive {
  /** Newest first; messages without a readable date last. */
  messages: ArchivedMessage[];
  byId: Map<string, ArchivedMessage>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Earliest first, mail without a date after dated mail, then by the bytes' digest: never by
 * file name or place, so renaming or reordering content files changes no page.
 */
function compareArrival(a: MailRecord, b: MailRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareText(a.date, b.date);
  }
  return compareText(a.key, b.key);
}

/** Newest first, undated last, then by id so the order never depends on load order. */
export function compareNewestFirst(a: ArchivedMessage, b: ArchivedMessage): number {
  const dateA = a.mail.date;
  const dateB = b.mail.date;
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return compareText(dateB, dateA);
  }
  return compareText(a.id, b.id);
}

export function buildArchive(records: Iterable<MailRecord>): Archive {
  const copiesById = new Map<string, MailRecord[]>();
  for (const record of records) {
    const copies = copiesById.get(record.messageId);
    if (copies) copies.push(record);
    else copiesById.set(record.messageId, [record]);
  }
  const messages: ArchivedMessage[] = [];
  for (const [id, copies] of copiesById) {
    copies.sort(compareArrival);
    const [mail, ...others] = copies as [MailRecord, ...MailRecord[]];
    const bodies = new Set([mail.bodyDigest]);
    const variants = others.filter((copy) => !bodies.has(copy.bodyDigest) && bodies.add(copy.bodyDigest));
    const sources = copies.map(({ file, position }) => ({ file, position }));
    const slug = messageSlug(id);
    messages.push({ id, slug, url: slugUrl(slug), mail, variants, sources });
  }
  messages.sort(compareNewestFirst);
  return { messages, byId: new Map(messages.map((message) => [message.id, message])) };
}
