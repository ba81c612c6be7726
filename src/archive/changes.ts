/**
 * What changed between two consecutive versions of a series, patch by patch (versions.ts
 * `compareVersions`), made once per build per pair of versions: the series page of each
 * version, the interdiff page of the newer one and the API all read the same comparison.
 * An interdiff page (`/s/<newer slug>/interdiff/`) is made for every pair in which some patch
 * changed, with a section per changed patch (`#p<number>`, its number in the newer version).
 */
import type { MailFacts } from './facts.ts';
import type { Series } from './series.ts';
import { compareVersions, type PatchComparison } from './versions.ts';

const comparisons = new WeakMap<Series, Map<Series, PatchComparison[]>>();

/** The comparison of `older` with `newer`, made on first use. */
export function versionComparison(older: Series, newer: Series, facts: MailFacts): PatchComparison[] {
  let byNewer = comparisons.get(older);
  if (!byNewer) comparisons.set(older, (byNewer = new Map()));
  let patches = byNewer.get(newer);
  if (!patches) byNewer.set(newer, (patches = compareVersions(older, newer, facts)));
  return patches;
}

/** The page of the interdiffs from a series' previous version to it. */
export function interdiffPageUrl(newer: Series): string {
  return `/s/${newer.slug}/interdiff/`;
}

/** Where a changed patch's interdiff is: its section of the newer version's interdiff page; null for a patch that did not change. */
export function interdiffUrl(newer: Series, comparison: PatchComparison): string | null {
  return comparison.change === 'changed' && comparison.newer ? `${interdiffPageUrl(newer)}#p${comparison.newer.number}` : null;
}

/** Whether the pair has an interdiff page: some patch changed. */
export function hasInterdiffs(comparison: readonly PatchComparison[]): boolean {
  return comparison.some((patch) => patch.change === 'changed' && patch.newer && patch.older);
}
