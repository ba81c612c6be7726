/**
 * How a series' state (src/archive/state.ts) reads on its page, in list rows and on the
 * state pages: its name and label, and a few notes saying who applied it where (linking the
 * mail that says so), which version supersedes it, who NAKed it, and which patches wait for
 * a Reviewed-by or Acked-by. Plain data, made in the route data with the site's links and
 * address policy.
 */
import type { ReviewArchive } from '../archive/index.ts';
import type { Series } from '../archive/series.ts';
import { SERIES_STATES, type SeriesState, type SeriesStateName } from '../archive/state.ts';
import type { RouteContext } from './routes/context.ts';
import { scopeLabel } from './series-view.ts';
import { seriesName } from './words.ts';

export interface StateBadge {
  name: SeriesStateName;
  label: string;
}

export interface StateView extends StateBadge {
  notes: { text: string; url: string | null }[];
}

const LABELS = new Map(SERIES_STATES.map(({ name, label }) => [name, label]));

export function stateLabel(name: SeriesStateName): string {
  return LABELS.get(name)!;
}

/** The state of a series, for a list row. */
export function stateBadge(series: Series, review: ReviewArchive): StateBadge {
  const name = review.states.get(series.id)?.name ?? 'waiting';
  return { name, label: stateLabel(name) };
}

function notes(series: Series, state: SeriesState, review: ReviewArchive, { link, addresses }: RouteContext): StateView['notes'] {
  const scope = (patches: number[]) => (patches.length > 0 && patches.length < series.patches.length ? `, ${scopeLabel({ wholeSeries: false, patches }, series.total)}` : '');
  const found: StateView['notes'] = state.applied.map((applied) => {
    const message = review.archive.byId.get(applied.messageId);
    const commits = applied.commits.length > 0 ? ` (${applied.commits.map((commit) => commit.slice(0, 12)).join(', ')})` : '';
    return { text: `applied by ${addresses.name(applied.by)}${applied.to ? ` to ${applied.to}` : ''}${scope(applied.patches)}${commits}`, url: message ? link(message.url) : null };
  });
  if (state.supersededBy) found.push({ text: `superseded by ${seriesName(state.supersededBy.title || '(no title)', state.supersededBy.version)}`, url: link(state.supersededBy.url) });
  if (state.nackedBy.length > 0) found.push({ text: `NAKed by ${state.nackedBy.map((person) => addresses.name(person)).join(', ')}`, url: null });
  if (state.unreviewed.length > 0 && state.name !== 'applied' && state.name !== 'superseded') {
    found.push({ text: `no Reviewed-by or Acked-by on ${scopeLabel({ wholeSeries: false, patches: state.unreviewed }, series.total)}`, url: null });
  }
  return found;
}

/** The state of a series as its page shows it. */
export function stateView(series: Series, review: ReviewArchive, context: RouteContext): StateView {
  const state = review.states.get(series.id);
  if (!state) return { name: 'waiting', label: stateLabel('waiting'), notes: [] };
  return { name: state.name, label: stateLabel(state.name), notes: notes(series, state, review, context) };
}
