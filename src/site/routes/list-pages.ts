/**
 * What the long lists show, as plain data: the index of series and threads (by the month
 * each started), every message (by the month it was sent), and the subjects (by first
 * letter), each paged by bucket (pagination.ts), with the newest entries and the buckets
 * on the list's first page. Components lay this out and nothing else, so each page's key
 * covers all it shows.
 */
import { authorUrl, messageAuthor } from '../../archive/author.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ListingEntry, ReviewArchive } from '../../archive/index.ts';
import type { Series } from '../../archive/series.ts';
import { toStoredRow } from '../../search/build-index.ts';
import { presentRow, type ResultView } from '../../search/present.ts';
import type { SearchRow } from '../../search/types.ts';
import { words } from '../../search/tokenize.ts';
import { formatDay } from '../format.ts';
import { listingRows, type ListingRow } from '../listing.ts';
import { hasSeriesReading, hasThreadReading, seriesReadingUrl, threadReadingUrl } from '../../archive/reading.ts';
import {
  DATE_PAGES, INDEX_PAGES, MESSAGE_PAGES, NEWEST_ENTRIES, SUBJECT_PAGES, anchoredPages, initialBucket, monthBucket,
  type AnchoredList, type AnchoredPage, type Bucket,
} from '../pagination.ts';
import type { TrailerKind } from '../../archive/trailers.ts';
import { counted, namesVersion, patchCount } from '../words.ts';
import type { RouteContext } from './context.ts';
import type { StateBadge } from '../state-view.ts';
import type { StateFilter } from './state-pages.ts';

/** What every list row shows first of a series or thread: its link, title and author. */
export interface RowHead {
  kind: 'series' | 'thread';
  url: string;
  title: string;
  /** `v3` for a series whose title does not name its version; null for a thread. */
  version: string | null;
  tags: string[];
  author: string;
  authorUrl: string | null;
}

/** The head of the row of a series, or of a thread led by `lead`. */
export function rowHead(entry: { series: Series } | { lead: ArchivedMessage }, { link, addresses, authorPage }: RouteContext): RowHead {
  if ('series' in entry) {
    const { series } = entry;
    const title = series.title || '(no title)';
    return {
      kind: 'series',
      url: link(series.url),
      title,
      version: namesVersion(title, series.version) ? null : `v${series.version}`,
      tags: series.tags,
      author: addresses.name(series.author),
      authorUrl: authorPage(series.author),
    };
  }
  const { lead } = entry;
  const author = messageAuthor(lead);
  return { kind: 'thread', url: link(lead.url), title: lead.mail.subject || '(no subject)', version: null, tags: [], author: addresses.name(author), authorUrl: authorPage(author) };
}

export interface IndexRowView extends RowHead {
  date: string | null;
  day: string;
  /** The day of the last activity, when it is not the first day. */
  activity: { date: string | null; day: string } | null;
  /** `3/4 patches` (with `incomplete` set when some are missing) or `5 messages`. */
  size: string;
  incomplete: boolean;
  /** `2 replies`, for a series. */
  replies: string | null;
  /** Review counts of a series (`2 reviewed`), empty for threads and unreviewed series. */
  review: { kind: TrailerKind; text: string }[];
  /** The page that reads the series or thread whole (reading-page.ts), when it has one. */
  readingUrl: string | null;
  /** Where a series stands (applied, superseded, …); null for a thread. */
  state: StateBadge | null;
}

export interface MessageRowView {
  url: string;
  date: string | null;
  day: string;
  from: string;
  fromUrl: string | null;
  subject: string;
}

export type SubjectRowView = ResultView;

export interface PagerView {
  previous: { url: string; label: string } | null;
  next: { url: string; label: string } | null;
  /** The pages of this bucket, when it has more than one. */
  inBucket: { url: string; number: number; current: boolean }[];
  /** The list's first page, with its newest entries and every bucket. */
  overview: { url: string; label: string };
}

/** One bucket page of a list. */
export interface BucketPageData<Row> {
  title: string;
  heading: string;
  rows: Row[];
  pager: PagerView;
}

/** A list's first page: its newest entries (or none, for subjects) and links to every bucket. */
export interface OverviewData<Row> {
  heading: string;
  rows: Row[];
  buckets: { url: string; label: string; count: number }[];
  /** The index's links to its series by state (state-pages.ts). */
  filters?: StateFilter[];
}

