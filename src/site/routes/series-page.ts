/**
 * What a series page shows, as plain data: the series' facts and review status, its
 * versions with what changed between neighbours, and the cover letter and every patch
 * with their review and replies. Made from `seriesView`; components lay it out and
 * nothing else, so the page's key (keys.ts) covers all it shows.
 */
import { seriesMbox } from '../../archive/downloads.ts';
import { authorUrl, messageAuthor } from '../../archive/author.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { compareOldestFirst } from '../../archive/order.ts';
import type { Series, SeriesPatch } from '../../archive/series.ts';
import type { Thread, ThreadNode } from '../../archive/thread.ts';
import { ADDRESS_NOTES } from '../addresses.ts';
import { formatDay, formatUtc } from '../format.ts';
import type { TrailerKind } from '../../archive/trailers.ts';
import { CHANGE_LABELS, givenLabel, scopeLabel, seriesView, type SlotView, type VersionsView } from '../series-view.ts';
import type { PatchChange } from '../../archive/versions.ts';
import { monthLink } from '../pagination.ts';
import { counted, seriesName } from '../words.ts';
import type { RouteContext } from './context.ts';
import { seriesFeedPath } from './feeds.ts';
import { interdiffUrl } from '../../archive/changes.ts';
import { stateView, type StateView } from '../state-view.ts';
import { pageKey } from './keys.ts';

export interface ReviewKindView {
  kind: TrailerKind;
  /** `Reviewed-by`. */
  trailer: string;
}

export interface SlotPageView {
  number: number;
  counter: string;
  isCover: boolean;
  /** The page of the cover letter or patch, or null when it is not in the archive. */
  url: string | null;
  /** The title shown: the patch's title, else its subject; null when nothing is known of a missing one. */
  title: string | null;
  author: string | null;
  authorUrl: string | null;
  date: string | null;
  day: string | null;
  /** A missing patch's Message-ID, known from the replies. */
  missingId: string | null;
  /** What a reply without threading headers told of a missing patch. */
  inferred: { subject: string; from: string | null; date: string | null } | null;
  review: { kind: ReviewKindView; people: { name: string; url: string | null; given: { url: string; label: string }[] }[] }[];
  replies: { url: string; name: string; date: string | null; day: string }[];
  /** Where the slot is read on the series' reading page; null when it is not in the archive. */
  readingUrl: string | null;
}

export interface VersionLinkView {
  version: number;
  url: string;
  current: boolean;
  rel: 'prev' | 'next' | null;
  /** `v3`, `v3, previous`. */
  label: string;
  date: string | null;
  day: string;
  tags: string[];
}

export interface VersionChangesView {
  heading: string;
  rows: { change: PatchChange; label: string; title: string; links: { url: string; text: string }[]; /** Its interdiff, for a changed patch. */ interdiff: string | null }[];
}

export interface SeriesPageData {
  title: string;
  version: number;
  /** The title with its version, once (words.ts `seriesName`). */
  name: string;
  tags: string[];
  author: string;
  /** The author's page, or null when nobody is named. */
  authorUrl: string | null;
  firstDate: string | null;
  firstDateText: string;
  lastActivity: string | null;
  lastActivityText: string;
  /** `3 of 4 in the archive`. */
  patchCount: string;
  replies: string;
  /** Where it stands: applied, superseded, … (state-view.ts). */
  state: StateView;
  status: { kind: ReviewKindView; people: { name: string; url: string | null; scope: string }[] }[];
  versions: VersionLinkView[];
  /** A stable backport's postings for other branches ("also for 5.15, 6.1"), by branch. */
  stableSiblings: { url: string; branch: string }[];
  changes: VersionChangesView[];
  slots: SlotPageView[];
  /** The page that reads the whole series; null when none of it is archived. */
  readingUrl: string | null;
  /** Its feed of new versions and replies. */
  feedUrl: string;
  /**
   * The series' mboxes, or null when no patch is archived: for `git am`, with the addresses as the
   * archive shows them (`masked` says how, when not as sent), and as sent, when mails as archived
   * are offered; `partial` says how many patches they hold when a bound left some out.
   */
  mbox: { url: string; plainUrl: string | null; masked: string | null; partial: string | null } | null;
  /** The page of the month it was sent in; null when its date is unknown. */
  month: { url: string; label: string } | null;
  /** The series sent just before and just after it (keys `p` and `n`). */
  neighbours: { previous: SeriesLinkView | null; next: SeriesLinkView | null };
}

