/**
 * The data of every page, computed once per build, and each page's incremental-build key.
 * A page's key is a digest of exactly the data its components lay out (they read nothing
 * else; a message body is named by its cache key and store digest, which change whenever
 * its cached rendering may), so a page is rendered again exactly when what it shows
 * changed. Astro's own check adds the page's code: its route's module graph.
 */
import { createHash } from 'node:crypto';
import { messagesApi, reportApi, seriesApi } from '../../archive/api.ts';
import { forwardedSlugs } from '../../archive/earlier-permalink.ts';
import { messageSlug } from '../../archive/permalink.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import type { IngestReport } from '../../loader/cache.ts';
import type { SiteConfig } from '../config.ts';
import { routeContext, type RouteContext } from './context.ts';
import type { IndexFile, SearchRow } from '../../search/types.ts';
import { indexPages, messagePages, subjectPages, type IndexRowView, type MessageRowView, type PagedList, type SubjectRowView } from './list-pages.ts';
import type { ThreadNode } from '../../archive/thread.ts';
import { amSeriesMboxPages, plainSeriesMboxPages, rawMailPages, threadMboxPages, type AmMboxData, type FilePage, type MboxData, type RawMailData } from './downloads.ts';
import { archiveFeedPages, seriesFeedPages } from './feeds.ts';
import type { FeedData } from '../../feed/feed-file.ts';
import { messageMailViews, messagePageData, type MessagePageData, type StoreDigests } from './message-page.ts';
import { hasThreadReading, seriesReadingUrl, threadReadingUrl } from '../../archive/reading.ts';
import { earlierThreadRoots, sameReadingThread, seriesReading, threadReading, type ReadingForward, type ReadingInputs, type ReadingPageData } from './reading-page.ts';
import { seriesNeighbours, seriesPageData, type SeriesPageData } from './series-page.ts';
import { datePages, type DateOverviewData, type MonthPageData } from './date-pages.ts';
import { authorPages, type AuthorPageData } from './author-pages.ts';
import { stateFilters, statePages, type StatePageData } from './state-pages.ts';
import { interdiffPages, type InterdiffPageData } from './interdiff-pages.ts';
import { fileFeedPages, filePages, type FilePageData } from './file-pages.ts';
import { fileIndex, type FileIndex } from '../../archive/files.ts';
import { filesApi } from '../../archive/api.ts';

/** A page's data and the digest of it. */
export interface Keyed<Data> {
  data: Data;
  key: string;
}

/** A dynamic route's page: its route parameter, its data, and its key. */
export interface RoutePage<Data> extends Keyed<Data> {
  param: string;
}

export interface ListRoutes<Row> {
  /** The list's first page: `/`, `/messages/`, `/subjects/`. */
  overview: Keyed<PagedList<Row>['overview']>;
  pages: RoutePage<PagedList<Row>['pages'][number]['data']>[];
  /** Page numbers of earlier builds (`/page/7/`) forwarding to their bucket page. */
  aliases: RoutePage<{ target: string }>[];
}

