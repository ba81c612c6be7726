/**
 * Everything the pages need about threads, patch series, their versions and their review,
 * built once per build from the stored records. Each step is a pure function over the
 * records and what their bodies say; bodies are read through `bodyOf`, once each. A mail or
 * series that one step cannot handle is shown degraded and listed in `problems`; no single
 * mail stops the build.
 */
import type { MailRecord } from '../loader/record.ts';
import type { MailBody } from '../parse/types.ts';
import { mailFacts, type MailFacts } from './facts.ts';
import { buildArchive, type Archive } from './group.ts';
import { compareNewestFirst } from './order.ts';
import { ProblemLog, type ArchiveProblem } from './problems.ts';
import { reviewSeries, type SeriesReview } from './review.ts';
import { buildSeries, type Series } from './series.ts';
import { stableSiblings } from './stable.ts';
import { seriesState, type SeriesState } from './state.ts';
import { buildThreads, walkThread, type Thread, type ThreadNode } from './thread.ts';
import { linkVersions, type SeriesVersions } from './versions.ts';

/** One row of the index: a series, or a thread of mail that is not a patch series. */
export type ListingEntry = { kind: 'series'; series: Series; lastActivity: string | null } | { kind: 'thread'; thread: Thread; lastActivity: string | null };

export interface ReviewArchive {
  archive: Archive;
  /** Threads, newest activity first. */
  threads: Thread[];
  /** Every thread node by id, placeholders (mail not in the archive) included. */
  nodes: Map<string, ThreadNode>;
  /** The thread of each archived message, by Message-ID. */
  threadByMessage: Map<string, Thread>;
  /** Series, newest activity first. */
  series: Series[];
  seriesById: Map<string, Series>;
  /** The series of each archived message: as cover letter, patch, or reply in its review. */
  seriesByMessage: Map<string, Series>;
  /** Previous, next and all versions of each series, by series id. */
  versions: Map<string, SeriesVersions>;
  /** The postings of each stable backport for other branches (stable.ts), by series id; absent when none. */
  stableSiblings: Map<string, Series[]>;
  /** Trailers per patch of each series, by series id. */
  reviews: Map<string, SeriesReview>;
  /** Where each series stands (applied, superseded, reviewed …: state.ts), by series id. */
  states: Map<string, SeriesState>;
  /** Threads holding mail that belongs to no series (questions, pull requests, discussions), newest activity first. */
  discussions: Thread[];
  /** Series and discussions together, newest activity first: the index. */
  listing: ListingEntry[];
  /** Subjects and body facts of every message, for `compareVersions` and other on-demand reads. */
  facts: MailFacts;
  /** Mails that were threaded or grouped other than their headers say, and why (for the build log and report.json). */
  problems: ArchiveProblem[];
}

const NO_REVIEW: SeriesReview = { cover: [], patches: new Map() };
const UNKNOWN_STATE: SeriesState = { name: 'waiting', applied: [], supersededBy: null, nackedBy: [], unreviewed: [] };

/** Builds threads, series, versions and reviews from the stored records; `bodyOf` gives a mail's body by record key. */
export function buildReviewArchive(records: Iterable<MailRecord>, bodyOf: (key: string) => MailBody): ReviewArchive {
  const archive = buildArchive(records);
  const log = new ProblemLog();
  const facts = mailFacts(bodyOf, log);
  const { threads, nodes } = buildThreads(archive, facts);
  const seriesIndex = buildSeries({ threads, nodes }, facts);
  const threadByMessage = new Map(archive.messages.map((message) => [message.id, nodes.get(message.id)!.thread]));
  const discussions = threads.filter((thread) => hasMailOutsideSeries(thread, seriesIndex.byMessage));
  const listing: ListingEntry[] = [
    ...seriesIndex.series.map((series) => ({ kind: 'series' as const, series, lastActivity: series.lastActivity })),
    ...discussions.map((thread) => ({ kind: 'thread' as const, thread, lastActivity: thread.lastDate })),
  ];
  const idOf = (entry: ListingEntry) => (entry.kind === 'series' ? entry.series.id : entry.thread.id);
  listing.sort((a, b) => compareNewestFirst({ date: a.lastActivity, id: idOf(a) }, { date: b.lastActivity, id: idOf(b) }));
  const versions = linkVersions(seriesIndex, facts);
  const reviews = new Map(seriesIndex.series.map((series) => [series.id, log.guard(series.id, 'review not read', () => reviewSeries(series, facts), NO_REVIEW)]));
  const states = new Map(seriesIndex.series.map((series) => [series.id, log.guard(series.id, 'state not read', () => seriesState(series, reviews.get(series.id), versions.get(series.id), facts), UNKNOWN_STATE)]));
  return {
    archive,
    threads,
    nodes,
    threadByMessage,
    series: seriesIndex.series,
    seriesById: seriesIndex.byId,
    seriesByMessage: seriesIndex.byMessage,
    versions,
    stableSiblings: stableSiblings(seriesIndex.series, facts),
    reviews,
    states,
    discussions,
    listing,
    facts,
    problems: log.problems,
  };
}

function hasMailOutsideSeries(thread: Thread, seriesByMessage: Map<string, Series>): boolean {
  for (const { node } of walkThread(thread.root)) if (node.message && !seriesByMessage.has(node.id)) return true;
  return false;
}