export interface SeriesLinkView {
  url: string;
  name: string;
}

/** Series in the order they were sent (oldest first), and the neighbours of each: stable as mail is added, unlike the newest-activity order of the index. */
export function seriesNeighbours(series: readonly Series[]): Map<Series, { previous: Series | null; next: Series | null }> {
  const sent = [...series].sort((a, b) => compareOldestFirst({ date: a.firstDate, id: a.id }, { date: b.firstDate, id: b.id }));
  return new Map(sent.map((one, index) => [one, { previous: sent[index - 1] ?? null, next: sent[index + 1] ?? null }]));
}

function seriesLink(series: Series | null, link: RouteContext['link']): SeriesLinkView | null {
  return series && { url: link(series.url), name: seriesName(series.title || '(no title)', series.version) };
}

/** Where a series is read whole (a link), and each of its messages on those pages (reading-page.ts). */
export interface SeriesReadingLinks {
  url: string;
  anchors: ReadonlyMap<ThreadNode, string>;
}

function slotPageView(slot: SlotView, review: ReviewArchive, reading: SeriesReadingLinks | null, context: RouteContext): SlotPageView {
  const { message, missing, title } = slot;
  const inferred = missing?.inferred ?? null;
  const { link, addresses, authorPage } = context;
  return {
    number: slot.number,
    counter: slot.counter,
    isCover: slot.number === 0,
    url: message ? link(message.url) : null,
    title: message ? title || message.mail.subject || '(no subject)' : title,
    author: message ? addresses.name(messageAuthor(message)) : null,
    authorUrl: message ? authorPage(messageAuthor(message)) : null,
    date: message?.mail.date ?? null,
    day: message ? formatDay(message.mail.date) : null,
    missingId: missing?.id ?? null,
    inferred: inferred && { subject: inferred.subject, from: inferred.from && addresses.name(inferred.from), date: inferred.date && formatUtc(inferred.date) },
    review: slot.review.map(({ kind, people }) => ({
      kind: { kind: kind.kind, trailer: kind.trailer },
      people: people.map(({ person, given }) => ({
        name: addresses.name(person),
        url: authorPage(person),
        given: given.map((one) => ({ url: link(one.message.url), label: givenLabel(one) })),
      })),
    })),
    replies: slot.replies.map((reply) => ({ url: link(reply.url), name: addresses.name(messageAuthor(reply)), date: reply.mail.date, day: formatDay(reply.mail.date) })),
    readingUrl: (message && reading?.anchors.get(review.nodes.get(message.id)!)) ?? null,
  };
}

function versionLinks(current: Series, versions: VersionsView, context: RouteContext): VersionLinkView[] {
  if (versions.all.length <= 1) return [];
  return versions.all.map((version) => {
    const rel = version === versions.previous ? 'prev' : version === versions.next ? 'next' : null;
    return {
      version: version.version,
      url: context.link(version.url),
      current: version === current,
      rel,
      label: `v${version.version}${rel === 'prev' ? ', previous' : rel === 'next' ? ', next' : ''}`,
      date: version.firstDate,
      day: formatDay(version.firstDate),
      tags: version.tags,
    };
  });
}

function versionChanges(versions: VersionsView, context: RouteContext): VersionChangesView[] {
  if (versions.all.length <= 1) return [];
  const patchLink = (patch: SeriesPatch | null, series: Series) =>
    patch?.node?.message ? [{ url: context.link(patch.node.message.url), text: `v${series.version} ${patch.number}/${series.total}` }] : [];
  return versions.changes.map(({ older, newer, patches }) => ({
    heading: `From v${older.version} to v${newer.version}`,
    rows: patches.map((comparison) => {
      const interdiff = interdiffUrl(newer, comparison);
      return {
        change: comparison.change,
        label: CHANGE_LABELS[comparison.change],
        title: comparison.title,
        links: [...patchLink(comparison.older, older), ...patchLink(comparison.newer, newer)],
        interdiff: interdiff === null ? null : context.link(interdiff),
      };
    }),
  }));
}

function mboxView(series: Series, context: RouteContext): SeriesPageData['mbox'] {
  const mbox = seriesMbox(series);
  if (!mbox) return null;
  const { url, plainUrl, items, leftOut } = mbox;
  const { mode } = context.addresses;
  return {
    url: context.link(url),
    plainUrl: context.rawDownloads ? context.link(plainUrl) : null,
    masked: mode === 'shown' ? null : ADDRESS_NOTES[mode],
    partial: leftOut > 0 ? `the first ${items.length} of ${items.length + leftOut} archived patches` : null,
  };
}