export interface SiteRoutes {
  messages: RoutePage<MessagePageData>[];
  series: RoutePage<SeriesPageData>[];
  /** Slugs of earlier builds (earlier-permalink.ts) forwarding to message and series pages. */
  messageForwards: RoutePage<{ target: string }>[];
  seriesForwards: RoutePage<{ target: string }>[];
  /** `/t/<slug>/`, `/t/<slug>/2/`: threads read whole, and forwards from ids that were a thread's root in earlier builds. */
  threadReadings: RoutePage<ReadingPageData | ReadingForward>[];
  /** `/s/<slug>/read/`, `/s/<slug>/read/2/`: series read whole, or a forward to its thread's page when that reads the same. */
  seriesReadings: RoutePage<ReadingPageData | ReadingForward>[];
  index: ListRoutes<IndexRowView>;
  messageList: ListRoutes<MessageRowView>;
  subjects: ListRoutes<SubjectRowView>;
  /** `/d/`: the years and the chart; `/d/2025-03/`, `/d/2025-03/2/`: what was sent in a month. */
  dates: { overview: Keyed<DateOverviewData>; pages: RoutePage<MonthPageData>[] };
  /** `/a/<slug>/`: a page per person (author-pages.ts). */
  authors: RoutePage<AuthorPageData>[];
  /** `/state/<name>/`: the series in each state (state-pages.ts). */
  states: RoutePage<StatePageData>[];
  /** `/s/<slug>/interdiff/`: what changed in each patch since the previous version (interdiff-pages.ts). */
  interdiffs: RoutePage<InterdiffPageData>[];
  /** `/f/<path>/`: every series and patch touching a file or a folder's files (file-pages.ts). */
  files: RoutePage<FilePageData>[];
  /** `/f/<path>/feed.atom`: the patches touching it. */
  fileFeeds: RoutePage<FeedData>[];
  /** The search index's files, placed beside the pages (src/build/placed-files.ts); the text of one kept from an earlier build is read only when it is written. */
  searchFiles: RoutePage<IndexFile>[];
  /** `dist/api/<param>.json`: the data contract, as JSON text. */
  api: RoutePage<string>[];
  /** `/m/<slug>/raw.txt`, `raw-2.txt` …: each mail a message page shows, as archived (parameter `<slug>/raw-2`). */
  rawMails: RoutePage<RawMailData>[];
  /** `/m/<slug>/t.mbox` and `t.mbox.gz`: each thread, in the folder of its root or of its oldest archived message. */
  threadMboxes: RoutePage<MboxData>[];
  /** `/s/<slug>/series.mbox`: each series for `git am`, with the collected trailers. */
  amSeriesMboxes: RoutePage<AmMboxData>[];
  /** `/s/<slug>/series-plain.mbox`: each series' patches as sent. */
  plainSeriesMboxes: RoutePage<MboxData>[];
  /** `/feeds/series.atom`, `/feeds/messages.atom`: the archive's new series and new messages. */
  archiveFeeds: RoutePage<FeedData>[];
  /** `/s/<slug>/feed.atom`: each series' new versions and replies. */
  seriesFeeds: RoutePage<FeedData>[];
}

/** The key of a page with this data: a digest of its JSON. */
export function pageKey(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 32);
}

function keyed<Data>(param: string, data: Data, key = pageKey(data)): RoutePage<Data> {
  return { param, data, key };
}

// Parts several pages show are one object on all of them: a thread shown whole has one array of
// tree rows, and a message's mails are shown alike on its page and on the pages that read its
// thread or series whole. Each is digested once, not once per page.
const sharedDigests = new WeakMap<object, string>();

function sharedDigest(value: object): string {
  let digest = sharedDigests.get(value);
  if (digest === undefined) sharedDigests.set(value, (digest = pageKey(value)));
  return digest;
}

/** A message page's key: the digest of its data, its mails and tree rows by their own digests. */
function messagePageKey(data: MessagePageData): string {
  return pageKey({ ...data, mails: sharedDigest(data.mails), tree: { ...data.tree, rows: sharedDigest(data.tree.rows) } });
}

/** A reading page's key: the digest of its data, each entry's mails and the tree rows by their own digests. */
function readingPageKey(data: ReadingPageData): string {
  return pageKey({
    ...data,
    tree: data.tree && { ...data.tree, rows: sharedDigest(data.tree.rows) },
    entries: data.entries.map((entry) => ({ ...entry, mails: sharedDigest(entry.mails) })),
  });
}

/**
 * A key for a page in the site's frame (src/layouts/Base.astro), which shows the archive's name
 * (sheaf.config.ts `name`): it covers the name too. Forwards, downloads and data files show none.
 */
function framedKey(name: string, key: string): string {
  return pageKey([name, key]);
}

function framed<Data>(name: string, page: RoutePage<Data>): RoutePage<Data> {
  return { ...page, key: framedKey(name, page.key) };
}

/** A reading page, in the frame; a forward, as it is. */
function framedReading(name: string, page: RoutePage<ReadingPageData | ReadingForward>): RoutePage<ReadingPageData | ReadingForward> {
  return 'target' in page.data ? page : framed(name, page);
}

function keyedPages<Data>(pages: readonly FilePage<Data>[]): RoutePage<Data>[] {
  return pages.map(({ param, data }) => keyed(param, data));
}

function listRoutes<Row>(list: PagedList<Row>, name: string): ListRoutes<Row> {
  return {
    overview: { data: list.overview, key: framedKey(name, pageKey(list.overview)) },
    pages: list.pages.map((page) => framed(name, keyed(page.path, page.data))),
    aliases: list.aliases.map((alias) => keyed(String(alias.number), { target: alias.target })),
  };
}

