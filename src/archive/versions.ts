/**
 * Versions of one series (v1 → v2 → v3), whether each was sent as a new thread or in
 * reply to the one before. A series' previous version is an earlier series with a lower
 * version (or the same version, when it is a resend of the same title) for which one of
 * these holds:
 *
 * - they share a Change-Id (b4's `change-id:` in the cover letter, Gerrit's in a patch);
 * - it was sent in reply into the earlier series' thread by the same author;
 * - same author, and the titles match (similarity at least 0.8, so small rewordings
 *   pass), or at least half of the patch titles of the smaller series are in the other.
 *
 * Among several, the one with the strongest evidence (Change-Id or thread, then titles),
 * then the highest version, then the newest wins. Versions that never reached the archive
 * are simply skipped: v21 links straight to v25. Each series has at most one next version.
 *
 * Two versions are compared patch by patch: patches are paired by title (exact, then the
 * most similar at 0.8 or more), and their diffs compared without `index` lines and hunk
 * offsets, which a rebase changes.
 */
import type { MailFacts } from './facts.ts';
import { compareOldestFirst } from './order.ts';
import { samePerson } from './person.ts';
import type { Series, SeriesIndex, SeriesPatch } from './series.ts';
import { normalizeTitle, parseSubject, titleSimilarity } from './subject.ts';
import { ancestorsOf, type ThreadNode } from './thread.ts';

const SIMILAR_TITLES = 0.8;

export interface SeriesVersions {
  previous: Series | null;
  next: Series | null;
  /** Every version, oldest first, this one included. */
  all: Series[];
}

function members(series: Series): ThreadNode[] {
  return [series.cover, ...series.patches].flatMap((patch) => (patch?.node ? [patch.node] : []));
}

/** The title a patch is sent under, or null when nothing is known of it. */
export function patchTitle(patch: SeriesPatch, facts: MailFacts): string | null {
  const { node } = patch;
  if (node?.message) return facts.subjectOf(node.message).title;
  return node?.inferred ? parseSubject(node.inferred.subject).title : null;
}

interface Profile {
  series: Series;
  title: string;
  patchTitles: Set<string>;
  changeIds: Set<string>;
  /** Series whose threads this one was sent into. */
  repliesInto: Set<Series>;
}

function profile(series: Series, index: SeriesIndex, facts: MailFacts): Profile {
  const nodes = members(series);
  const repliesInto = new Set<Series>();
  for (const node of nodes) {
    for (const ancestor of ancestorsOf(node)) {
      const owner = index.byMember.get(ancestor);
      if (owner && owner !== series) repliesInto.add(owner);
    }
  }
  const titles = series.patches.map((patch) => patchTitle(patch, facts)).filter((title) => title !== null);
  return {
    series,
    title: normalizeTitle(series.title),
    patchTitles: new Set(titles.map(normalizeTitle)),
    changeIds: new Set(nodes.flatMap((node) => (node.message ? facts.bodyFactsOf(node.message).changeIds : []))),
    repliesInto,
  };
}

/** How strongly `later` is a next version of `earlier`: 2 by Change-Id or thread, 1 by author and titles, 0 not at all. */
function evidence(earlier: Profile, later: Profile): number {
  const { series: before } = earlier;
  const { series: after } = later;
  const sameAuthor = before.author.email + before.author.name !== '' && samePerson(before.author, after.author);
  const versionOrder = before.version < after.version || (before.version === after.version && earlier.title === later.title);
  if (!versionOrder) return 0;
  if ([...later.changeIds].some((id) => earlier.changeIds.has(id))) return 2;
  if (!sameAuthor) return 0;
  if (later.repliesInto.has(before)) return 2;
  if (titleSimilarity(earlier.title, later.title) >= SIMILAR_TITLES) return 1;
  const [fewer, more] = earlier.patchTitles.size <= later.patchTitles.size ? [earlier.patchTitles, later.patchTitles] : [later.patchTitles, earlier.patchTitles];
  const shared = [...fewer].filter((title) => more.has(title)).length;
  return fewer.size > 0 && shared * 2 >= fewer.size ? 1 : 0;
}

function bucketKeys(profile: Profile): string[] {
  const { email, name } = profile.series.author;
  return [...(email ? [`@${email.toLowerCase()}`] : []), ...(name ? [`n${normalizeTitle(name)}`] : []), ...[...profile.changeIds].map((id) => `c${id}`)];
}

