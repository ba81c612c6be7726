/**
 * Every page's data and key (routes/index.ts), computed once per build from the content
 * store. A build whose mail and code are those of the last build (the same store entries with
 * the same digests, the same ingest report, and the same bundled code of this module, which
 * holds the route and archive code) reads the pages and keys back from the cache and computes
 * no data at all unless a page is rendered. Any other build with the same code and configuration
 * keeps the keys of every thread and every series' reading pages whose digest is one the last
 * build saw (routes/thread-pages.ts, routes/series-readings.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCollection } from 'astro:content';
import { placedPath, publishLinkedFiles, publishMadeFiles, publishRawFiles, type MadeKindName, type PlacedFile } from '../build/placed-files.ts';
import { amMboxFile, gzipFile, mboxFile } from '../download/files.ts';
import { feedXml } from '../feed/feed-file.ts';
import { reportThreadCounts } from '../build/thread-counts.ts';
import { cacheRoot, readIngestReport, writeAtomically, type IngestReport } from '../loader/cache.ts';
import { loadDigests, loadReview } from './archive.ts';
import { pageKey, routeKeys, siteRoutes, type KeptThreads, type ListRoutes, type RouteKeys, type RouteName, type SiteRoutes } from './routes/index.ts';
import type { ThreadKeys } from './routes/thread-pages.ts';
import type { SeriesReadingKeys } from './routes/series-readings.ts';
import type { BucketPageData } from './routes/list-pages.ts';
import { loadSearchIndex, loadSearchRows } from './search.ts';
import { siteConfig } from './site-url.ts';
import { experimental_AstroContainer } from 'astro/container';
import Forward from '../layouts/Forward.astro';

let routes: Promise<SiteRoutes> | undefined;
let keys: Promise<RouteKeys> | undefined;

/**
 * What the pages and keys are made from: the store's entries and digests, what the loader
 * reported (less this build's own counts), the site's configuration, and the code that makes them. Under `astro build`
 * this module is a chunk of the bundle holding the route and archive code, and naming the
 * other chunks it imports by their content hashes, so its bytes change with any of that code.
 */
async function inputDigest(ingest: IngestReport | null): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(codeDigest());
  const entries = (await getCollection('mails')).map((entry) => `${entry.id}\0${String(entry.digest ?? '')}`).sort();
  for (const entry of entries) hash.update(entry).update('\n');
  if (ingest) {
    const { parsed: _parsed, reused: _reused, ...archiveFacts } = ingest;
    hash.update(JSON.stringify(archiveFacts));
  }
  return hash.digest('hex');
}

let codeOfBuild: string | undefined;

/**
 * The digest of the code that makes the pages' data and keys and of the configuration. The
 * code's is that of the source of this module and of all it imports, given by the sheaf-build
 * integration (src/build/integration.ts): this module's bundled bytes change with the mail too.
 */
function codeDigest(): string {
  const source: unknown = import.meta.env.SHEAF_ROUTE_CODE;
  if (typeof source !== 'string') throw new Error('the sheaf-build integration (astro.config.mjs) gives the digest of the route code; it is missing');
  return (codeOfBuild ??= createHash('sha256').update(source).update(`${JSON.stringify(siteConfig())}\n`).digest('hex'));
}

const KEYS_FILE = 'route-keys.json';
const THREAD_KEYS_FILE = 'thread-keys.json';

/**
 * The keys of each thread's pages, of each series' reading pages and of each series' page the last
 * build made with the same code and configuration (routes/thread-pages.ts, routes/series-readings.ts,
 * routes/series-page.ts).
 * `SHEAF_CHECK_KEPT=1` makes every kept page anyway and fails the build on a key that came out otherwise.
 */
function keptThreads(code: string): KeptThreads {
  const verify = process.env.SHEAF_CHECK_KEPT === '1';
  const none: KeptThreads = { threads: new Map(), seriesReadings: new Map(), seriesPages: new Map(), verify };
  // The dev server's code changes under it, its digest does not: it keeps nothing.
  if (import.meta.env.DEV) return none;
  try {
    const saved = JSON.parse(readFileSync(join(cacheRoot(), THREAD_KEYS_FILE), 'utf8')) as {
      code?: string;
      threads?: [string, ThreadKeys][];
      seriesReadings?: [string, SeriesReadingKeys][];
      seriesPages?: [string, string][];
    };
    if (saved.code === code && Array.isArray(saved.threads) && Array.isArray(saved.seriesReadings) && Array.isArray(saved.seriesPages)) {
      return { threads: new Map(saved.threads), seriesReadings: new Map(saved.seriesReadings), seriesPages: new Map(saved.seriesPages), verify };
    }
  } catch {
    // none kept, or damaged: every thread's pages are made
  }
  return none;
}