/** Everything the page of one series shows; `reading` where it is read whole, `neighbours` the series sent before and after it. */
export function seriesPageData(
  series: Series,
  review: ReviewArchive,
  reading: SeriesReadingLinks | null,
  neighbours: { previous: Series | null; next: Series | null },
  context: RouteContext,
): SeriesPageData {
  const view = seriesView(series, review);
  return {
    title: series.title || '(no title)',
    version: series.version,
    name: seriesName(series.title || '(no title)', series.version),
    tags: series.tags,
    author: context.addresses.full(series.author),
    authorUrl: context.authorPage(series.author),
    firstDate: series.firstDate,
    firstDateText: formatUtc(series.firstDate),
    lastActivity: series.lastActivity,
    lastActivityText: formatUtc(series.lastActivity),
    patchCount: `${view.present} of ${series.total} in the archive`,
    replies: counted(series.replyCount, 'reply', 'replies'),
    state: stateView(series, review, context),
    status: view.status.map(({ kind, people }) => ({
      kind: { kind: kind.kind, trailer: kind.trailer },
      people: people.map((person) => ({ name: context.addresses.name(person.person), url: context.authorPage(person.person), scope: scopeLabel(person, series.total) })),
    })),
    versions: versionLinks(series, view.versions, context),
    stableSiblings: (review.stableSiblings.get(series.id) ?? []).map((sibling) => ({ url: context.link(sibling.url), branch: sibling.stable ?? 'stable' })),
    changes: versionChanges(view.versions, context),
    slots: [view.cover, ...view.patches].map((slot) => slotPageView(slot, review, reading, context)),
    readingUrl: reading?.url ?? null,
    feedUrl: context.link(seriesFeedPath(series)),
    mbox: mboxView(series, context),
    month: monthLink(series.firstDate, context.link),
    neighbours: { previous: seriesLink(neighbours.previous, context.link), next: seriesLink(neighbours.next, context.link) },
  };
}

/** The threads a series' messages and the replies to them are in. */
function threadsOf(series: Series): Thread[] {
  const threads = new Set<Thread>();
  for (const slot of [series.cover, ...series.patches]) {
    if (slot?.node) threads.add(slot.node.thread);
    for (const reply of slot?.replies ?? []) threads.add(reply.thread);
  }
  return [...threads];
}

/** A series as its versions' pages name it, and its parts: which message is in which place, and the replies to each. */
function seriesFacts(series: Series): unknown {
  const { id, slug, url, title, version, total, tags, stable, author, replyCount, firstDate, lastActivity } = series;
  const slots = [series.cover, ...series.patches].map((slot) => slot && [slot.number, slot.node?.id ?? null, slot.replies.map((reply) => reply.id)]);
  return [id, slug, url, title, version, total, tags, stable, author, replyCount, firstDate, lastActivity, slots, series.coverCopies.map((copy) => copy.id)];
}

/**
 * The digest of what a series' page is made from, besides the code and the configuration (whose
 * digest says whether the last build's keys apply at all): its facts and parts, the digests of
 * the threads its messages and their replies are in and of those of its previous and next
 * versions (which cover every message the page shows or compares, as its own page shows it,
 * `threadDigest` in thread-pages.ts), the facts of every version, its stable siblings, its
 * state as the page shows it, how it is read whole (`reading`: a digest of that, or of the
 * thread it is read as), and the series sent before and after it.
 */
export function seriesPageDigest(
  series: Series,
  review: ReviewArchive,
  reading: string,
  neighbours: { previous: Series | null; next: Series | null },
  threadDigest: (thread: Thread) => string,
  context: RouteContext,
): string {
  const versions = review.versions.get(series.id);
  const compared = [versions?.previous ?? null, series, versions?.next ?? null];
  const neighbour = (other: Series | null) => other && [other.url, other.title, other.version];
  return pageKey([
    (versions?.all ?? [series]).map(seriesFacts),
    compared.map((version) => version && threadsOf(version).map(threadDigest)),
    (review.stableSiblings.get(series.id) ?? []).map((sibling) => [sibling.url, sibling.stable]),
    stateView(series, review, context),
    reading,
    neighbour(neighbours.previous),
    neighbour(neighbours.next),
  ]);
}
