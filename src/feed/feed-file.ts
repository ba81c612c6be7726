/**
 * The bytes of a feed, made when its route is rendered, from its route data
 * (src/site/routes/feeds.ts) and the body cache: a message's summary is the start of its body's
 * text, its addresses shown as the archive shows them.
 */
import { readBody } from '../loader/cache.ts';
import { maskedBody, type BodyMasking } from '../site/addresses.ts';
import { atomXml, type AtomEntry, type AtomFeed } from './atom.ts';

/** Characters of a body a feed entry shows at most: about a screen of mail. */
export const SUMMARY_CHARACTERS = 1_500;

/** A cached body, by its mail's key and the store digest it is read under (which changes whenever the body may). */
export interface FeedBody {
  key: string;
  renderedAs: string;
  masking: BodyMasking | null;
}

export interface FeedEntryData extends Omit<AtomEntry, 'summary'> {
  /** Text made with the route data, or a body to read. */
  summary: { text: string } | { body: FeedBody };
}

export interface FeedData extends Omit<AtomFeed, 'entries'> {
  entries: FeedEntryData[];
}

/** The start of a body's text: whole lines up to SUMMARY_CHARACTERS (a longer first line cut inside), `…` after when there is more. */
export function bodySummary(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= SUMMARY_CHARACTERS) return trimmed;
  const lineEnd = trimmed.lastIndexOf('\n', SUMMARY_CHARACTERS);
  // Inside a line, never between the halves of a surrogate pair.
  const inside = /[\ud800-\udbff]/.test(trimmed[SUMMARY_CHARACTERS - 1]!) ? SUMMARY_CHARACTERS - 1 : SUMMARY_CHARACTERS;
  return `${trimmed.slice(0, lineEnd > 0 ? lineEnd : inside).trimEnd()}\n…`;
}

function summaryOf(summary: FeedEntryData['summary']): string {
  if ('text' in summary) return summary.text;
  return bodySummary(maskedBody(readBody(summary.body.key).text, summary.body.masking));
}

/** The feed as an Atom document. */
export function feedXml(feed: FeedData): string {
  return atomXml({ ...feed, entries: feed.entries.map((entry) => ({ ...entry, summary: summaryOf(entry.summary) })) });
}
