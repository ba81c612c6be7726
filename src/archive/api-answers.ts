/**
 * The parts of the data contract that answer review questions (docs/api-series.md): where a
 * series stands (`state`), what changed from its previous version (`changes`), and the files the
 * archive's patches touch (`files.json`). api.ts puts them into `series.json`.
 */
import type { Address } from '../parse/types.ts';
import type { ApiView } from './api.ts';
import { interdiffUrl, versionComparison } from './changes.ts';
import { fileFeedUrl, type FileIndex } from './files.ts';
import type { ReviewArchive } from './index.ts';
import type { Series } from './series.ts';
import type { SeriesStateName } from './state.ts';

export interface SeriesStateApi {
  name: SeriesStateName;
  /** Who applied it, where, and the page of the mail saying so: the oldest such mail's; null when not applied or not said. */
  appliedBy: Address | null;
  appliedTo: string | null;
  appliedIn: string | null;
  /** Every mail saying some of it was applied, oldest first. */
  applied: { by: Address; to: string | null; message: string | null; patches: number[]; commits: string[] }[];
  /** The next version's series id, when there is one. */
  supersededBy: string | null;
  nackedBy: Address[];
  /** Archived patches without a Reviewed-by or an Acked-by. */
  unreviewed: number[];
}

export interface SeriesChangeApi {
  /** The patch's number in this version (in the previous one for a dropped patch). */
  number: number;
  /** `unknown`: its counterpart is missing from the archive (a partial re-roll). */
  status: 'changed' | 'unchanged' | 'added' | 'dropped' | 'unknown';
  /** The page section of its interdiff, for a changed patch; else null. */
  interdiff: string | null;
}

export function stateEntry(series: Series, review: ReviewArchive, view: ApiView): SeriesStateApi {
  const state = review.states.get(series.id);
  const applied = (state?.applied ?? []).map((one) => {
    const message = review.archive.byId.get(one.messageId);
    return { by: view.addresses.person(one.by), to: one.to, message: message ? view.link(message.url) : null, patches: one.patches, commits: one.commits };
  });
  return {
    name: state?.name ?? 'waiting',
    appliedBy: applied[0]?.by ?? null,
    appliedTo: applied[0]?.to ?? null,
    appliedIn: applied[0]?.message ?? null,
    applied,
    supersededBy: state?.supersededBy?.id ?? null,
    nackedBy: (state?.nackedBy ?? []).map(view.addresses.person),
    unreviewed: state?.unreviewed ?? [],
  };
}

export function changesEntry(series: Series, review: ReviewArchive, view: ApiView): SeriesChangeApi[] | null {
  const previous = review.versions.get(series.id)?.previous;
  if (!previous) return null;
  return versionComparison(previous, series, review.facts).map((comparison) => {
    const url = interdiffUrl(series, comparison);
    return {
      number: (comparison.newer ?? comparison.older)!.number,
      status: comparison.change === 'new' ? 'added' : comparison.change,
      interdiff: url === null ? null : view.link(url),
    };
  });
}

/** One file or folder the archive's patches touch (files.ts). */
export interface FileApiEntry {
  path: string;
  /** Whether a diff names the path itself, and whether paths under it exist. */
  file: boolean;
  folder: boolean;
  /** Site paths of its page and its Atom feed. */
  url: string;
  feed: string;
  /** Ids of the series touching it, newest activity first. */
  series: string[];
}

/** `files.json`: every file and folder with a page, in path order. */
export function filesApi(files: FileIndex, view: Pick<ApiView, 'link'>): FileApiEntry[] {
  return files.entries.map((entry) => ({
    path: entry.path,
    file: entry.file,
    folder: entry.folder,
    url: view.link(entry.url),
    feed: view.link(fileFeedUrl(entry)),
    series: entry.series.map(({ series }) => series.id),
  }));
}
