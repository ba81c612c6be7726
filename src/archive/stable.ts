/**
 * Postings for stable branches (`[PATCH 5.10 012/345]`, `[PATCH AUTOSEL 6.1 …]`, Greg's review
 * series: `ParsedSubject.stable`) are never versions of each other (versions.ts); a patch
 * posted for several branches is linked to its siblings on the other branches instead: the
 * stable postings by the same author, for other branches, that carry a patch of the same
 * title, sent within 60 days of it. Siblings are listed by branch, then oldest first.
 */
import { authorKey } from './author.ts';
import type { MailFacts } from './facts.ts';
import { compareOldestFirst, timeApart } from './order.ts';
import type { Series } from './series.ts';
import { normalizeTitle } from './subject.ts';
import { patchTitle } from './versions.ts';

const SIBLING_WINDOW = 60 * 24 * 60 * 60 * 1000;

/** Compares `5.10` and `5.4` as releases: `5.4` first. */
function compareBranches(a: string, b: string): number {
  const [left, right] = [a.split(/[ .]/).map(Number), b.split(/[ .]/).map(Number)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The siblings of every stable posting that has some, by series id; see the module comment. */
export function stableSiblings(series: readonly Series[], facts: MailFacts): Map<string, Series[]> {
  const byPatch = new Map<string, Series[]>();
  const keysOf = new Map<Series, string[]>();
  for (const one of series) {
    if (one.stable === null) continue;
    const author = authorKey(one.author);
    if (author === null) continue;
    const titles = new Set(one.patches.flatMap((patch) => patchTitle(patch, facts) ?? []).map(normalizeTitle).filter((title) => title !== ''));
    const keys = [...titles].map((title) => `${author}\n${title}`);
    keysOf.set(one, keys);
    for (const key of keys) {
      const known = byPatch.get(key);
      if (known) known.push(one);
      else byPatch.set(key, [one]);
    }
  }
  const siblings = new Map<string, Series[]>();
  for (const [one, keys] of keysOf) {
    const found = new Set<Series>();
    for (const key of keys) {
      for (const other of byPatch.get(key)!) if (other.stable !== one.stable && timeApart(one.firstDate, other.firstDate) <= SIBLING_WINDOW) found.add(other);
    }
    if (found.size === 0) continue;
    siblings.set(
      one.id,
      [...found].sort((a, b) => compareBranches(a.stable!, b.stable!) || compareOldestFirst({ date: a.firstDate, id: a.id }, { date: b.firstDate, id: b.id })),
    );
  }
  return siblings;
}