/** A page number of an earlier build (`/page/7/`) and the bucket page it now forwards to. */
export interface NumberedAlias {
  number: number;
  target: string;
}

export interface PagedList<Row> {
  overview: OverviewData<Row>;
  /** Keyed by route parameter (`2025-03`, `2025-03/2`). */
  pages: { path: string; data: BucketPageData<Row> }[];
  aliases: NumberedAlias[];
}

const OVERVIEWS: Record<string, { url: string; label: string }> = {
  [INDEX_PAGES.base]: { url: '/', label: 'Newest series and threads' },
  [MESSAGE_PAGES.base]: { url: '/messages/', label: 'Newest messages' },
  [SUBJECT_PAGES.base]: { url: '/subjects/', label: 'All letters' },
  [DATE_PAGES.base]: { url: '/d/', label: 'All years' },
};

function pageLabel(page: AnchoredPage<unknown>): string {
  return page.pages > 1 ? `${page.bucket.label}, page ${page.number}` : page.bucket.label;
}

function pager(list: AnchoredList, pages: readonly AnchoredPage<unknown>[], index: number, { link }: RouteContext): PagerView {
  const page = pages[index]!;
  const previous = pages[index - 1];
  const next = pages[index + 1];
  const inBucket =
    page.pages > 1
      ? pages
          .filter((other) => other.bucket.name === page.bucket.name)
          .map((other) => ({ url: link(other.url), number: other.number, current: other === page }))
      : [];
  const overview = OVERVIEWS[list.base]!;
  return {
    previous: previous ? { url: link(previous.url), label: pageLabel(previous) } : null,
    next: next ? { url: link(next.url), label: pageLabel(next) } : null,
    inBucket,
    overview: { url: link(overview.url), label: overview.label },
  };
}

/** A list cut into the pages of its buckets, with each page's pager and the list's first page. */
export function pagedList<Entry, Row>(
  list: AnchoredList,
  entries: readonly Entry[],
  bucketOf: (entry: Entry) => Bucket,
  toRows: (entries: Entry[]) => Row[],
  heading: (page: AnchoredPage<Entry>) => { title: string; heading: string },
  overview: { heading: string; rows: Row[] },
  context: RouteContext,
): PagedList<Row> {
  const pages = anchoredPages(list, entries, bucketOf);
  const firstPages = pages.filter((page) => page.number === 1);
  const { link } = context;
  return {
    overview: { ...overview, buckets: firstPages.map((page) => ({ url: link(page.url), label: page.bucket.label, count: page.bucketSize })) },
    pages: pages.map((page, index) => ({ path: page.path, data: { ...heading(page), rows: toRows(page.entries), pager: pager(list, pages, index, context) } })),
    aliases: pages.map((page, index) => ({ number: index + 1, target: link(page.url) })),
  };
}

// Rows are shared by the pages listing them (listing.ts), and so are their views, per context.
const rowViews = new WeakMap<RouteContext, WeakMap<ListingRow, IndexRowView>>();

/** A row of the index (and of an author's series, a file's, a state's). */
export function indexRowView(row: ListingRow, context: RouteContext): IndexRowView {
  let views = rowViews.get(context);
  if (!views) rowViews.set(context, (views = new WeakMap()));
  let view = views.get(row);
  if (!view) views.set(row, (view = rowView(row, context)));
  return view;
}

function rowView(row: ListingRow, context: RouteContext): IndexRowView {
  const { link } = context;
  if (row.kind === 'series') {
    const { series } = row;
    const first = formatDay(series.firstDate);
    const last = formatDay(series.lastActivity);
    return {
      ...rowHead(row, context),
      date: series.firstDate,
      day: first,
      activity: last !== first ? { date: series.lastActivity, day: last } : null,
      size: patchCount(row.present, series.total),
      incomplete: row.present < series.total,
      replies: counted(series.replyCount, 'reply', 'replies'),
      review: row.review,
      readingUrl: hasSeriesReading(series) ? link(seriesReadingUrl(series)) : null,
      state: row.state,
    };
  }
  const { lead, thread } = row;
  const first = formatDay(lead.mail.date);
  const last = formatDay(thread.lastDate);
  return {
    ...rowHead(row, context),
    date: lead.mail.date,
    day: first,
    activity: last !== first ? { date: thread.lastDate, day: last } : null,
    size: counted(thread.size, 'message', 'messages'),
    incomplete: false,
    replies: null,
    review: [],
    readingUrl: hasThreadReading(thread) ? link(threadReadingUrl(thread)) : null,
    state: null,
  };
}

