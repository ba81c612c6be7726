/**
 * The pages that read a series whole (`/s/<slug>/read/`, `/s/<slug>/read/2/` …), kept the way a
 * thread's pages are (thread-pages.ts): a rebuild keeps their keys when the series' digest is one
 * the last build saw, and makes their data only if Astro renders one of them. The digest covers
 * the series' reading items (reading-page.ts `seriesReadingParts`) and the digests of the threads
 * they are in, which cover every message shown there as its own page shows it.
 */
import type { Series } from '../../archive/series.ts';
import type { Thread, ThreadNode } from '../../archive/thread.ts';
import { framed, keptPages, keyed, pageKey, readingPageKey, type RoutePage } from './keys.ts';
import { seriesReading, seriesReadingAnchors, seriesReadingParts, type ReadingInputs, type ReadingPageData } from './reading-page.ts';

/** What the next build needs to keep a series' reading pages: each page's parameter and key, in order. */
export type SeriesReadingKeys = [param: string, key: string][];

export interface SeriesReadingPages {
  pages: RoutePage<ReadingPageData>[];
  /** Where each message is on them. */
  anchors: ReadonlyMap<ThreadNode, string>;
}

/** The digest of what a series' reading pages are made from, besides the code and the configuration; `threadDigest` gives a thread's (thread-pages.ts). */
export function seriesReadingDigest(series: Series, threadDigest: (thread: Thread) => string): string {
  const { items, threads } = seriesReadingParts(series);
  return pageKey([series.slug, series.url, series.title, series.version, series.total, items, threads.map(threadDigest)]);
}

/** A series' reading pages, their data and keys. */
export function seriesReadingPages(series: Series, inputs: ReadingInputs): SeriesReadingPages {
  const { pages, anchors } = seriesReading(series, inputs);
  const { name } = inputs.context.config;
  return { pages: pages.map(([param, data]) => framed(name, keyed(param, data, readingPageKey(data)))), anchors };
}

/** A series' reading pages under the keys of the last build, their data made the first time one is read (keys.ts `keptPages`). */
export function keptSeriesReadingPages(series: Series, kept: SeriesReadingKeys, inputs: ReadingInputs, verify = false): SeriesReadingPages {
  let made: SeriesReadingPages | undefined;
  const make = () => (made ??= seriesReadingPages(series, inputs));
  let anchors: ReadonlyMap<ThreadNode, string> | undefined;
  return {
    pages: keptPages(kept, () => make().pages, verify, `series <${series.id}> read whole`),
    // The series page links to the anchors; finding them takes the split of the reading, not its pages.
    get anchors() {
      return (anchors ??= made?.anchors ?? seriesReadingAnchors(series, inputs));
    },
  };
}
