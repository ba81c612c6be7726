/**
 * What search looks through: one row per patch series with all its versions folded in,
 * and one per thread of mail that is not a patch series.
 */
import { displayName } from '../parse/address.ts';
import type { Address } from '../parse/types.ts';
import type { ReviewArchive } from '../archive/index.ts';
import { seriesStatus } from '../archive/review.ts';
import { patchesInArchive, type Series } from '../archive/series.ts';
import { walkThread, type Thread } from '../archive/thread.ts';
import { hasSeriesReading, hasThreadReading, seriesReadingUrl, threadReadingUrl } from '../archive/reading.ts';
import type { ArchivedMessage } from '../archive/group.ts';
import type { SearchMessage, SearchRow } from './types.ts';

/** How the archive shows a person (sheaf.config.ts `addresses`, src/site/addresses.ts): the rows hold nothing more. */
export interface PeopleShown {
  person(address: Address): Address;
  name(address: Address): string;
}

const AS_SENT: PeopleShown = { person: (address) => address, name: displayName };

function threadMessages(thread: Thread) {
  return [...walkThread(thread.root)].flatMap(({ node }) => (node.message ? [node.message] : []));
}

function seriesMessages(series: Series) {
  return [series.cover, ...series.patches].flatMap((patch) => (patch?.node?.message ? [patch.node.message] : []));
}

/** A message as search reads it: its people as the archive shows them. */
function searchMessage(message: ArchivedMessage, people: PeopleShown): SearchMessage {
  const { key, date, from, to, cc } = message.mail;
  const shown = (address: Address) => people.person(address);
  return { id: message.id, url: message.url, key, date, from: shown(from), to: to.map(shown), cc: cc.map(shown) };
}

function seriesRow(versions: Series[], review: ReviewArchive, people: PeopleShown): SearchRow {
  const newest = versions.at(-1)!;
  const status = seriesStatus(review.reviews.get(newest.id)!);
  return {
    kind: 'series',
    url: newest.url,
    title: newest.title,
    subjects: versions.flatMap((version) => [version.title, ...seriesMessages(version).map((message) => message.mail.subject)]),
    versions: [...new Set(versions.map((version) => version.version))].sort((a, b) => a - b),
    author: people.name(newest.author),
    date: versions[0]!.firstDate,
    patches: { present: patchesInArchive(newest), total: newest.total },
    replies: newest.replyCount,
    messages: [],
    reviews: {
      reviewed: status.reviewedBy.length,
      acked: status.ackedBy.length,
      tested: status.testedBy.length,
      nacked: status.nackedBy.length,
    },
    readingUrl: hasSeriesReading(newest) ? seriesReadingUrl(newest) : null,
  };
}

function threadRow(thread: Thread, people: PeopleShown): SearchRow {
  const messages = threadMessages(thread);
  const root = messages[0];
  return {
    kind: 'thread',
    url: thread.root.message?.url ?? root?.url ?? '/',
    title: thread.subject,
    subjects: messages.map((message) => message.mail.subject),
    versions: [],
    author: root ? people.name(root.mail.from) : '',
    date: thread.firstDate,
    patches: null,
    replies: Math.max(0, thread.size - 1),
    messages: [],
    reviews: { reviewed: 0, acked: 0, tested: 0, nacked: 0 },
    readingUrl: hasThreadReading(thread) ? threadReadingUrl(thread) : null,
  };
}

/**
 * The rows of the whole archive: each series family once (under its newest version), then every
 * discussion thread. Each archived message belongs to one row, its `messages`: the family of its
 * series (cover letter, patch or reply in its review), else the discussion of its thread.
 */
export function searchRows(review: ReviewArchive, people: PeopleShown = AS_SENT): SearchRow[] {
  const rows: SearchRow[] = [];
  const rowOfSeries = new Map<string, SearchRow>();
  for (const series of review.series) {
    if (rowOfSeries.has(series.id)) continue;
    const versions = review.versions.get(series.id)?.all ?? [series];
    const row = seriesRow(versions, review, people);
    for (const version of versions) rowOfSeries.set(version.id, row);
    rows.push(row);
  }
  const rowOfThread = new Map<Thread, SearchRow>();
  for (const thread of review.discussions) {
    const row = threadRow(thread, people);
    rowOfThread.set(thread, row);
    rows.push(row);
  }
  for (const message of review.archive.messages) {
    const series = review.seriesByMessage.get(message.id);
    const row = series ? rowOfSeries.get(series.id) : rowOfThread.get(review.threadByMessage.get(message.id)!);
    row?.messages.push(searchMessage(message, people));
  }
  return rows;
}
