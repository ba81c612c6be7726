/**
 * Parents for replies that came without In-Reply-To and References: mail saved from a
 * web archive (Hypermail, pipermail) or sent by a client that drops the headers. What is
 * left to go by is the subject and the attribution line:
 *
 * 1. the reply answers a mail with its subject minus `Re:` (same version, counter and
 *    normalised title): the original post, or another reply in that conversation;
 * 2. "On <date>, <name> wrote:" names the parent's author and time. An archived mail of
 *    that conversation by that author at that time is the parent. When there is none, the
 *    parent is a placeholder for the named mail, under the original post;
 * 3. without an attribution, the parent is the original post.
 *
 * The original post is the archived mail with that subject and no `Re:`, or else a
 * placeholder standing for it. Placeholder ids are `<digest>@inferred.sheaf.invalid`,
 * digests of what the placeholder stands for, so every reply to the same missing mail
 * finds the same placeholder, on every build.
 */
import { createHash } from 'node:crypto';
import type { Address, MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';
import { attributionMatches, replyAttribution } from './attribution.ts';
import type { ArchivedMessage } from './group.ts';
import { normalizeTitle, stripResponseMarkers, type ParsedSubject } from './subject.ts';

/** A mail known only from a reply: not in the archive. */
export interface InferredPlaceholder {
  id: string;
  parent: string | null;
  /** The subject it had, as far as the reply tells. */
  subject: string;
  /** Its author, when an attribution line named one. */
  from: Address | null;
  /** When it was sent, when an attribution line said so (ISO 8601 UTC). */
  date: string | null;
}

export interface InferredParent {
  parent: string;
  /** Placeholders to add: the parent itself when not archived, and the ones above it. */
  placeholders: InferredPlaceholder[];
}

interface IndexedMessage {
  message: ArchivedMessage;
  subject: ParsedSubject;
}

/** Archived messages by conversation: version, counter and normalised title of their subject. */
export type ConversationIndex = Map<string, IndexedMessage[]>;

function conversationKey(subject: ParsedSubject): string {
  return `${subject.version}|${subject.number ?? ''}/${subject.total ?? ''}|${normalizeTitle(subject.title)}`;
}

/** Indexes messages by conversation, for `inferParent`. */
export function conversationIndex(messages: Iterable<ArchivedMessage>, subjectOf: (message: ArchivedMessage) => ParsedSubject): ConversationIndex {
  const index: ConversationIndex = new Map();
  for (const message of messages) {
    const subject = subjectOf(message);
    const key = conversationKey(subject);
    const entries = index.get(key);
    if (entries) entries.push({ message, subject });
    else index.set(key, [{ message, subject }]);
  }
  return index;
}

/** A reply with no threading headers at all, whose parent has to be inferred. */
export function lacksThreadingHeaders(message: ArchivedMessage, subject: ParsedSubject): boolean {
  return message.mail.inReplyTo === null && message.mail.references.length === 0 && subject.isReply && subject.title !== '';
}

function placeholderId(...parts: string[]): string {
  return `${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}@inferred.sheaf.invalid`;
}

function sentBefore(candidate: ArchivedMessage, message: ArchivedMessage): boolean {
  const [before, after] = [candidate.mail.date, message.mail.date];
  return before === null || after === null || before < after;
}

/** The parent of a reply without threading headers; see the module comment. */
export function inferParent(
  message: ArchivedMessage,
  subject: ParsedSubject,
  conversations: ConversationIndex,
  bodyOf: (message: ArchivedMessage) => MailBody,
): InferredParent {
  const key = conversationKey(subject);
  const earlier = (conversations.get(key) ?? []).filter((entry) => entry.message !== message && sentBefore(entry.message, message));
  const original = earlier.find((entry) => !entry.subject.isReply)?.message;
  const originalSubject = stripResponseMarkers(message.mail.subject);
  const originalPlaceholder: InferredPlaceholder = { id: placeholderId('subject', key), parent: null, subject: originalSubject, from: null, date: null };
  const top = original ? { parent: original.id, placeholders: [] } : { parent: originalPlaceholder.id, placeholders: [originalPlaceholder] };

  const attribution = replyAttribution(markBody(bodyOf(message)));
  if (!attribution) return top;
  const named = earlier
    .filter((entry) => attributionMatches(attribution, entry.message.mail.from, entry.message.mail.date))
    .sort((a, b) => distance(a.message, attribution.date) - distance(b.message, attribution.date))[0];
  if (named) return { parent: named.message.id, placeholders: [] };
  const { author, date } = attribution;
  const parent: InferredPlaceholder = {
    id: placeholderId('attribution', key, author.name, author.email, date ?? ''),
    parent: top.parent,
    subject: message.mail.subject,
    from: author,
    date,
  };
  return { parent: parent.id, placeholders: [parent, ...top.placeholders] };
}

function distance(message: ArchivedMessage, date: string | null): number {
  return date === null || message.mail.date === null ? 0 : Math.abs(Date.parse(message.mail.date) - Date.parse(date));
}
