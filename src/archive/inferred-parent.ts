/**
 * Parents for mail that came without In-Reply-To and References: pages saved from a web
 * archive (Hypermail, pipermail) or mail from a client that drops the headers. What is left to
 * go by is the subject, the date, the attribution line and the quoted text, each read from the
 * tree the page is rendered from (`markBody`):
 *
 * 1. A reply answers an earlier mail of its conversation: the same subject minus `Re:` (same
 *    version, counter and normalised title), the original post or another reply. Of those, the
 *    parent is the one whose own text holds most of the lines the reply quotes at depth one,
 *    the mail its attribution names (author, and time when it gives one) weighing in, the one
 *    nearest before the reply breaking ties.
 * 2. When none holds a quoted line or is named, and the attribution names someone, the parent
 *    is a placeholder for the named mail, under the original post; without an attribution, the
 *    parent is the original post.
 * 3. A patch `[PATCH vN k/M]` (not a reply) is sent, as git send-email threads a series, under
 *    its cover letter `0/M` (which may have reached the archive after it), else under patch 1
 *    sent before it: the nearest by the same author with the same version, total and tags,
 *    within 12 hours. Without either it stays a root.
 *
 * The original post is the archived mail with that subject and no `Re:`, or else a
 * placeholder standing for it. Placeholder ids are `<digest>@inferred.sheaf.invalid`,
 * digests of what the placeholder stands for, so every reply to the same missing mail
 * finds the same placeholder, on every build.
 */
import { createHash } from 'node:crypto';
import type { Root, RootContent } from 'mdast';
import type { Address, MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';
import { attributionMatches, replyAttribution, type AttributionSays } from './attribution.ts';
import type { ArchivedMessage } from './group.ts';
import { samePerson } from './person.ts';
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

/** What inference reads of one body: who its first quote is attributed to, the lines it quotes, and the lines it writes itself. */
interface BodyReading {
  attribution: AttributionSays | null;
  quoted: Set<string>;
  own: Set<string>;
}

/** What inference reads from the archive: messages by conversation and by series, and their bodies, each read once. */
export interface InferenceIndex {
  conversations: Map<string, IndexedMessage[]>;
  /** Non-reply patches by version, total and tags. */
  series: Map<string, IndexedMessage[]>;
  readingOf(message: ArchivedMessage): BodyReading;
}

function conversationKey(subject: ParsedSubject): string {
  return `${subject.version}|${subject.number ?? ''}/${subject.total ?? ''}|${normalizeTitle(subject.title)}`;
}

function seriesKey(subject: ParsedSubject): string {
  return `${subject.version}|${subject.total}|${[...subject.tags].sort().join(' ')}`;
}

/** A patch of a numbered series, not sent as a reply: what git send-email threads under the cover letter. */
function isSeriesPatch(subject: ParsedSubject): boolean {
  return subject.kind === 'patch' && !subject.isReply && !subject.isForward && subject.number !== null && subject.number > 0 && subject.total !== null;
}

function addTo(index: Map<string, IndexedMessage[]>, key: string, entry: IndexedMessage): void {
  const entries = index.get(key);
  if (entries) entries.push(entry);
  else index.set(key, [entry]);
}

/** The literal text under a node, in order. */
function textOf(node: RootContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as RootContent)).join('') : '';
}

/** The lines of one block as sent. */
function blockLines(block: RootContent): string[] {
  if (block.type === 'diff' || block.type === 'diffstat' || block.type === 'trailers') return block.children.map(textOf);
  return textOf(block).split('\n');
}

/**
 * A line as quoting keeps it: blanks collapsed (mailers and web archives rewrap white space),
 * and only lines long enough to say something (a brace or "Thanks," is in every mail).
 */
function keptLine(line: string): string | undefined {
  const kept = line.replace(/\s+/g, ' ').trim();
  return kept.length >= 12 && /\p{L}/u.test(kept) ? kept : undefined;
}

function lineSet(blocks: RootContent[]): Set<string> {
  return new Set(blocks.flatMap(blockLines).flatMap((line) => keptLine(line) ?? []));
}

/** Reads a marked body: the attribution of its first quote, the lines its quotes hold at depth one, and its own lines. */
function readBody(tree: Root): BodyReading {
  const own: RootContent[] = [];
  const quoted: RootContent[] = [];
  for (const block of tree.children) {
    if (block.type === 'quote') quoted.push(...block.children.filter((child) => child.type !== 'quote' && child.type !== 'attribution'));
    else if (block.type === 'attachment') own.push(...block.children.filter((child) => child.type !== 'quote'));
    else own.push(block);
  }
  return { attribution: replyAttribution(tree), quoted: lineSet(quoted), own: lineSet(own) };
}