function readSavedKeys(input: string): RouteKeys | null {
  const file = join(cacheRoot(), KEYS_FILE);
  if (!existsSync(file)) return null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { input?: string; keys?: RouteKeys };
    return saved.input === input && saved.keys ? saved.keys : null;
  } catch {
    return null; // a damaged file only costs computing the keys again
  }
}

function saveKeys(input: string, routes: SiteRoutes): RouteKeys {
  const keys = routeKeys(routes);
  reportThreadCounts({ threads: routes.threadKeys.size, kept: routes.threadsKept });
  if (!import.meta.env.DEV) writeAtomically(join(cacheRoot(), THREAD_KEYS_FILE), JSON.stringify({ code: codeDigest(), threads: [...routes.threadKeys], seriesReadings: [...routes.seriesReadingKeys], seriesPages: [...routes.seriesPageKeys] }));
  writeAtomically(join(cacheRoot(), KEYS_FILE), JSON.stringify({ input, keys }));
  return keys;
}

/**
 * Where the text of a data file waits to be placed: `<cache>/set-aside/<its placed path>.<its key>`.
 * Named by the key, so a file set aside by another run on the same cache folder (`astro dev`,
 * another content) is never linked into place under a key that is not its own.
 */
function setAsideFile(path: string, key: string): string {
  return join(cacheRoot(), 'set-aside', `${path}.${key}`);
}

/** Keeps a JSON API file's text in the cache folder until it is read (routes/index.ts `RouteInputs.setAside`), to be linked into place from there; the file's texts of other keys go. */
function setAside(name: string, key: string, text: string): () => string {
  const file = setAsideFile(placedPath('api', name), key);
  writeAtomically(file, text);
  const folder = dirname(file);
  const others = basename(file).slice(0, -key.length);
  for (const entry of readdirSync(folder)) if (entry.startsWith(others) && entry !== basename(file)) rmSync(join(folder, entry), { force: true });
  return () => readFileSync(file, 'utf8');
}

/** A set-aside file to link into place; when it has gone since the build that set it aside, the route data is made, which sets it aside again. */
async function setAsideSource([path, key]: PlacedFile): Promise<string> {
  const file = setAsideFile(path, key);
  if (!existsSync(file)) await loadRoutes();
  return file;
}

/** Every page's data and key. */
export function loadRoutes(): Promise<SiteRoutes> {
  routes ??= (async () =>
    siteRoutes({
      review: await loadReview(),
      digests: await loadDigests(),
      searchRows: await loadSearchRows(),
      searchIndex: await loadSearchIndex(),
      ingest: readIngestReport(),
      bodyBytes: (mail) => mail.bodyFiles.html,
      setAside,
      config: siteConfig(),
    }, keptThreads(codeDigest())))();
  return routes;
}

/** Every page's route parameter and key: read back when the mail is that of the last build, else computed. */
export function loadRouteKeys(): Promise<RouteKeys> {
  keys ??= (async () => {
    const input = await inputDigest(readIngestReport());
    let routeKeysOfBuild = readSavedKeys(input);
    routeKeysOfBuild ??= saveKeys(input, await loadRoutes());
    publishRawFiles(routeKeysOfBuild.rawMails);
    for (const [name, { route, keyedBy }] of Object.entries(PLACED_ROUTES) as [MadeKindName, PlacedRoute][]) {
      const files = routeKeysOfBuild[route];
      if (keyedBy === 'set aside') publishLinkedFiles(name, files, setAsideSource);
      else publishMadeFiles(name, keyedBy === 'bytes' ? files : files.map(([param, key]) => [param, withCode(key)]), fileContents[name]);
    }
    return routeKeysOfBuild;
  })();
  return keys;
}

