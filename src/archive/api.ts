/**
 * The public data contract: what `dist/api/*.json` hold. Field names are stable;
 * docs/api.md and docs/api-series.md document them. New fields may be added, none
 * renamed or removed.
 */
import type { IngestReport } from '../loader/cache.ts';
import { renderNoteCounts } from '../loader/record.ts';
import { displayName } from '../parse/address.ts';
import type { Address } from '../parse/types.ts';
import type { Archive } from './group.ts';
import type { ReviewArchive } from './index.ts';
import { rawMailUrl, seriesMbox, threadMbox } from './downloads.ts';
import type { ArchiveProblem } from './problems.ts';
import { reviewStatus, type GivenTrailer, type ReviewStatus } from './review.ts';
import type { Series } from './series.ts';
import type { TrailerKind } from './trailers.ts';
import { changesEntry, stateEntry, type SeriesChangeApi, type SeriesStateApi } from './api-answers.ts';

export interface MessageApiEntry {
  id: string;
  url: string;
  subject: string;
  from: Address;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The id Sheaf threads the message under (as its pages show), from its headers or inferred; null for a thread's root. */
  parent: string | null;
  /** True when `parent` was read from the mail (subject, quoted text) because its headers name none. */
  parentInferred: boolean;
  file: string;
  /** The id of the root of the message's thread (a missing mail's id when the root is not archived). */
  thread: string | null;
  /** The id of the series the message belongs to, as cover letter, patch or reply; null for other mail. */
  series: string | null;
  /** Path of the raw mail of the copy shown first, as archived; null when the archive does not offer mails as archived. */
  raw: string | null;
  /** Path of the mbox of the message's thread; null when the archive does not offer mails as archived. */
  threadMbox: string | null;
}

/**
 * How the data shows what depends on the site's configuration (src/site/routes/context.ts):
 * paths under the base path, addresses as the archive shows them, and whether the mails as
 * archived are offered.
 */
export interface ApiView {
  link(path: string): string;
  addresses: { person(address: Address): Address };
  rawDownloads: boolean;
}

/** The messages list, one entry per message page, newest first. */
export function messagesApi(review: ReviewArchive, view: ApiView): MessageApiEntry[] {
  const { link, addresses, rawDownloads } = view;
  return review.archive.messages.map((message) => {
    const { id, url, mail } = message;
    const node = review.nodes.get(id);
    // Every archived message is in a thread.
    const thread = review.threadByMessage.get(id)!;
    return {
      id,
      url: link(url),
      subject: mail.subject,
      from: addresses.person(mail.from),
      date: mail.date,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      parent: node?.parent?.id ?? null,
      parentInferred: node?.parent ? node.parentInferred : false,
      file: mail.file,
      thread: thread.id,
      series: review.seriesByMessage.get(id)?.id ?? null,
      raw: rawDownloads ? link(rawMailUrl(message)) : null,
      threadMbox: rawDownloads ? link(threadMbox(thread).url) : null,
    };
  });
}

export interface SeriesPatchApiEntry {
  number: number;
  /** The patch's Message-ID; null when nothing is known of it. */
  id: string | null;
  /** False when the patch is not in the archive (its id, if any, is then only known from replies). */
  archived: boolean;
}

/** One trailer of a series' review, and where it was given. */
export interface TrailerApiEntry {
  kind: TrailerKind;
  /** Whom the trailer names. */
  person: Address;
  /** `carried`: in the patch's commit message as sent (given to an earlier version); `reply`: in a reply to the patch; `cover`: in a reply to the cover letter. */
  origin: 'carried' | 'reply' | 'cover';
  /** The patch numbers it counts for. */
  patches: number[];
  /** The Message-ID of the mail that wrote it: the reply, or for `carried` the patch itself. */
  message: string;
  /** Who sent that mail, and when. */
  from: Address | null;
  date: string | null;
  /** The scope it states (`5/8 and 6/8`, `the DT patches`), or null. */
  scope: string | null;
}
export type { FileApiEntry, SeriesChangeApi, SeriesStateApi } from './api-answers.ts';
export { filesApi } from './api-answers.ts';

