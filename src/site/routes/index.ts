/**
 * The data of every page, computed once per build, and each page's incremental-build key.
 * A page's key is a digest of exactly the data its components lay out (they read nothing
 * else; a message body is named by its cache key and store digest, which change whenever
 * its cached rendering may), so a page is rendered again exactly when what it shows
 * changed. Astro's own check adds the page's code: its route's module graph. A thread whose
 * digest the last build saw keeps its pages' keys, and their data is made only if one is
 * rendered (thread-pages.ts).
 */
import { messagesApi, reportApi, seriesApi } from '../../archive/api.ts';
import { forwardedSlugs } from '../../archive/earlier-permalink.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import type { IngestReport } from '../../loader/cache.ts';
import type { SiteConfig } from '../config.ts';
import { routeContext, type RouteContext } from './context.ts';
import type { IndexFile, SearchRow } from '../../search/types.ts';
import { indexPages, messagePages, subjectPages, type IndexRowView, type MessageRowView, type PagedList, type SubjectRowView } from './list-pages.ts';
import type { Thread } from '../../archive/thread.ts';
import { amSeriesMboxPages, plainSeriesMboxPages, rawMailPages, threadMboxPages, type AmMboxData, type FilePage, type MboxData, type RawMailData } from './downloads.ts';
import { archiveFeedPages, seriesFeedPages } from './feeds.ts';
import type { FeedData } from '../../feed/feed-file.ts';
import { messageMailViews, type MailView, type MessagePageData, type StoreDigests } from './message-page.ts';
import { seriesReadingUrl, threadReadingUrl } from '../../archive/reading.ts';
import { sameReadingThread, type ReadingForward, type ReadingPageData } from './reading-page.ts';
import { keptSeriesReadingPages, seriesReadingDigest, seriesReadingPages, type SeriesReadingKeys } from './series-readings.ts';
import { seriesNeighbours, seriesPageData, seriesPageDigest, type SeriesPageData, type SeriesReadingLinks } from './series-page.ts';
import { datePages, type DateOverviewData, type MonthPageData } from './date-pages.ts';
import { authorPages, type AuthorPageData } from './author-pages.ts';
import { stateFilters, statePages, type StatePageData } from './state-pages.ts';
import { interdiffPages, type InterdiffPageData } from './interdiff-pages.ts';
import { fileFeedPages, filePages, type FilePageData } from './file-pages.ts';
import { fileIndex, type FileIndex } from '../../archive/files.ts';
import { filesApi } from '../../archive/api.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import { framed, framedKey, keptPages, keyed, lazilyKeyed, pageKey, paramKeys, textKey, type Keyed, type RoutePage } from './keys.ts';
import { keptThreadPages, threadDigest, threadKeys, threadPages, type ThreadInputs, type ThreadKeys, type ThreadPages } from './thread-pages.ts';

export { pageKey, type Keyed, type RoutePage } from './keys.ts';

export interface ListRoutes<Row> {
  /** The list's first page: `/`, `/messages/`, `/subjects/`. */
  overview: Keyed<PagedList<Row>['overview']>;
  pages: RoutePage<PagedList<Row>['pages'][number]['data']>[];
  /** Page numbers of earlier builds (`/page/7/`) forwarding to their bucket page. */
  aliases: RoutePage<{ target: string }>[];
}

