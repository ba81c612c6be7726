/**
 * Who touches a file: for every path a patch's own diffs touch (body facts, body.ts `diffPaths`),
 * the patches of series that touch it, newest first; and for every folder above such a path,
 * the same summed over its files. Each path and folder has a page at `/f/<path>/`, each
 * segment of it written as a Message-ID is in a permalink (permalink.ts `messageSlug`: safe
 * characters only, no `.` or `..` segment, no name Windows reserves, one-to-one even on file
 * systems that ignore case, each segment at most 180 characters), so a path from mail never
 * names a file outside `/f/` nor one a static host or Windows refuses.
 *
 * Bounds (paths are untrusted): a path of more than `MAX_PATH_LENGTH` characters or
 * `MAX_PATH_DEPTH` segments, or with an empty, `.` or `..` segment, gets no page; at most
 * `MAX_FILE_PAGES` paths and folders get one, those touched by the most series first.
 */
import type { ArchivedMessage } from './group.ts';
import { compareNewestFirst } from './order.ts';
import { messageSlug } from './permalink.ts';
import type { Series } from './series.ts';

export const MAX_PATH_LENGTH = 400;
export const MAX_PATH_DEPTH = 24;
export const MAX_FILE_PAGES = 20_000;

/** One patch touching a file (or, for a folder, a file in it). */
export interface FileTouch {
  series: Series;
  number: number;
  message: ArchivedMessage;
  /** The file it touches (for a folder: which of its files). */
  path: string;
}

export interface FileEntry {
  /** The path as the diffs name it, or the folder's (no trailing `/`). */
  path: string;
  /** Whether a diff names this path itself (a file), and whether paths under it exist (a folder); mail may make both true. */
  file: boolean;
  folder: boolean;
  /** `/f/<encoded path>/`. */
  url: string;
  /** Series touching it, newest activity first, with their patches that do, in order. */
  series: { series: Series; touches: FileTouch[] }[];
}

export interface FileIndex {
  /** Every path and folder with a page, by path order. */
  entries: FileEntry[];
  byPath: Map<string, FileEntry>;
}

/** The segments of a path from mail that may have a page, or null. */
export function pathSegments(path: string): string[] | null {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return null;
  const segments = path.split('/');
  if (segments.length > MAX_PATH_DEPTH || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return segments;
}

/** The site path of a file's or folder's page. */
export function filePageUrl(segments: readonly string[]): string {
  return `/f/${segments.map(messageSlug).join('/')}/`;
}

/** The site path of a file's or folder's feed: its page's folder, `feed.atom`. */
export function fileFeedUrl(entry: Pick<FileEntry, 'url'>): string {
  return `${entry.url}feed.atom`;
}

/** Every file and folder the archive's patches touch; see the module comment. */
export function fileIndex(series: readonly Series[]): FileIndex {
  const touched = new Map<string, { file: boolean; folder: boolean; touches: FileTouch[] }>();
  const add = (path: string, kind: 'file' | 'folder', touch: FileTouch) => {
    let entry = touched.get(path);
    if (!entry) touched.set(path, (entry = { file: false, folder: false, touches: [] }));
    entry[kind] = true;
    entry.touches.push(touch);
  };
  for (const one of series) {
    for (const patch of one.patches) {
      const message = patch.node?.message;
      if (!message) continue;
      for (const path of message.mail.facts.files ?? []) {
        const segments = pathSegments(path);
        if (!segments) continue;
        const touch = { series: one, number: patch.number, message, path };
        add(path, 'file', touch);
        for (let depth = 1; depth < segments.length; depth++) add(segments.slice(0, depth).join('/'), 'folder', touch);
      }
    }
  }
  const bySeries = (touches: FileTouch[]) => {
    const grouped = new Map<Series, FileTouch[]>();
    for (const touch of touches) {
      const list = grouped.get(touch.series);
      if (list) {
        if (!list.some((known) => known.number === touch.number && known.path === touch.path)) list.push(touch);
      } else grouped.set(touch.series, [touch]);
    }
    return [...grouped]
      .map(([one, list]) => ({ series: one, touches: list.sort((a, b) => a.number - b.number || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) }))
      .sort((a, b) => compareNewestFirst({ date: a.series.lastActivity, id: a.series.id }, { date: b.series.lastActivity, id: b.series.id }));
  };
  const all = [...touched].map(([path, entry]) => ({ path, file: entry.file, folder: entry.folder, url: filePageUrl(path.split('/')), series: bySeries(entry.touches) }));
  // The most touched first when there are too many; then in path order, which adding mail never reshuffles.
  const kept =
    all.length <= MAX_FILE_PAGES
      ? all
      : all.sort((a, b) => b.series.length - a.series.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, MAX_FILE_PAGES);
  const entries = kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, byPath: new Map(entries.map((entry) => [entry.path, entry])) };
}
