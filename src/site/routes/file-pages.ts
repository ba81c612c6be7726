/**
 * `/f/<path>/` and `/f/<path>/feed.atom`: every series and patch that touches a file, or a file
 * in a folder (src/archive/files.ts), newest activity first, with their state and review, and
 * the Atom feed of those patches (feeds.ts's machinery: each patch mail an entry, the newest
 * 50). A page lists the newest `FILE_PAGE_ROWS` series; its key covers every row it lists, so a
 * new patch rewrites the pages and feeds of the files it touches and of their folders, and a
 * reply the pages where its series is listed (its row shows the reply and the review).
 */
import { fileFeedUrl, type FileEntry, type FileIndex } from '../../archive/files.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import type { FeedData } from '../../feed/feed-file.ts';
import { listingRows } from '../listing.ts';
import { counted } from '../words.ts';
import type { RouteContext } from './context.ts';
import { feed, messageEntry, newest } from './feeds.ts';
import { indexRowView, type IndexRowView } from './list-pages.ts';
import type { StoreDigests } from './message-page.ts';

export const FILE_PAGE_ROWS = 200;

export interface FilePageData {
  path: string;
  /** `File`, `Folder`, or both when mail names the path as both. */
  kind: string;
  /** The folders above it, each linked when it has a page, then its own name. */
  crumbs: { name: string; url: string | null }[];
  feedUrl: string;
  /** `3 series, 7 patches`. */
  summary: string;
  /** `the newest 200 of 312 series`, when the page does not list them all. */
  partial: string | null;
  rows: { row: IndexRowView; patches: { url: string; label: string; path: string | null }[] }[];
}

function crumbs(entry: FileEntry, index: FileIndex, { link }: RouteContext): FilePageData['crumbs'] {
  const segments = entry.path.split('/');
  return segments.map((name, depth) => {
    if (depth === segments.length - 1) return { name, url: null };
    const folder = index.byPath.get(segments.slice(0, depth + 1).join('/'));
    return { name, url: folder ? link(folder.url) : null };
  });
}

/** The page of each file and folder. */
export function filePages(review: ReviewArchive, index: FileIndex, context: RouteContext): { param: string; data: FilePageData }[] {
  return index.entries.map((entry) => {
    const shown = entry.series.slice(0, FILE_PAGE_ROWS);
    const rows = listingRows(shown.map(({ series }) => ({ kind: 'series' as const, series, lastActivity: series.lastActivity })), review);
    const patchCount = entry.series.reduce((sum, { touches }) => sum + new Set(touches.map((touch) => touch.number)).size, 0);
    return {
      param: entry.url.slice('/f/'.length, -1),
      data: {
        path: entry.path,
        kind: entry.file && entry.folder ? 'File and folder' : entry.file ? 'File' : 'Folder',
        crumbs: crumbs(entry, index, context),
        feedUrl: context.link(fileFeedUrl(entry)),
        summary: `${counted(entry.series.length, 'series', 'series')}, ${counted(patchCount, 'patch', 'patches')}`,
        partial: entry.series.length > shown.length ? `the newest ${shown.length} of ${entry.series.length} series` : null,
        rows: rows.map((row, at) => {
          const { series, touches } = shown[at]!;
          return {
            row: indexRowView(row, context),
            patches: touches.map((touch) => ({
              url: context.link(touch.message.url),
              label: `${touch.number}/${series.total}`,
              path: entry.folder && touch.path !== entry.path ? touch.path.slice(entry.path.length + 1) : null,
            })),
          };
        }),
      },
    };
  });
}

/** The feed of each file and folder: the patches touching it. */
export function fileFeedPages(index: FileIndex, digests: StoreDigests, context: RouteContext): { param: string; data: FeedData }[] {
  return index.entries.map((entry) => {
    const messages = new Set(entry.series.flatMap(({ touches }) => touches.map((touch) => touch.message)));
    const entries = newest([...messages].map((message) => messageEntry(message, digests, context)));
    const title = `${context.config.name}: patches to ${entry.path}${entry.folder ? '/' : ''}`;
    return { param: entry.url.slice('/f/'.length, -1), data: feed(fileFeedUrl(entry), entry.url, title, entries, context) };
  });
}