export interface SiteRoutes {
  messages: RoutePage<MessagePageData>[];
  /** The keys of each thread's pages (its messages' pages and its reading pages), by thread digest: what the next build keeps. */
  threadKeys: ReadonlyMap<string, ThreadKeys>;
  /** How many threads kept the keys of the last build. */
  threadsKept: number;
  /** The keys of each series' reading pages, by the series' reading digest: what the next build keeps. */
  seriesReadingKeys: ReadonlyMap<string, SeriesReadingKeys>;
  series: RoutePage<SeriesPageData>[];
  /** The key of each series' page, by the digest of what it is made from (series-page.ts `seriesPageDigest`): what the next build keeps. */
  seriesPageKeys: ReadonlyMap<string, string>;
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

function keyedPages<Data>(pages: readonly FilePage<Data>[]): RoutePage<Data>[] {
  return pages.map(({ param, data }) => keyed(param, data));
}

/** A file of the data contract: its JSON text, keyed by that text, and set aside until it is read (`RouteInputs.setAside`). */
function apiFile(param: string, data: unknown, setAside: RouteInputs['setAside']): RoutePage<string> {
  const text = JSON.stringify(data);
  const key = textKey(text);
  return lazilyKeyed(param, key, setAside(param, key, text));
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
  bodyBytes: ThreadInputs['bodyBytes'];
  /**
   * Keeps the text of a data file (`api/<name>.json`, with its key) until it is read, and gives
   * back how to read it: the build keeps it in the cache folder (site-routes.ts), so the pages
   * are made without holding it (at 100,000 mails the JSON API is some 120 MB, twice that as a string).
   */
  setAside(name: string, key: string, text: string): () => string;
}

/**
 * The last build's keys of the pages of each thread, by thread digest (thread-pages.ts), of
 * each series' reading pages, by its digest (series-readings.ts), and of each series' page, by
 * its digest (series-page.ts), to keep where the digest is the same.
 */
export interface KeptThreads {
  threads: ReadonlyMap<string, ThreadKeys>;
  seriesReadings: ReadonlyMap<string, SeriesReadingKeys>;
  seriesPages: ReadonlyMap<string, string>;
  /** Make every kept thread's pages anyway and fail on a key that came out otherwise (tests). */
  verify: boolean;
}

/** Every thread's pages, each kept from the last build when its digest is one the last build saw. */
function threadRoutes(review: ReviewArchive, inputs: ThreadInputs, kept: KeptThreads) {
  const byThread = new Map<Thread, ThreadPages>();
  const keys = new Map<string, ThreadKeys>();
  const digests = new Map<Thread, string>();
  let keptCount = 0;
  for (const thread of review.threads) {
    const digest = threadDigest(thread, inputs);
    digests.set(thread, digest);
    const keptKeys = kept.threads.get(digest);
    if (keptKeys) keptCount++;
    const pages = keptKeys ? keptThreadPages(thread, keptKeys, inputs, kept.verify) : threadPages(thread, inputs);
    byThread.set(thread, pages);
    keys.set(digest, keptKeys ?? threadKeys(pages));
  }
  const messagePages = new Map<string, RoutePage<MessagePageData>>();
  for (const pages of byThread.values()) for (const page of pages.messages) messagePages.set(page.param, page);
  return {
    /** Message pages in the archive's order. */
    messages: review.archive.messages.map((message) => messagePages.get(message.slug)!),
    readings: [...byThread.values()].flatMap((pages) => pages.readings),
    anchorsOf: (thread: Thread) => byThread.get(thread)!.anchors,
    digestOf: (thread: Thread) => digests.get(thread)!,
    keys,
    kept: keptCount,
  };
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

const NOTHING_KEPT: KeptThreads = { threads: new Map(), seriesReadings: new Map(), seriesPages: new Map(), verify: false };

/** Every page's data and key; the pages of threads in `kept` keep the keys they had. */
export function siteRoutes({ review, digests, searchRows, searchIndex, ingest, config, bodyBytes, setAside }: RouteInputs, kept = NOTHING_KEPT): SiteRoutes {
  const files = fileIndex(review.series);
  const context = withFilePages(routeContext(config), files);
  const { link } = context;
  const { name } = config;
  const mailViews = new Map<ArchivedMessage, MailView[]>();
  const mailViewsOf = (message: ArchivedMessage) => {
    let views = mailViews.get(message);
    if (!views) mailViews.set(message, (views = messageMailViews(message, review, digests, context)));
    return views;
  };
  const inputs: ThreadInputs = { review, digests, mailViews: mailViewsOf, bodyBytes, context };
  const threads = threadRoutes(review, inputs, kept);
  const seriesReadings: RoutePage<ReadingPageData | ReadingForward>[] = [];
  const seriesReadingKeys = new Map<string, SeriesReadingKeys>();
  const seriesPageKeys = new Map<string, string>();
  const neighbours = seriesNeighbours(review.series);
  const seriesPages = review.series.map((series) => {
    const thread = sameReadingThread(series);
    // Where it is read whole, and a digest of that: the thread's digest covers its reading's anchors.
    let links: () => SeriesReadingLinks | null;
    let readingDigest: string;
    if (thread) {
      const url = link(threadReadingUrl(thread));
      seriesReadings.push(keyed(series.slug, { target: url }));
      links = () => ({ url, anchors: threads.anchorsOf(thread) });
      readingDigest = `thread ${url}`;
    } else {
      readingDigest = seriesReadingDigest(series, threads.digestOf);
      const keptKeys = kept.seriesReadings.get(readingDigest);
      const reading = keptKeys ? keptSeriesReadingPages(series, keptKeys, inputs, kept.verify) : seriesReadingPages(series, inputs);
      seriesReadingKeys.set(readingDigest, keptKeys ?? paramKeys(reading.pages));
      seriesReadings.push(...reading.pages);
      links = () => (reading.pages.length > 0 ? { url: link(seriesReadingUrl(series)), anchors: reading.anchors } : null);
    }
    let made: RoutePage<SeriesPageData> | undefined;
    const make = () => (made ??= framed(name, keyed(series.slug, seriesPageData(series, review, links(), neighbours.get(series)!, context))));
    const digest = seriesPageDigest(series, review, readingDigest, neighbours.get(series)!, threads.digestOf, context);
    const keptKey = kept.seriesPages.get(digest);
    const page = keptKey ? keptPages([[series.slug, keptKey]], () => [make()], kept.verify, `series <${series.id}>`)[0]! : make();
    seriesPageKeys.set(digest, page.key);
    return page;
  });
  return {
    messages: threads.messages,
    threadKeys: threads.keys,
    threadsKept: threads.kept,
    seriesReadingKeys,
    series: seriesPages,
    seriesPageKeys,
    messageForwards: forwards('/m/', review.archive.messages, context),
    seriesForwards: forwards('/s/', review.series, context),
    threadReadings: threads.readings,
    seriesReadings,
    index: listRoutes(withStateFilters(indexPages(review, context), review, context), name),
    messageList: listRoutes(messagePages(review, context), name),
    subjects: listRoutes(subjectPages(searchRows, context), name),
    dates: dateRoutes(review, context),
    authors: authorPages(review, context).map(({ slug, data }) => framed(name, keyed(slug, data))),
    states: statePages(review, context).map((page) => framed(name, keyed(page.name, page.data))),
    interdiffs: interdiffPages(review, digests, context).map((page) => framed(name, keyed(page.param, page.data))),
    files: filePages(review, files, context).map((page) => framed(name, keyed(page.param, page.data))),
    fileFeeds: keyedPages(fileFeedPages(files, digests, context)),
    searchFiles: searchIndex.map((file) => keyed(file.path, file, file.key ?? textKey(file.json))),
    api: [
      apiFile('messages', messagesApi(review, context), setAside),
      apiFile('series', seriesApi(review, context), setAside),
      apiFile('report', reportApi(review.archive, ingest, review.problems), setAside),
      apiFile('files', filesApi(files, context), setAside),
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
  const list = (routes: ListRoutes<unknown>) => [...paramKeys(routes.pages), ...paramKeys(routes.aliases)];
  return {
    messages: paramKeys(routes.messages),
    series: paramKeys(routes.series),
    messageForwards: paramKeys(routes.messageForwards),
    seriesForwards: paramKeys(routes.seriesForwards),
    threadReadings: paramKeys(routes.threadReadings),
    seriesReadings: paramKeys(routes.seriesReadings),
    index: list(routes.index),
    messageList: list(routes.messageList),
    subjects: list(routes.subjects),
    dates: paramKeys(routes.dates.pages),
    authors: paramKeys(routes.authors),
    states: paramKeys(routes.states),
    interdiffs: paramKeys(routes.interdiffs),
    files: paramKeys(routes.files),
    fileFeeds: paramKeys(routes.fileFeeds),
    overviews: [
      ['index', routes.index.overview.key],
      ['messageList', routes.messageList.overview.key],
      ['subjects', routes.subjects.overview.key],
      ['dates', routes.dates.overview.key],
    ],
    searchFiles: paramKeys(routes.searchFiles),
    api: paramKeys(routes.api),
    rawMails: paramKeys(routes.rawMails),
    threadMboxes: paramKeys(routes.threadMboxes),
    amSeriesMboxes: paramKeys(routes.amSeriesMboxes),
    plainSeriesMboxes: paramKeys(routes.plainSeriesMboxes),
    archiveFeeds: paramKeys(routes.archiveFeeds),
    seriesFeeds: paramKeys(routes.seriesFeeds),
  };
}