/** Indexes messages for `inferParent`; bodies are marked when inference first needs them, once each. */
export function inferenceIndex(
  messages: Iterable<ArchivedMessage>,
  subjectOf: (message: ArchivedMessage) => ParsedSubject,
  bodyOf: (message: ArchivedMessage) => MailBody,
): InferenceIndex {
  const conversations = new Map<string, IndexedMessage[]>();
  const series = new Map<string, IndexedMessage[]>();
  for (const message of messages) {
    const subject = subjectOf(message);
    addTo(conversations, conversationKey(subject), { message, subject });
    if (isSeriesPatch(subject) || (subject.number === 0 && !subject.isReply)) addTo(series, seriesKey(subject), { message, subject });
  }
  const readings = new Map<ArchivedMessage, BodyReading>();
  const readingOf = (message: ArchivedMessage) => {
    let reading = readings.get(message);
    if (!reading) readings.set(message, (reading = readBody(markBody(bodyOf(message)))));
    return reading;
  };
  return { conversations, series, readingOf };
}

/** Mail with no threading headers at all whose parent can be inferred: a reply with a title, or a patch of a numbered series. */
export function lacksThreadingHeaders(message: ArchivedMessage, subject: ParsedSubject): boolean {
  const headerless = message.mail.inReplyTo === null && message.mail.references.length === 0;
  return headerless && ((subject.isReply && subject.title !== '') || isSeriesPatch(subject));
}

function placeholderId(...parts: string[]): string {
  return `${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}@inferred.sheaf.invalid`;
}

function sentBefore(candidate: ArchivedMessage, message: ArchivedMessage): boolean {
  const [before, after] = [candidate.mail.date, message.mail.date];
  return before === null || after === null || before < after;
}

function distance(message: ArchivedMessage, date: string | null): number {
  return date === null || message.mail.date === null ? 0 : Math.abs(Date.parse(message.mail.date) - Date.parse(date));
}

const SERIES_WINDOW = 12 * 60 * 60_000;

/** The cover letter, else patch 1, of the series a headerless patch was sent in; null when neither is archived. */
function seriesParent(message: ArchivedMessage, subject: ParsedSubject, index: InferenceIndex): ArchivedMessage | null {
  const siblings = (index.series.get(seriesKey(subject)) ?? []).filter(
    ({ message: other, subject: its }) =>
      other !== message &&
      // A cover letter may reach the archive after its patches; patch 1 comes before the others.
      (its.number === 0 || (its.number === 1 && subject.number! > 1 && sentBefore(other, message))) &&
      samePerson(other.mail.from, message.mail.from) &&
      distance(other, message.mail.date) <= SERIES_WINDOW,
  );
  const nearest = (entries: IndexedMessage[]) => entries.sort((a, b) => distance(a.message, message.mail.date) - distance(b.message, message.mail.date))[0]?.message ?? null;
  return nearest(siblings.filter((entry) => entry.subject.number === 0)) ?? nearest(siblings);
}

/** How strongly a candidate is the mail a reply answers: the lines it quotes that the candidate wrote, and whether its attribution names it. */
function score(reply: BodyReading, candidate: ArchivedMessage, index: InferenceIndex): number {
  const { attribution } = reply;
  let quoted = 0;
  if (reply.quoted.size > 0) {
    const own = index.readingOf(candidate).own;
    for (const line of reply.quoted) if (own.has(line)) quoted++;
  }
  if (!attribution) return quoted;
  if (!attributionMatches(attribution, candidate.mail.from, candidate.mail.date)) return samePerson(attribution.author, candidate.mail.from) ? quoted : quoted - 2;
  // A named author at the minute the line gives is as good as a header; a name alone counts as two quoted lines.
  return quoted + (attribution.exact && attribution.date !== null ? 100 : 2);
}

/** The parent of a mail without threading headers; see the module comment. */
export function inferParent(message: ArchivedMessage, subject: ParsedSubject, index: InferenceIndex): InferredParent | null {
  if (isSeriesPatch(subject)) {
    const parent = seriesParent(message, subject, index);
    return parent ? { parent: parent.id, placeholders: [] } : null;
  }
  const key = conversationKey(subject);
  const earlier = (index.conversations.get(key) ?? []).filter((entry) => entry.message !== message && sentBefore(entry.message, message));
  const original = earlier.find((entry) => !entry.subject.isReply)?.message;
  const originalSubject = stripResponseMarkers(message.mail.subject);
  const originalPlaceholder: InferredPlaceholder = { id: placeholderId('subject', key), parent: null, subject: originalSubject, from: null, date: null };
  const top = original ? { parent: original.id, placeholders: [] } : { parent: originalPlaceholder.id, placeholders: [originalPlaceholder] };

  const reading = index.readingOf(message);
  const { attribution } = reading;
  const near = attribution?.date ?? message.mail.date;
  const best = earlier
    .map((entry) => ({ message: entry.message, score: score(reading, entry.message, index) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || distance(a.message, near) - distance(b.message, near))[0];
  if (best) return { parent: best.message.id, placeholders: [] };
  if (!attribution) return top;
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