/**
 * `getStaticPaths` of a route: each page's parameter (under `name`) and key; a page's data is
 * found by `pageData` when it is rendered.
 */
export async function keyedPaths<Name extends string>(route: RouteName, name: Name) {
  return (await loadRouteKeys())[route].map(([param, key]) => ({ params: { [name]: param === '' ? undefined : param } as Record<Name, string | undefined>, props: { param }, cacheKey: key }));
}

// Finding a page's data by parameter: one index per route, made on first use. A kept page's data
// is made when it is read (routes/keys.ts `lazilyKeyed`), so the index holds the pages.
const indexes = new Map<RouteName, Map<string, { data: unknown }>>();

function lookup<Data>(route: RouteName, pages: readonly { param: string; data: Data }[], param: string): Data {
  let index = indexes.get(route);
  if (!index) indexes.set(route, (index = new Map(pages.map((page) => [page.param, page]))));
  const page = index.get(param);
  if (!page) throw new Error(`no ${route} page ${param}`);
  return page.data as Data;
}

type ListName = 'index' | 'messageList' | 'subjects';
/** The pages that have a first page at their route's own path. */
type OverviewName = ListName | 'dates';

/** `getStaticPaths` of a list's first page, at its route's own path (`/`, `/messages/`, `/subjects/`, `/d/`). */
export async function overviewPath<Name extends string>(list: OverviewName, name: Name) {
  const key = (await loadRouteKeys()).overviews.find(([param]) => param === list)![1];
  return [{ params: { [name]: undefined } as Record<Name, undefined>, props: { param: '' }, cacheKey: key }];
}

export const pageData = {
  message: async (param: string) => lookup('messages', (await loadRoutes()).messages, param),
  series: async (param: string) => lookup('series', (await loadRoutes()).series, param),
  /** Where a slug of an earlier build now is. */
  forward: async (route: 'messageForwards' | 'seriesForwards', param: string) => lookup(route, (await loadRoutes())[route], param).target,
  threadReading: async (param: string) => lookup('threadReadings', (await loadRoutes()).threadReadings, param),
  seriesReading: async (param: string) => lookup('seriesReadings', (await loadRoutes()).seriesReadings, param),
  author: async (param: string) => lookup('authors', (await loadRoutes()).authors, param),
  state: async (param: string) => lookup('states', (await loadRoutes()).states, param),
  interdiff: async (param: string) => lookup('interdiffs', (await loadRoutes()).interdiffs, param),
  file: async (param: string) => lookup('files', (await loadRoutes()).files, param),
  fileFeed: async (param: string) => lookup('fileFeeds', (await loadRoutes()).fileFeeds, param),
  month: async (param: string) => lookup('dates', (await loadRoutes()).dates.pages, param),
  searchFile: async (param: string) => lookup('searchFiles', (await loadRoutes()).searchFiles, param),
  api: async (param: string) => lookup('api', (await loadRoutes()).api, param),
  threadMbox: async (param: string) => lookup('threadMboxes', (await loadRoutes()).threadMboxes, param),
  amSeriesMbox: async (param: string) => lookup('amSeriesMboxes', (await loadRoutes()).amSeriesMboxes, param),
  plainSeriesMbox: async (param: string) => lookup('plainSeriesMboxes', (await loadRoutes()).plainSeriesMboxes, param),
  archiveFeed: async (param: string) => lookup('archiveFeeds', (await loadRoutes()).archiveFeeds, param),
  seriesFeed: async (param: string) => lookup('seriesFeeds', (await loadRoutes()).seriesFeeds, param),
  /** A bucket page of a list, or the target a numbered page of an earlier build forwards to. */
  async bucket<Row>(list: ListName, param: string): Promise<BucketProps<Row>> {
    const routes = (await loadRoutes())[list] as ListRoutes<unknown> as ListRoutes<Row>;
    const page = routes.pages.find((candidate) => candidate.param === param);
    if (page) return { page: page.data };
    const alias = routes.aliases.find((candidate) => candidate.param === param);
    if (!alias) throw new Error(`no ${list} page ${param}`);
    return { forward: alias.data.target };
  },
  async overview<List extends OverviewName>(list: List): Promise<SiteRoutes[List]['overview']['data']> {
    return (await loadRoutes())[list].overview.data;
  },
};

