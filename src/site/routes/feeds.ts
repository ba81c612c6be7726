/**
 * The data of the Atom feeds (src/feed/): new series and new messages of the whole archive,
 * and for each series its new versions and the mail of its review. Each holds the newest
 * FEED_ENTRIES entries with a date (an undated mail cannot say when it was new), newest first,
 * every link absolute at the site's URL, and its `updated` is its newest entry's, so a feed
 * changes only when an entry of it does: adding a mail rewrites the messages feed when the mail
 * is among its newest, the series feed when it starts or completes a recent series, and the
 * feeds of its series and of that series' earlier versions. A message's summary is read from
 * the body cache when the feed is written, named here by key and store digest.
 */
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import type { Series } from '../../archive/series.ts';
import type { FeedData, FeedEntryData } from '../../feed/feed-file.ts';
import { bodyMasking } from '../addresses.ts';
import type { RouteContext } from './context.ts';
import type { FilePage } from './downloads.ts';
import type { StoreDigests } from './message-page.ts';

export const FEED_ENTRIES = 50;

/** Site paths of the archive's feeds, by route parameter. */
export const ARCHIVE_FEEDS = { series: '/feeds/series.atom', messages: '/feeds/messages.atom' } as const;

/** Site path of a series' feed. */
export function seriesFeedPath(series: Series): string {
  return `${series.url}feed.atom`;
}

/** `updated` of a feed without a dated entry. */
const NO_DATE = '1970-01-01T00:00:00.000Z';

export function messageEntry(message: ArchivedMessage, digests: StoreDigests, { absolute, addresses }: RouteContext): FeedEntryData | null {
  const { mail } = message;
  if (!mail.date) return null;
  const url = absolute(message.url);
  return {
    id: url,
    title: mail.subject || '(no subject)',
    url,
    updated: mail.date,
    published: null,
    author: { name: addresses.name(mail.from), email: addresses.person(mail.from).email || null },
    summary: { body: { key: mail.key, renderedAs: digests.get(mail.key) ?? '', masking: bodyMasking(addresses.mode, mail.links.messageIds) } },
  };
}

/** The cover letter and patches of a series that are archived. */
function ownMessages(series: Series): ArchivedMessage[] {
  return [series.cover, ...series.patches].flatMap((slot) => (slot?.node?.message ? [slot.node.message] : []));
}

/** A series as one entry: new when it was sent, updated by its last cover letter or patch (not by replies), summed up by their subjects. */
function seriesEntry(series: Series, { absolute, addresses }: RouteContext): FeedEntryData | null {
  const own = ownMessages(series);
  const dates = own.flatMap((message) => (message.mail.date ? [message.mail.date] : [])).sort();
  const updated = dates.at(-1);
  if (!updated) return null;
  const url = absolute(series.url);
  return {
    id: url,
    title: `${series.title || '(no title)'} v${series.version}`,
    url,
    updated,
    published: dates[0] !== updated ? dates[0]! : null,
    author: { name: addresses.name(series.author), email: addresses.person(series.author).email || null },
    summary: { text: own.map((message) => message.mail.subject || '(no subject)').join('\n') },
  };
}

/** Newest first (then by id, so equal dates never depend on load order), at most FEED_ENTRIES. */
export function newest(entries: (FeedEntryData | null)[]): FeedEntryData[] {
  return entries
    .filter((entry) => entry !== null)
    .sort((a, b) => (a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, FEED_ENTRIES);
}

export function feed(path: string, page: string, title: string, entries: FeedEntryData[], context: RouteContext): FeedData {
  const url = context.absolute(path);
  return {
    id: url,
    title,
    selfUrl: url,
    pageUrl: context.absolute(page),
    updated: entries[0]?.updated ?? NO_DATE,
    author: { name: context.config.name, email: null },
    entries,
  };
}

/** `/feeds/series.atom` and `/feeds/messages.atom`: the newest series (by when they were sent) and the newest messages. */
export function archiveFeedPages(review: ReviewArchive, digests: StoreDigests, context: RouteContext): FilePage<FeedData>[] {
  const { name } = context.config;
  return [
    { param: 'series', data: feed(ARCHIVE_FEEDS.series, '/', `${name}: new series`, newest(review.series.map((series) => seriesEntry(series, context))), context) },
    {
      param: 'messages',
      data: feed(ARCHIVE_FEEDS.messages, '/messages/', `${name}: new messages`, newest(review.archive.messages.map((message) => messageEntry(message, digests, context))), context),
    },
  ];
}

/** `/s/<slug>/feed.atom`: a series' newer versions, its cover letter and patches, and their replies. */
export function seriesFeedPages(review: ReviewArchive, digests: StoreDigests, context: RouteContext): FilePage<FeedData>[] {
  return review.series.map((series) => {
    const versions = review.versions.get(series.id)?.all ?? [series];
    const newer = versions.slice(versions.indexOf(series) + 1);
    const replies = [series.cover, ...series.patches].flatMap((slot) => slot?.replies.flatMap((node) => (node.message ? [node.message] : [])) ?? []);
    const entries = newest([
      ...newer.map((version) => seriesEntry(version, context)),
      ...[...ownMessages(series), ...replies].map((message) => messageEntry(message, digests, context)),
    ]);
    const title = `${context.config.name}: ${series.title || '(no title)'} v${series.version}, its new versions and replies`;
    return { param: series.slug, data: feed(seriesFeedPath(series), series.url, title, entries, context) };
  });
}
