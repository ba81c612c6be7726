/**
 * Rows of the index: each patch series with how much of it is archived and how far its
 * review got, and each thread of other mail (questions, pull requests, discussions) with
 * the message it is listed by.
 */
import type { ArchivedMessage } from '../archive/group.ts';
import type { ListingEntry, ReviewArchive } from '../archive/index.ts';
import { seriesStatus } from '../archive/review.ts';
import { patchesInArchive, type Series } from '../archive/series.ts';
import { walkThread, type Thread } from '../archive/thread.ts';
import { reviewCounts, type ReviewCount } from './review-kinds.ts';
import { stateBadge, type StateBadge } from './state-view.ts';

export interface SeriesRow {
  kind: 'series';
  series: Series;
  /** Patches of the series that are in the archive. */
  present: number;
  /** Who reviewed, acked, tested or NAKed any of its patches, counted per kind. */
  review: ReviewCount[];
  /** Where it stands (src/archive/state.ts). */
  state: StateBadge;
}

export interface ThreadRow {
  kind: 'thread';
  thread: Thread;
  /** The message the row shows and links to: the root, or the first message that belongs to no series. */
  lead: ArchivedMessage;
}

export type ListingRow = SeriesRow | ThreadRow;

/**
 * A thread is listed for its mail outside any series, so it is shown by the first such
 * message: the root when it is one, else the first below it (a reply to a missing mail).
 */
export function leadOf(thread: Thread, review: ReviewArchive): ArchivedMessage {
  for (const { node } of walkThread(thread.root)) {
    if (node.message && !review.seriesByMessage.has(node.id)) return node.message;
  }
  throw new Error(`thread ${thread.id} is listed but all its mail belongs to series`);
}

// A series or thread is listed on many pages (the index, its month, its files, its people, its
// state): its row is made once. Series and threads belong to one review archive, so they key it.
const rows = new WeakMap<Series | Thread, ListingRow>();

function listingRow(entry: ListingEntry, review: ReviewArchive): ListingRow {
  if (entry.kind === 'thread') return { kind: 'thread', thread: entry.thread, lead: leadOf(entry.thread, review) };
  const { series } = entry;
  const reviews = review.reviews.get(series.id);
  return {
    kind: 'series',
    series,
    present: patchesInArchive(series),
    review: reviews ? reviewCounts(seriesStatus(reviews)) : [],
    state: stateBadge(series, review),
  };
}

/** The rows for some entries of `review.listing` (one page of the index). */
export function listingRows(entries: readonly ListingEntry[], review: ReviewArchive): ListingRow[] {
  return entries.map((entry) => {
    const listed = entry.kind === 'thread' ? entry.thread : entry.series;
    let row = rows.get(listed);
    if (!row) rows.set(listed, (row = listingRow(entry, review)));
    return row;
  });
}