function entryStart(entry: ListingEntry): string | null {
  return entry.kind === 'series' ? entry.series.firstDate : entry.thread.firstDate;
}

function entryId(entry: ListingEntry): string {
  return entry.kind === 'series' ? entry.series.id : entry.thread.id;
}

/** Oldest first, undated last, then by id: the order of bucket pages, which never depends on load order. */
function byStart(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The index: the newest activity on `/`, and every series and thread on the page of the month it started. */
export function indexPages(review: ReviewArchive, context: RouteContext): PagedList<IndexRowView> {
  const rows = (entries: ListingEntry[]) => listingRows(entries, review).map((row) => indexRowView(row, context));
  const started = [...review.listing].sort((a, b) => byStart({ date: entryStart(a), id: entryId(a) }, { date: entryStart(b), id: entryId(b) }));
  return pagedList(
    INDEX_PAGES,
    started,
    (entry) => monthBucket(entryStart(entry)),
    rows,
    (page) => ({
      title: `Series and threads started in ${page.bucket.label}`,
      heading: `Series and threads started in ${page.bucket.label} (${page.bucketSize}${page.pages > 1 ? `, page ${page.number} of ${page.pages}` : ''})`,
    }),
    {
      heading: `Series and threads (${review.series.length} series, ${counted(review.discussions.length, 'other thread', 'other threads')}), newest activity first`,
      rows: rows(review.listing.slice(0, NEWEST_ENTRIES)),
    },
    context,
  );
}

export function messageRowView(message: ArchivedMessage, { link, addresses, authorPage }: RouteContext): MessageRowView {
  return {
    url: link(message.url),
    date: message.mail.date,
    day: formatDay(message.mail.date),
    from: addresses.name(messageAuthor(message)),
    fromUrl: authorPage(messageAuthor(message)),
    subject: message.mail.subject || '(no subject)',
  };
}

/** Every message: the newest on `/messages/`, and each on the page of the month it was sent, oldest first. */
export function messagePages(review: ReviewArchive, context: RouteContext): PagedList<MessageRowView> {
  const { messages } = review.archive;
  const oldestFirst = [...messages].sort((a, b) => byStart({ date: a.mail.date, id: a.id }, { date: b.mail.date, id: b.id }));
  return pagedList(
    MESSAGE_PAGES,
    oldestFirst,
    (message) => monthBucket(message.mail.date),
    (entries) => entries.map((message) => messageRowView(message, context)),
    (page) => ({
      title: `Messages of ${page.bucket.label}`,
      heading: `Messages of ${page.bucket.label} (${page.bucketSize}${page.pages > 1 ? `, page ${page.number} of ${page.pages}` : ''}, oldest first)`,
    }),
    { heading: `Messages (${messages.length}), newest first`, rows: messages.slice(0, NEWEST_ENTRIES).map((message) => messageRowView(message, context)) },
    context,
  );
}

/** Sorted by the words of the title, so `[PATCH]`, case and accents do not decide the order. */
function subjectSortKey(row: SearchRow): string {
  return words(row.title).join(' ');
}

/** Every series and thread by title: the letters on `/subjects/`, and each letter's titles in order; `rows` show their authors as the archive does (search/rows.ts). */
export function subjectPages(rows: readonly SearchRow[], context: RouteContext): PagedList<SubjectRowView> {
  const sorted = rows
    .map((row) => ({ row, key: subjectSortKey(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.url < b.row.url ? -1 : a.row.url > b.row.url ? 1 : 0));
  return pagedList(
    SUBJECT_PAGES,
    sorted,
    ({ key }) => initialBucket(key),
    (entries) =>
      entries.map(({ row }) => {
        const view = presentRow(toStoredRow(row));
        return { ...view, url: context.link(row.url), reading: view.reading && context.link(view.reading) };
      }),
    (page) => ({
      title: `Subjects: ${page.bucket.label}`,
      heading: `Subjects: ${page.bucket.label} (${page.bucketSize}${page.pages > 1 ? `, page ${page.number} of ${page.pages}` : ''})`,
    }),
    { heading: `Subjects (${rows.length})`, rows: [] },
    context,
  );
}