/** Links every series to its previous and next version; see the module comment. */
export function linkVersions(index: SeriesIndex, facts: MailFacts): Map<string, SeriesVersions> {
  const byDate = [...index.series].sort((a, b) => compareOldestFirst({ date: a.firstDate, id: a.id }, { date: b.firstDate, id: b.id }));
  const previous = new Map<Series, Series>();
  const next = new Map<Series, Series>();
  const buckets = new Map<string, Profile[]>();
  const profiles = new Map<Series, Profile>();
  const profileOf = (series: Series): Profile => {
    let known = profiles.get(series);
    if (!known) profiles.set(series, (known = profile(series, index, facts)));
    return known;
  };
  const link = (series: Series) => {
    const later = profileOf(series);
    const keys = bucketKeys(later);
    const candidates = new Set([...keys.flatMap((key) => buckets.get(key) ?? []), ...[...later.repliesInto].map(profileOf)]);
    let best: { profile: Profile; score: number } | null = null;
    for (const earlier of candidates) {
      if (next.has(earlier.series) || earlier.series === series) continue;
      const score = evidence(earlier, later);
      if (score === 0) continue;
      const better =
        !best ||
        score > best.score ||
        (score === best.score && earlier.series.version > best.profile.series.version) ||
        (score === best.score && earlier.series.version === best.profile.series.version && (earlier.series.firstDate ?? '') > (best.profile.series.firstDate ?? ''));
      if (better) best = { profile: earlier, score };
    }
    if (best) {
      previous.set(series, best.profile.series);
      next.set(best.profile.series, series);
    }
    for (const key of keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(later);
      else buckets.set(key, [later]);
    }
  };
  // A series that cannot be compared simply gets no versions.
  for (const series of byDate) facts.log.guard(series.id, 'versions not linked', () => link(series), undefined);
  const versions = new Map<string, SeriesVersions>();
  for (const series of index.series) {
    if (versions.has(series.id)) continue;
    let first = series;
    for (let before = previous.get(first); before; before = previous.get(first)) first = before;
    const all: Series[] = [];
    for (let version: Series | undefined = first; version; version = next.get(version)) all.push(version);
    for (const version of all) versions.set(version.id, { previous: previous.get(version) ?? null, next: next.get(version) ?? null, all });
  }
  return versions;
}

export type PatchChange = 'unchanged' | 'changed' | 'new' | 'dropped' | 'unknown';

export interface PatchComparison {
  /** `unknown`: the patch is in both versions but one of them is not in the archive. */
  change: PatchChange;
  older: SeriesPatch | null;
  newer: SeriesPatch | null;
  title: string;
}

interface Titled {
  patch: SeriesPatch;
  title: string;
}

/** Pairs patches of two versions by title: exact matches first, then the most similar. */
function pairByTitle(older: Titled[], newer: Titled[]): Map<Titled, Titled> {
  const pairs = new Map<Titled, Titled>();
  const free = new Set(older);
  for (const patch of newer) {
    const same = [...free].find((candidate) => normalizeTitle(candidate.title) === normalizeTitle(patch.title));
    if (same) {
      pairs.set(patch, same);
      free.delete(same);
    }
  }
  for (const patch of newer) {
    if (pairs.has(patch)) continue;
    let best: { candidate: Titled; score: number } | null = null;
    for (const candidate of free) {
      const score = titleSimilarity(candidate.title, patch.title);
      if (score >= SIMILAR_TITLES && (!best || score > best.score)) best = { candidate, score };
    }
    if (best) {
      pairs.set(patch, best.candidate);
      free.delete(best.candidate);
    }
  }
  return pairs;
}

function diffOf(patch: SeriesPatch, facts: MailFacts): string | null {
  const message = patch.node?.message;
  return message ? facts.bodyFactsOf(message).diffDigest : null;
}

/**
 * Compares two versions of a series patch by patch: `unchanged` and `changed` by their
 * diffs, `new` and `dropped` for patches in only one of them, `unknown` when a patch's
 * counterpart cannot be read (its number is missing from the archive). In the newer
 * version's order, dropped patches last.
 */
export function compareVersions(older: Series, newer: Series, facts: MailFacts): PatchComparison[] {
  const titled = (series: Series) =>
    series.patches.flatMap((patch) => {
      const title = patchTitle(patch, facts);
      return title === null ? [] : [{ patch, title }];
    });
  const [olderPatches, newerPatches] = [titled(older), titled(newer)];
  const pairs = pairByTitle(olderPatches, newerPatches);
  const paired = new Set(pairs.values());
  const isMissing = (series: Series, number: number) => series.patches[number - 1]?.node === null;
  const comparisons: PatchComparison[] = newerPatches.map((patch) => {
    const match = pairs.get(patch);
    if (!match) {
      const change = isMissing(older, patch.patch.number) ? 'unknown' : 'new';
      return { change, older: null, newer: patch.patch, title: patch.title };
    }
    const [before, after] = [diffOf(match.patch, facts), diffOf(patch.patch, facts)];
    const change = before === null || after === null ? 'unknown' : before === after ? 'unchanged' : 'changed';
    return { change, older: match.patch, newer: patch.patch, title: patch.title };
  });
  for (const patch of olderPatches) {
    if (paired.has(patch)) continue;
    const change = isMissing(newer, patch.patch.number) ? 'unknown' : 'dropped';
    comparisons.push({ change, older: patch.patch, newer: null, title: patch.title });
  }
  return comparisons;
}
