/**
 * Which threads and series are read whole on a page of their own, and where: the pages are
 * made by src/site/routes/reading-page.ts; the index, the lists and search link to them.
 */
import { messageSlug } from './permalink.ts';
import type { Series } from './series.ts';
import type { Thread } from './thread.ts';

/** A thread is read on a page of its own when it holds more than one archived message. */
export function hasThreadReading(thread: Thread): boolean {
  return thread.size > 1;
}

/** `/t/<root slug>/`. */
export function threadReadingUrl(thread: Thread): string {
  return `/t/${messageSlug(thread.id)}/`;
}

/** A series is read whole when its cover letter or one of its patches is archived. */
export function hasSeriesReading(series: Series): boolean {
  return [series.cover, ...series.patches].some((slot) => slot?.node?.message);
}

/** `/s/<slug>/read/`. */
export function seriesReadingUrl(series: Series): string {
  return `${series.url}read/`;
}