/**
 * The bytes of every file that is not an HTML page, and of the forwards from earlier slugs, by
 * route parameter. A build places them
 * beside the pages itself (src/build/placed-files.ts), asking only for those it writes; their
 * routes in src/pages/ serve the same bytes in `astro dev` alone.
 */
export const fileContents: Record<MadeKindName, (param: string) => Promise<string | Uint8Array<ArrayBuffer>>> = {
  messageForward: async (param) => forwardPage(await pageData.forward('messageForwards', param)),
  seriesForward: async (param) => forwardPage(await pageData.forward('seriesForwards', param)),
  search: async (param) => (await pageData.searchFile(param)).json,
  api: (param) => pageData.api(param),
  threadMbox: async (param) => mboxFile((await pageData.threadMbox(param)).keys),
  threadMboxGzip: async (param) => gzipFile(mboxFile((await pageData.threadMbox(param)).keys)),
  amSeriesMbox: async (param) => amMboxFile((await pageData.amSeriesMbox(param)).patches),
  plainSeriesMbox: async (param) => mboxFile((await pageData.plainSeriesMbox(param)).keys),
  archiveFeed: async (param) => feedXml(await pageData.archiveFeed(param)),
  seriesFeed: async (param) => feedXml(await pageData.seriesFeed(param)),
  fileFeed: async (param) => feedXml(await pageData.fileFeed(param)),
};

let container: Promise<experimental_AstroContainer> | undefined;

/** A forward's page (src/layouts/Forward.astro), rendered as Astro renders it as a page, outside routing. */
async function forwardPage(target: string): Promise<string> {
  container ??= experimental_AstroContainer.create();
  return (await container).renderToString(Forward, { props: { target }, partial: false });
}

/**
 * The route whose pages each kind of placed file is, and what its key is the digest of: its
 * bytes (the search index), its bytes set aside in the cache folder by the route data and linked
 * into place from there (the JSON API), or the data its bytes are made from, which leaves out
 * the code that makes them (`withCode` adds it).
 */
interface PlacedRoute {
  route: RouteName;
  keyedBy: 'bytes' | 'set aside' | 'data';
}

const PLACED_ROUTES: Record<MadeKindName, PlacedRoute> = {
  messageForward: { route: 'messageForwards', keyedBy: 'data' },
  seriesForward: { route: 'seriesForwards', keyedBy: 'data' },
  search: { route: 'searchFiles', keyedBy: 'bytes' },
  api: { route: 'api', keyedBy: 'set aside' },
  threadMbox: { route: 'threadMboxes', keyedBy: 'data' },
  threadMboxGzip: { route: 'threadMboxes', keyedBy: 'data' },
  amSeriesMbox: { route: 'amSeriesMboxes', keyedBy: 'data' },
  plainSeriesMbox: { route: 'plainSeriesMboxes', keyedBy: 'data' },
  archiveFeed: { route: 'archiveFeeds', keyedBy: 'data' },
  seriesFeed: { route: 'seriesFeeds', keyedBy: 'data' },
  fileFeed: { route: 'fileFeeds', keyedBy: 'data' },
};

/**
 * A placed file's key that covers the code making its bytes too (this module's imports, such as
 * src/download/files.ts and src/feed/feed-file.ts, and the package versions: `codeDigest`), as
 * Astro's check of a route's module graph covers a page's: new code writes every such file again.
 */
function withCode(key: string): string {
  return pageKey([codeDigest(), key]);
}

/**
 * The route of a kind of placed file (src/pages/…): its files in `astro dev` and their bytes. A
 * build gets no paths from it, and places the files itself.
 */
export function placedFileRoute(kind: MadeKindName, paramName: string, contentType: string) {
  return {
    getStaticPaths: (async () => (import.meta.env.DEV ? keyedPaths(PLACED_ROUTES[kind].route, paramName) : [])) satisfies GetStaticPaths,
    GET: (async ({ props }) => new Response(await fileContents[kind]((props as { param: string }).param), { headers: { 'Content-Type': contentType } })) satisfies APIRoute,
  };
}

/** What a bucket-page route lays out: the page's data, or the target a numbered page of an earlier build forwards to. */
export type BucketProps<Row> = {
  page?: BucketPageData<Row>;
  forward?: string;
};
