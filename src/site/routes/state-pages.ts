/**
 * `/state/<name>/`: the index filtered by where series stand (src/archive/state.ts), newest
 * activity first: applied, superseded, NAKed, changes requested, reviewed, waiting for review.
 * Each page lists the newest `STATE_PAGE_ROWS` of its series (and says how many there are), so a
 * series changing state rewrites the pages of the states it leaves and enters and, through the
 * counts every page shows, the others' small headers too.
 */
import type { ReviewArchive } from '../../archive/index.ts';
import { SERIES_STATES, type SeriesStateName } from '../../archive/state.ts';
import { listingRows } from '../listing.ts';
import { counted } from '../words.ts';
import type { RouteContext } from './context.ts';
import { indexRowView, type IndexRowView } from './list-pages.ts';

/** Series listed per state page at most, the newest activity first. */
export const STATE_PAGE_ROWS = 200;

export interface StateFilter {
  name: SeriesStateName;
  label: string;
  url: string;
  count: number;
}

export interface StatePageData {
  name: SeriesStateName;
  label: string;
  heading: string;
  /** `the newest 200 of 1,234`, when the page does not list them all. */
  partial: string | null;
  rows: IndexRowView[];
  /** Every state, with its page and count: the filters. */
  filters: StateFilter[];
}

export function statePath(name: SeriesStateName): string {
  return `/state/${name}/`;
}

/** Every state's count and page, for the index and the state pages. */
export function stateFilters(review: ReviewArchive, { link }: RouteContext): StateFilter[] {
  const counts = new Map<SeriesStateName, number>();
  for (const state of review.states.values()) counts.set(state.name, (counts.get(state.name) ?? 0) + 1);
  return SERIES_STATES.map(({ name, label }) => ({ name, label, url: link(statePath(name)), count: counts.get(name) ?? 0 }));
}

/** The page of each state. */
export function statePages(review: ReviewArchive, context: RouteContext): { name: SeriesStateName; data: StatePageData }[] {
  const filters = stateFilters(review, context);
  return SERIES_STATES.map(({ name, label }) => {
    const series = review.series.filter((one) => review.states.get(one.id)?.name === name);
    const shown = series.slice(0, STATE_PAGE_ROWS);
    const rows = listingRows(shown.map((one) => ({ kind: 'series' as const, series: one, lastActivity: one.lastActivity })), review).map((row) => indexRowView(row, context));
    return {
      name,
      data: {
        name,
        label,
        heading: `Series by state: ${label} (${counted(series.length, 'series', 'series')}), newest activity first`,
        partial: series.length > shown.length ? `the newest ${shown.length} of ${series.length}` : null,
        rows,
        filters,
      },
    };
  });
}
