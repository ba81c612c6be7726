/**
 * The public data contract: what `dist/api/*.json` hold. Field names are stable;
 * docs/api.md and docs/api-series.md document them. New fields may be added, none
 * renamed or removed.
 */
import type { IngestReport } from '../loader/cache.ts';
import type { Address } from '../parse/types.ts';
import type { Archive } from './group.ts';
import type { ReviewArchive } from './index.ts';
import type { ArchiveProblem } from './problems.ts';
import { reviewStatus, type ReviewStatus } from './review.ts';
import type { Series } from './series.ts';

export interface MessageApiEntry {
  id: string;
  url: string;
  subject: string;
  from: Address;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  file: string;
  /** The id of the root of the message's thread (a missing mail's id when the root is not archived). */
  thread: string | null;
  /** The id of the series the message belongs to, as cover letter, patch or reply; null for other mail. */
  series: string | null;
}

/** The messages list, one entry per message page, newest first. */
export function messagesApi(review: ReviewArchive): MessageApiEntry[] {
  return review.archive.messages.map(({ id, url, mail }) => ({
    id,
    url,
    subject: mail.subject,
    from: mail.from,
    date: mail.date,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    file: mail.file,
    thread: review.threadByMessage.get(id)?.id ?? null,
    series: review.seriesByMessage.get(id)?.id ?? null,
  }));
}

export interface SeriesPatchApiEntry {
  number: number;
  /** The patch's Message-ID; null when nothing is known of it. */
  id: string | null;
  /** False when the patch is not in the archive (its id, if any, is then only known from replies). */
  archived: boolean;
}

export interface SeriesApiEntry {
  id: string;
  url: string;
  title: string;
  version: number;
  total: number;
  tags: string[];
  author: Address;
  /** Date of the oldest message of the series. */
  date: string | null;
  /** Date of the newest message of the series or its replies. */
  lastActivity: string | null;
  /** The cover letter's Message-ID, or null. */
  cover: string | null;
  patches: SeriesPatchApiEntry[];
  /** Archived replies to the cover letter and the patches. */
  replies: number;
  /** Review status of the cover letter and of each known patch, by Message-ID. */
  trailers: Record<string, ReviewStatus>;
  /** Series ids of the previous and next versions, or null. */
  previous: string | null;
  next: string | null;
}

function seriesEntry(series: Series, review: ReviewArchive): SeriesApiEntry {
  const reviews = review.reviews.get(series.id);
  const versions = review.versions.get(series.id);
  const trailers: Record<string, ReviewStatus> = {};
  if (series.cover?.node && reviews) trailers[series.cover.node.id] = reviewStatus(reviews.cover);
  for (const patch of series.patches) {
    if (patch.node) trailers[patch.node.id] = reviewStatus(reviews?.patches.get(patch.number) ?? []);
  }
  return {
    id: series.id,
    url: series.url,
    title: series.title,
    version: series.version,
    total: series.total,
    tags: series.tags,
    author: series.author,
    date: series.firstDate,
    lastActivity: series.lastActivity,
    cover: series.cover?.node?.id ?? null,
    patches: series.patches.map(({ number, node }) => ({ number, id: node?.id ?? null, archived: Boolean(node?.message) })),
    replies: series.replyCount,
    trailers,
    previous: versions?.previous?.id ?? null,
    next: versions?.next?.id ?? null,
  };
}

/** The series list, newest activity first. */
export function seriesApi(review: ReviewArchive): SeriesApiEntry[] {
  return review.series.map((series) => seriesEntry(series, review));
}

/** What the archive holds; what one build did (parsed, reused) is in the build log and `<cache>/last-build.json`, so two builds of the same mail give the same report. */
export interface ReportApi extends Omit<IngestReport, 'contentRoot' | 'parsed' | 'reused'> {
  /** Messages whose body the renderer failed on, shown as escaped plain text instead (counted over the archive, not one build). */
  renderedPlain: number;
  /** Message pages written: one per distinct Message-ID. */
  messages: number;
  /** Message-IDs found with differing bodies, all kept on one page. */
  messagesWithVariants: number;
  /** Mails shown other than their headers say (in no series, without an inferred parent…), and why. */
  problems: ArchiveProblem[];
}

/** `problems` are the review archive's (`ReviewArchive.problems`). */
export function reportApi(archive: Archive, ingest: IngestReport | null, problems: readonly ArchiveProblem[] = []): ReportApi {
  const { contentRoot: _root, parsed: _parsed, reused: _reused, ...counts } = ingest ?? {
    contentRoot: '', files: 0, mails: 0, parsed: 0, reused: 0, renderedPlain: 0, identicalCopies: 0, skipped: [],
  };
  return {
    ...counts,
    renderedPlain: archive.messages.filter((message) => [message.mail, ...message.variants].some((mail) => mail.renderedPlain !== undefined)).length,
    messages: archive.messages.length,
    messagesWithVariants: archive.messages.filter((message) => message.variants.length > 0).length,
    problems: [...problems],
  };
}