export interface SeriesApiEntry {
  id: string;
  url: string;
  title: string;
  version: number;
  total: number;
  tags: string[];
  /** The stable branches it is posted for (`5.10`; `stable` for AUTOSEL naming none), or null for the mainline. */
  stable: string | null;
  /** Its postings for other stable branches: `{id, stable}`, by branch. */
  stableSiblings: { id: string; stable: string }[];
  author: Address;
  /** How pages name the author: the display name, else the address. */
  authorName: string;
  /** Date of the oldest message of the series. */
  date: string | null;
  /** Date of the newest message of the series or its replies. */
  lastActivity: string | null;
  /** The cover letter's Message-ID, or null. */
  cover: string | null;
  /** Message-IDs of other copies of the cover letter (the same subject sent again within 12 hours without patches), oldest first. */
  coverCopies: string[];
  patches: SeriesPatchApiEntry[];
  /** Archived replies to the cover letter and the patches. */
  replies: number;
  /** Review status of the cover letter and of each known patch, by Message-ID. */
  trailers: Record<string, ReviewStatus>;
  /** Every trailer of the review once, with where it was given and what it counts for. */
  review: TrailerApiEntry[];
  /** Series ids of the previous and next versions, or null. */
  previous: string | null;
  next: string | null;
  /** Path of the series' mbox for `git am`, with the collected trailers; null when no patch is archived. */
  mbox: string | null;
  /** Path of the series' patches exactly as sent; null when no patch is archived or mails as archived are not offered. */
  mboxPlain: string | null;
  /** Where the series stands (src/archive/state.ts). */
  state: SeriesStateApi;
  /** What changed from the previous version, patch by patch; null when there is none. */
  changes: SeriesChangeApi[] | null;
}

function shownStatus(status: ReviewStatus, view: ApiView): ReviewStatus {
  const people = (list: Address[]) => list.map(view.addresses.person);
  return { reviewedBy: people(status.reviewedBy), ackedBy: people(status.ackedBy), testedBy: people(status.testedBy), nackedBy: people(status.nackedBy) };
}

function seriesEntry(series: Series, review: ReviewArchive, view: ApiView): SeriesApiEntry {
  const reviews = review.reviews.get(series.id);
  const versions = review.versions.get(series.id);
  const mbox = seriesMbox(series);
  const trailers: Record<string, ReviewStatus> = {};
  if (series.cover?.node && reviews) trailers[series.cover.node.id] = shownStatus(reviewStatus(reviews.cover), view);
  for (const patch of series.patches) {
    if (patch.node) trailers[patch.node.id] = shownStatus(reviewStatus(reviews?.patches.get(patch.number) ?? []), view);
  }
  const given = (trailer: GivenTrailer, patches: number[]): TrailerApiEntry => {
    const mail = review.archive.byId.get(trailer.messageId)?.mail;
    return {
      kind: trailer.kind,
      person: view.addresses.person(trailer.person),
      origin: trailer.source === 'patch' ? 'carried' : trailer.source,
      patches,
      message: trailer.messageId,
      from: mail ? view.addresses.person(mail.from) : null,
      date: mail?.date ?? null,
      scope: trailer.scope ?? null,
    };
  };
  const everyPatch = series.patches.map((patch) => patch.number);
  const reviewEntries = [
    ...(reviews?.cover ?? []).map((trailer) => given(trailer, trailer.patches ?? everyPatch)),
    ...series.patches.flatMap(({ number }) => (reviews?.patches.get(number) ?? []).filter((trailer) => trailer.source !== 'cover').map((trailer) => given(trailer, [number]))),
  ];
  return {
    id: series.id,
    url: view.link(series.url),
    title: series.title,
    version: series.version,
    total: series.total,
    tags: series.tags,
    stable: series.stable,
    stableSiblings: (review.stableSiblings.get(series.id) ?? []).map((sibling) => ({ id: sibling.id, stable: sibling.stable! })),
    author: view.addresses.person(series.author),
    authorName: displayName(view.addresses.person(series.author)),
    date: series.firstDate,
    lastActivity: series.lastActivity,
    cover: series.cover?.node?.id ?? null,
    coverCopies: series.coverCopies.map((copy) => copy.id),
    patches: series.patches.map(({ number, node }) => ({
      number,
      id: node?.id ?? null,
      archived: Boolean(node?.message),
    })),
    replies: series.replyCount,
    trailers,
    review: reviewEntries,
    previous: versions?.previous?.id ?? null,
    next: versions?.next?.id ?? null,
    mbox: mbox ? view.link(mbox.url) : null,
    mboxPlain: mbox && view.rawDownloads ? view.link(mbox.plainUrl) : null,
    state: stateEntry(series, review, view),
    changes: changesEntry(series, review, view),
  };
}