function forwards(folder: string, pages: readonly { id: string; slug: string }[], { link }: RouteContext): RoutePage<{ target: string }>[] {
  return forwardedSlugs(pages).map(({ slug, target }) => keyed(slug, { target: link(`${folder}${target}/`) }));
}

export interface RouteInputs {
  review: ReviewArchive;
  /** The content store digest of each mail, by record key. */
  digests: StoreDigests;
  searchRows: readonly SearchRow[];
  searchIndex: readonly IndexFile[];
  ingest: IngestReport | null;
  /** The site's configuration (sheaf.config.ts): its base path and URL for links, how it shows addresses, its name and list. */
  config: SiteConfig;
  /** Bytes of a mail's cached rendering, by record key: what reading pages are split by. */
  bodyBytes: ReadingInputs['bodyBytes'];
}

/** The pages that read threads whole, the forwards to them, and where each message is on them. */
function threadReadingRoutes(review: ReviewArchive, inputs: ReadingInputs) {
  const pages: RoutePage<ReadingPageData | ReadingForward>[] = [];
  const anchors = new Map<ThreadNode, string>();
  for (const thread of review.threads) {
    if (!hasThreadReading(thread)) continue;
    const reading = threadReading(thread, inputs);
    for (const [param, data] of reading.pages) pages.push(keyed(param, data, readingPageKey(data)));
    for (const [node, url] of reading.anchors) anchors.set(node, url);
    const top = reading.pages[0]![1].pageUrls[0]!;
    for (const node of earlierThreadRoots(thread)) pages.push(keyed(messageSlug(node.id), { target: anchors.get(node) ?? top }));
  }
  return { pages, anchors };
}

function dateRoutes(review: ReviewArchive, context: RouteContext): SiteRoutes['dates'] {
  const { name } = context.config;
  const { overview, pages } = datePages(review, context);
  return { overview: { data: overview, key: framedKey(name, pageKey(overview)) }, pages: pages.map((page) => framed(name, keyed(page.path, page.data))) };
}

/** The context with the file pages (`/f/<path>/`) this build makes. */
function withFilePages(context: RouteContext, files: FileIndex): RouteContext {
  return {
    ...context,
    filePage: (path) => {
      const entry = files.byPath.get(path);
      return entry?.file ? context.link(entry.url) : null;
    },
  };
}

/** The index's first page links to the series in each state. */
function withStateFilters(list: PagedList<IndexRowView>, review: ReviewArchive, context: RouteContext): PagedList<IndexRowView> {
  return { ...list, overview: { ...list.overview, filters: stateFilters(review, context) } };
}