/** The series list, newest activity first. */
export function seriesApi(review: ReviewArchive, view: ApiView): SeriesApiEntry[] {
  return review.series.map((series) => seriesEntry(series, review, view));
}

/** One mail left out, and why. */
export interface SkippedMail {
  file: string;
  position: number;
  messageId?: string;
  reason: string;
}

/** One file that gave no mail at all (not mail, unreadable, a symbolic link…), and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * What the archive holds; what one build did (parsed, reused) is in the build log and
 * `<cache>/last-build.json`, so two builds of the same mail give the same report. Every mail
 * found is counted once: `mails = pages + identicalCopies + variants + skipped.length`.
 */
export interface ReportApi {
  /** Files read under the content folder. */
  files: number;
  /** Messages found in them: every message framed in a file, identical copies and skipped mails included. */
  mails: number;
  /** Message pages written: one per distinct Message-ID. */
  pages: number;
  /** Mails merged into an identical one: the same bytes, or the same Message-ID and body. */
  identicalCopies: number;
  /** Mails kept beside another with the same Message-ID and a different body, on its page. */
  variants: number;
  /** Mails left out, and why. */
  skipped: SkippedMail[];
  /** Files that gave no mail, and why (their mails, if any, are not counted in `mails`). */
  skippedFiles: SkippedFile[];
  /** Messages whose body the renderer failed on, shown as escaped plain text instead (counted over the archive, not one build). */
  renderedPlain: number;
  /** Mails whose rendering a bound cut, by the rule of the renderer's note (`highlight-lines`: highlighting stopped at its line budget…). */
  renderNotes: Record<string, number>;
  /** Mails shown other than their headers say (in no series, without an inferred parent…), and why. */
  problems: ArchiveProblem[];
  /** The same as `pages` (kept for tools that read it). */
  messages: number;
  /** Message-IDs found with differing bodies, all kept on one page. */
  messagesWithVariants: number;
}

/** The line the build ends its log with, from the report: the same numbers, adding up. */
export function reportLine(report: ReportApi): string {
  return (
    `${report.files} files read, ${report.mails} mails found: ${report.pages} message pages, ` +
    `${report.identicalCopies} identical copies, ${report.variants} variants, ${report.skipped.length} skipped` +
    (report.skippedFiles.length > 0 ? `; ${report.skippedFiles.length} files without mail` : '')
  );
}

/**
 * `ingest` is the loader's report (its `identicalCopies` are mails with the bytes of one read
 * before, merged in the loader), `archive` what became of the stored mails: copies under one
 * Message-ID with the same body digest are merged too, and counted as identical copies.
 * `problems` are the review archive's (`ReviewArchive.problems`).
 */
export function reportApi(archive: Archive, ingest: IngestReport | null, problems: readonly ArchiveProblem[] = []): ReportApi {
  const files = ingest?.files ?? 0;
  const skipped: SkippedMail[] = [];
  const skippedFiles: SkippedFile[] = [];
  for (const problem of ingest?.skipped ?? []) {
    if (problem.position === undefined) skippedFiles.push({ file: problem.file, reason: problem.reason });
    else
      skipped.push({
        file: problem.file,
        position: problem.position,
        ...(problem.messageId ? { messageId: problem.messageId } : {}),
        reason: problem.reason,
      });
  }
  let stored = 0;
  let variants = 0;
  for (const message of archive.messages) {
    stored += message.sources.length;
    variants += message.variants.length;
  }
  const pages = archive.messages.length;
  const identicalCopies = (ingest?.identicalCopies ?? 0) + (stored - pages - variants);
  return {
    files,
    mails: pages + identicalCopies + variants + skipped.length,
    pages,
    identicalCopies,
    variants,
    skipped,
    skippedFiles,
    renderedPlain: archive.messages.filter((message) => [message.mail, ...message.variants].some((mail) => mail.renderedPlain !== undefined)).length,
    renderNotes: renderNoteCounts(archive.messages.flatMap((message) => [message.mail, ...message.variants])),
    problems: [...problems],
    messages: pages,
    messagesWithVariants: archive.messages.filter((message) => message.variants.length > 0).length,
  };
}