/** Every page's data and key. */
export function siteRoutes({ review, digests, searchRows, searchIndex, ingest, config, bodyBytes }: RouteInputs): SiteRoutes {
  const files = fileIndex(review.series);
  const context = withFilePages(routeContext(config), files);
  const { link } = context;
  const { name } = config;
  const mailViews = new Map(review.archive.messages.map((message) => [message, messageMailViews(message, review, digests, context)]));
  const inputs: ReadingInputs = { review, mailViews, bodyBytes, context };
  const threads = threadReadingRoutes(review, inputs);
  const seriesReadings: RoutePage<ReadingPageData | ReadingForward>[] = [];
  const neighbours = seriesNeighbours(review.series);
  const seriesPages = review.series.map((series) => {
    const thread = sameReadingThread(series);
    if (thread) {
      const url = link(threadReadingUrl(thread));
      seriesReadings.push(keyed(series.slug, { target: url }));
      return framed(name, keyed(series.slug, seriesPageData(series, review, { url, anchors: threads.anchors }, neighbours.get(series)!, context)));
    }
    const reading = seriesReading(series, inputs);
    for (const [param, data] of reading.pages) seriesReadings.push(keyed(param, data, readingPageKey(data)));
    const links = reading.pages.length > 0 ? { url: link(seriesReadingUrl(series)), anchors: reading.anchors } : null;
    return framed(name, keyed(series.slug, seriesPageData(series, review, links, neighbours.get(series)!, context)));
  });
  return {
    messages: review.archive.messages.map((message) => {
      const data = messagePageData(message, review, mailViews.get(message)!, threads.anchors.get(review.nodes.get(message.id)!) ?? null, context);
      return keyed(message.slug, data, framedKey(name, messagePageKey(data)));
    }),
    series: seriesPages,
    messageForwards: forwards('/m/', review.archive.messages, context),
    seriesForwards: forwards('/s/', review.series, context),
    threadReadings: threads.pages.map((page) => framedReading(name, page)),
    seriesReadings: seriesReadings.map((page) => framedReading(name, page)),
    index: listRoutes(withStateFilters(indexPages(review, context), review, context), name),
    messageList: listRoutes(messagePages(review, context), name),
    subjects: listRoutes(subjectPages(searchRows, context), name),
    dates: dateRoutes(review, context),
    authors: authorPages(review, context).map(({ slug, data }) => framed(name, keyed(slug, data))),
    states: statePages(review, context).map((page) => framed(name, keyed(page.name, page.data))),
    interdiffs: interdiffPages(review, digests, context).map((page) => framed(name, keyed(page.param, page.data))),
    files: filePages(review, files, context).map((page) => framed(name, keyed(page.param, page.data))),
    fileFeeds: keyedPages(fileFeedPages(files, digests, context)),
    searchFiles: searchIndex.map((file) => keyed(file.path, file, file.key ?? pageKey(file.json))),
    api: [
      keyed('messages', JSON.stringify(messagesApi(review, context))),
      keyed('series', JSON.stringify(seriesApi(review, context))),
      keyed('report', JSON.stringify(reportApi(review.archive, ingest, review.problems))),
      keyed('files', JSON.stringify(filesApi(files, context))),
    ],
    // A raw file's key is its mail's: src/build/placed-files.ts places it by that key.
    rawMails: rawMailPages(review, context).map(({ param, data }) => keyed(param, data, data.key)),
    threadMboxes: keyedPages(threadMboxPages(review, context)),
    amSeriesMboxes: keyedPages(amSeriesMboxPages(review, digests, context)),
    plainSeriesMboxes: keyedPages(plainSeriesMboxPages(review, context)),
    archiveFeeds: keyedPages(archiveFeedPages(review, digests, context)),
    seriesFeeds: keyedPages(seriesFeedPages(review, digests, context)),
  };
}

/** The pages of a route, by parameter, without their data: what `getStaticPaths` needs. */
export type RouteKeys = Record<RouteName, [param: string, key: string][]>;

export type RouteName =
  | 'messages' | 'series' | 'messageForwards' | 'seriesForwards' | 'threadReadings' | 'seriesReadings' | 'index' | 'messageList' | 'subjects' | 'dates' | 'authors' | 'states' | 'interdiffs' | 'files' | 'fileFeeds' | 'overviews' | 'searchFiles' | 'api'
  | 'rawMails' | 'threadMboxes' | 'amSeriesMboxes' | 'plainSeriesMboxes' | 'archiveFeeds' | 'seriesFeeds';

/** `index`, `messageList` and `subjects` hold bucket pages then numbered forwards; `overviews` the first pages of the lists and of the dates. */
export function routeKeys(routes: SiteRoutes): RouteKeys {
  const pairs = (pages: readonly RoutePage<unknown>[]) => pages.map(({ param, key }): [string, string] => [param, key]);
  const list = (routes: ListRoutes<unknown>) => [...pairs(routes.pages), ...pairs(routes.aliases)];
  return {
    messages: pairs(routes.messages),
    series: pairs(routes.series),
    messageForwards: pairs(routes.messageForwards),
    seriesForwards: pairs(routes.seriesForwards),
    threadReadings: pairs(routes.threadReadings),
    seriesReadings: pairs(routes.seriesReadings),
    index: list(routes.index),
    messageList: list(routes.messageList),
    subjects: list(routes.subjects),
    dates: pairs(routes.dates.pages),
    authors: pairs(routes.authors),
    states: pairs(routes.states),
    interdiffs: pairs(routes.interdiffs),
    files: pairs(routes.files),
    fileFeeds: pairs(routes.fileFeeds),
    overviews: [
      ['index', routes.index.overview.key],
      ['messageList', routes.messageList.overview.key],
      ['subjects', routes.subjects.overview.key],
      ['dates', routes.dates.overview.key],
    ],
    searchFiles: pairs(routes.searchFiles),
    api: pairs(routes.api),
    rawMails: pairs(routes.rawMails),
    threadMboxes: pairs(routes.threadMboxes),
    amSeriesMboxes: pairs(routes.amSeriesMboxes),
    plainSeriesMboxes: pairs(routes.plainSeriesMboxes),
    archiveFeeds: pairs(routes.archiveFeeds),
    seriesFeeds: pairs(routes.seriesFeeds),
  };
}
