/**
 * Versions of one series (v1 → v2 → v3), whether each was sent as a new thread or in
 * reply to the one before. A series' previous version is an earlier posting of the same
 * work:
 *
 * - **same work**: they share a Change-Id (b4's `change-id:` in the cover letter, Gerrit's in
 *   a patch), or the later one's text names a message of the earlier one as that very version
 *   (a changelog's `- Link to v2: https://lore.kernel.org/r/<id>`, `v2: <id>`; body.ts
 *   `namedMessages`), whoever sent them. Or another author sends a higher version under the
 *   very same title, with at least half the patch titles of the smaller series in the other (a
 *   series taken over by a colleague). Otherwise the same author (a relayed patch's real
 *   author, author.ts; looked for by address, name and title, so that one person under two
 *   addresses and names in another order is found) and one of: it was sent in reply into the
 *   earlier series' thread; the titles match (similarity at least 0.8) beyond the subsystem
 *   and driver prefix (`leds: is31fl319x:` and `leds: is31fl32xx:` name two drivers, so their
 *   prefixes must agree, and titles that both name parts, `bd71828` and `bd72720`, must share
 *   one); at least half of the patch titles of the smaller series are in the other; they
 *   change a file of the same name (Kconfig, Makefile, MAINTAINERS and documentation indexes
 *   aside) under a title reworded rather than replaced (similarity 0.5 beyond the prefix); or,
 *   weakest, their prose is alike: the words of their cover letters and commit messages (above
 *   `---`, so no notes or company footers), as sketches of word 3-shingles (sketch.ts),
 *   resemble at 0.2 or more, neither has fewer than 12 shingles (a one-line message a treewide
 *   series repeats) and their titles name no parts that differ. Two series whose diffs are both
 *   known and change no file of the same name are not one work, unless a Change-Id, the
 *   thread, the very same title (a file renamed) or their prose (a driver deleted in v1,
 *   marked broken in v2) says so.
 * - **increasing version**: a higher version; or the same version when the later one is a
 *   RESEND of its patches (the same title; patch titles all among the earlier's: those not
 *   applied yet, under a reworded cover; or, by the same author, a title that matches or prose
 *   alike, as above: a subject retouched), drops the RFC of the same patches, or has the very
 *   title and came more than 12 hours later (a resend sent without the tag). A RESEND keeps
 *   the version its subject names and links to what it resends, even when its subject names no
 *   version and what it resends is a v2 (`[PATCH RESEND]`; then only with the same title or
 *   patch titles).
 * - **not one posting**: pieces of one `git send-email` or b4 run (Message-IDs that differ
 *   only in the patch counter: `…6819-1-…` and `…6819-2-…`) and copies of one version sent
 *   again within 12 hours are never versions of each other.
 * - **not stable backports**: postings for stable branches (`[PATCH 5.10 …]`, AUTOSEL, review
 *   series: `ParsedSubject.stable`) link only to a posting for the same branches; a patch
 *   posted for several branches is linked to its siblings instead (stable.ts).
 *
 * Among several, the one with the strongest evidence (Change-Id or a named version, then
 * thread, then titles or files, then prose), then the highest version, then the newest wins.
 * A version already followed by a piece without a cover letter under another title (one patch
 * of the next version sent alone first) gives way to a later series of its very title or its
 * very patch titles, and one followed by prose alone gives way to a later series of stronger
 * evidence. Versions that never reached the archive are simply skipped: v21 links straight to
 * v25. Each series has at most one next version.
 *
 * Two versions are compared patch by patch: patches are paired by title (exact, then the
 * most similar at 0.8 or more), and their diffs compared without `index` lines and hunk
 * offsets, which a rebase changes.
 */
import type { MailFacts } from './facts.ts';
import { compareOldestFirst, timeApart } from './order.ts';
import { samePerson } from './person.ts';
import type { Series, SeriesIndex, SeriesPatch } from './series.ts';
import { mergeSketches, resemblance } from './sketch.ts';
import { normalizeTitle, parseSubject, shapeSimilarity, splitTitlePrefix, titleShape, titleSimilarity, type TitleShape } from './subject.ts';
import { ancestorsOf, type ThreadNode } from './thread.ts';

const SIMILAR_TITLES = 0.8;
/** How alike the prose of two series (cover letters and commit messages: the estimated resemblance of their word 3-shingles) must be to be one work under a reworded title. */
const SIMILAR_PROSE = 0.2;
/** Prose of fewer shingles than this (a one-line commit message a treewide series repeats) tells nothing. */
const PROSE_SAMPLES = 12;
const SAME_POSTING_WINDOW = 12 * 60 * 60 * 1000;

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

/**
 * What one `git send-email` or b4 run gives all its mails' Message-IDs: the id without its
 * patch counter (`20241106061812.6819-2-a@b` → `20241106061812.6819-a@b`;
 * `20240624-sy7802-v5-2-7abc9d96bfa6@x` → `20240624-sy7802-v5-7abc9d96bfa6@x`); null for ids
 * of other shapes.
 */
export function postingKey(id: string): string | null {
  const sendEmail = /^(\d{14}\.\d{1,10})-\d{1,5}-([^@\s]{1,200}@[^\s]{1,200})$/.exec(id);
  if (sendEmail) return `${sendEmail[1]}-${sendEmail[2]}`;
  const b4 = /^(\d{8}-[^@\s]{1,200})-\d{1,5}-([0-9a-f]{12}@[^\s]{1,200})$/.exec(id);
  return b4 ? `${b4[1]}-${b4[2]}` : null;
}

/** File names that many unrelated patches change, which say nothing of what work a series is. */
const COMMON_FILES = new Set(['kconfig', 'makefile', 'maintainers', 'index.rst', 'leds.rst', 'kconfig.debug']);

function fileNames(paths: readonly string[]): string[] {
  return paths.map((path) => path.slice(path.lastIndexOf('/') + 1).toLowerCase());
}

interface Profile {
  series: Series;
  title: string;
  /** The title's subsystem and driver prefix (`leds is31fl319x`), normalised. */
  prefix: string;
  /** The title and the rest of it beyond the prefix (normalised) as `titleSimilarity` compares them, and the parts the title names (`partNames`): each series is compared with many. */
  titleShape: TitleShape;
  topicShape: TitleShape;
  parts: Set<string>;
  patchTitles: Set<string>;
  changeIds: Set<string>;
  /** Names of the files its patches change; `allFiles` with the common ones, `files` without. */
  allFiles: Set<string>;
  files: Set<string>;
  postings: Set<string>;
  rfc: boolean;
  resend: boolean;
  /** Series whose threads this one was sent into. */
  repliesInto: Set<Series>;
  /** Earlier series its text names as a version: a link labelled with that series' very version (`Link to v1: <a message of v1>`). */
  namedVersions: Set<Series>;
  /** The sketch of its mails' prose together (sketch.ts). */
  prose: number[];
}

function profile(series: Series, index: SeriesIndex, facts: MailFacts, memberById: ReadonlyMap<string, Series>): Profile {
  const nodes = members(series);
  const repliesInto = new Set<Series>();
  const namedVersions = new Set<Series>();
  for (const node of nodes) {
    for (const ancestor of ancestorsOf(node)) {
      const owner = index.byMember.get(ancestor);
      if (owner && owner !== series) repliesInto.add(owner);
    }
    for (const { id, version } of node.message ? facts.bodyFactsOf(node.message).namedMessages : []) {
      const owner = memberById.get(id);
      if (owner && owner !== series && version === owner.version) namedVersions.add(owner);
    }
  }
  const titles = series.patches.map((patch) => patchTitle(patch, facts)).filter((title) => title !== null);
  const allFiles = new Set(nodes.flatMap((node) => (node.message ? fileNames(facts.bodyFactsOf(node.message).files) : [])));
  const { prefix, topic } = splitTitlePrefix(series.title);
  const tags = new Set(series.tags.map((tag) => tag.toUpperCase()));
  const title = normalizeTitle(series.title);
  return {
    series,
    title,
    prefix: normalizeTitle(prefix),
    titleShape: titleShape(title),
    topicShape: titleShape(normalizeTitle(topic)),
    parts: partNames(title),
    patchTitles: new Set(titles.map(normalizeTitle)),
    changeIds: new Set(nodes.flatMap((node) => (node.message ? facts.bodyFactsOf(node.message).changeIds : []))),
    allFiles,
    files: new Set([...allFiles].filter((name) => !COMMON_FILES.has(name))),
    postings: new Set(nodes.flatMap((node) => postingKey(node.id) ?? [])),
    rfc: tags.has('RFC'),
    resend: tags.has('RESEND'),
    repliesInto,
    namedVersions,
    prose: mergeSketches(nodes.flatMap((node) => (node.message ? [facts.bodyFactsOf(node.message).proseSketch] : []))),
  };
}

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((item) => b.has(item));

/** Whether two series carry the same patches as far as titles tell: the same title, or the same patch titles. */
function sameContent(earlier: Profile, later: Profile): boolean {
  if (earlier.title === later.title) return true;
  const [a, b] = [earlier.patchTitles, later.patchTitles];
  return a.size > 0 && a.size === b.size && [...a].every((title) => b.has(title));
}

/**
 * Whether `later` sends patches of `earlier` again: the same title, patch titles all among the
 * earlier's (those not applied yet), or a title reworded but matching (`titlesMatch`) or
 * prose alike (`alike`): a RESEND months later under a retouched subject.
 */
function resent(earlier: Profile, later: Profile): boolean {
  if (earlier.title === later.title) return true;
  const [a, b] = [earlier.patchTitles, later.patchTitles];
  if (b.size > 0 && [...b].every((title) => a.has(title))) return true;
  return samePerson(earlier.series.author, later.series.author) && (titlesMatch(earlier, later) || alike(earlier, later));
}

/** Whether `later` can follow `earlier` as a version: see "increasing version" and "not one posting" in the module comment. */
function follows(earlier: Profile, later: Profile): boolean {
  const { series: before } = earlier;
  const { series: after } = later;
  if (shares(earlier.postings, later.postings)) return false;
  if (before.stable !== after.stable) return false;
  if (after.version > before.version) return true;
  // A RESEND is the same patches again: of its own version, or of a higher one its subject leaves out.
  if (later.resend) return after.version === before.version ? resent(earlier, later) : after.version === 1 && sameContent(earlier, later);
  if (after.version < before.version) return false;
  return (earlier.rfc && !later.rfc && sameContent(earlier, later)) || (timeApart(before.firstDate, after.firstDate) > SAME_POSTING_WINDOW && earlier.title === later.title);
}

/** Words naming a part (`is31fl319x`, `bd71828`, `lp5860`): letters and digits together. */
function partNames(title: string): Set<string> {
  return new Set(title.split(' ').filter((word) => /\d/.test(word) && /\p{L}/u.test(word)));
}

/** Whether two part names name one part: the same, or the same but where one has an `x` standing for any character (`bcm63xxx`, `bcm63138`). */
function samePart(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i] !== 'x' && b[i] !== 'x') return false;
  return true;
}

/**
 * Whether the titles name the same work: alike (0.8 or more), with prefixes that agree (one
 * may have none; `leds: is31fl319x` and `leds: is31fl32xx` do not), and, when both name
 * parts (`bd71828`, `bd72720`), a part in common.
 */
function titlesMatch(earlier: Profile, later: Profile): boolean {
  if (shapeSimilarity(earlier.titleShape, later.titleShape) < SIMILAR_TITLES) return false;
  if (!partsAgree(earlier, later)) return false;
  return earlier.prefix === '' || later.prefix === '' || earlier.prefix === later.prefix;
}

/** Whether the titles name no parts that differ: when both name parts (`bd71828`, `bd72720`), they have one in common. */
function partsAgree(earlier: Profile, later: Profile): boolean {
  const [partsA, partsB] = [earlier.parts, later.parts];
  return partsA.size === 0 || partsB.size === 0 || [...partsA].some((a) => [...partsB].some((b) => samePart(a, b)));
}

/** Whether the words of two series' cover letters and commit messages are alike (`SIMILAR_PROSE`), and their titles name no parts that differ. */
function alike(earlier: Profile, later: Profile): boolean {
  return earlier.prose.length >= PROSE_SAMPLES && later.prose.length >= PROSE_SAMPLES && partsAgree(earlier, later) && resemblance(earlier.prose, later.prose) >= SIMILAR_PROSE;
}

/** Whether at least half the patch titles of the smaller series are in the other. */
function sharesPatchTitles(earlier: Profile, later: Profile): boolean {
  const [fewer, more] = earlier.patchTitles.size <= later.patchTitles.size ? [earlier.patchTitles, later.patchTitles] : [later.patchTitles, earlier.patchTitles];
  const shared = [...fewer].filter((title) => more.has(title)).length;
  return fewer.size > 0 && shared * 2 >= fewer.size;
}

/** How strongly `later` is a next version of `earlier`: 3 by Change-Id or a link named as that version, 2 by thread, 1 by titles, patch titles or files, 0.5 by prose alone, 0 not at all. */
function evidence(earlier: Profile, later: Profile): number {
  const { series: before } = earlier;
  const { series: after } = later;
  if (!follows(earlier, later)) return 0;
  if (shares(earlier.changeIds, later.changeIds) || later.namedVersions.has(before)) return 3;
  const sameAuthor = before.author.email + before.author.name !== '' && samePerson(before.author, after.author);
  // Another author: a series taken over by a colleague, who kept its very title and most of its patches.
  if (!sameAuthor) return after.version > before.version && earlier.title === later.title && sharesPatchTitles(earlier, later) ? 1 : 0;
  if (later.repliesInto.has(before)) return 2;
  // Both diffs known and no file in common: two pieces of work, unless the very title says otherwise (a file renamed)
  // or their words are kept (a driver deleted in v1, marked broken in v2).
  if (earlier.allFiles.size > 0 && later.allFiles.size > 0 && !shares(earlier.allFiles, later.allFiles) && earlier.title !== later.title) return alike(earlier, later) ? 0.5 : 0;
  if (titlesMatch(earlier, later)) return 1;
  // The same files, and a title reworded rather than replaced.
  if (shares(earlier.files, later.files) && shapeSimilarity(earlier.topicShape, later.topicShape) >= 0.5) return 1;
  if (sharesPatchTitles(earlier, later)) return 1;
  // Weakest: a title and files reworded at once, but the words of its cover letter or commit messages kept.
  return alike(earlier, later) ? 0.5 : 0;
}

/** Where a series' earlier versions are looked for: series by its author (address or name), of its Change-Ids, or of its very title (another author's). */
function bucketKeys(profile: Profile): string[] {
  const { email, name } = profile.series.author;
  return [...(email ? [`@${email.toLowerCase()}`] : []), ...(name ? [`n${normalizeTitle(name)}`] : []), ...[...profile.changeIds].map((id) => `c${id}`), `t${profile.title}`];
}

/** Links every series to its previous and next version; see the module comment. */
export function linkVersions(index: SeriesIndex, facts: MailFacts): Map<string, SeriesVersions> {
  const byDate = [...index.series].sort((a, b) => compareOldestFirst({ date: a.firstDate, id: a.id }, { date: b.firstDate, id: b.id }));
  const previous = new Map<Series, Series>();
  const next = new Map<Series, Series>();
  /** How strongly each next version was linked (`evidence`). */
  const nextScore = new Map<Series, number>();
  /** Whether a series, as a next version, could give way: a piece without a cover letter, under another title, that took the link by its patch titles or files. */
  const yields = (earlier: Profile, taken: Series) => taken.cover === null && shapeSimilarity(profileOf(taken).titleShape, earlier.titleShape) < SIMILAR_TITLES;
  const buckets = new Map<string, Profile[]>();
  /** The series linked so far: those that came before the one being linked. */
  const linked = new Set<Series>();
  const profiles = new Map<Series, Profile>();
  const memberById = new Map([...index.byMember].map(([node, series]) => [node.id, series]));
  const profileOf = (series: Series): Profile => {
    let known = profiles.get(series);
    if (!known) profiles.set(series, (known = profile(series, index, facts, memberById)));
    return known;
  };
  const link = (series: Series) => {
    const later = profileOf(series);
    const keys = bucketKeys(later);
    // What its text names counts only when it came before (the buckets hold only earlier series).
    const named = [...later.namedVersions].filter((other) => linked.has(other));
    const candidates = new Set([...keys.flatMap((key) => buckets.get(key) ?? []), ...[...later.repliesInto, ...named].map(profileOf)]);
    let best: { profile: Profile; score: number } | null = null;
    for (const earlier of candidates) {
      if (earlier.series === series) continue;
      const taken = next.get(earlier.series);
      const score = evidence(earlier, later);
      if (score === 0) continue;
      // A version already followed gives way only to a series of its very title or patch titles, when what follows it
      // is a piece sent before the rest of its version (one patch of v5, sent alone, before the whole v5), and, when
      // it is followed by prose alone, to stronger evidence.
      if (taken && !(sameContent(earlier, later) && yields(earlier, taken)) && !(score >= 1 && (nextScore.get(earlier.series) ?? 1) < 1)) continue;
      const better =
        !best ||
        score > best.score ||
        (score === best.score && earlier.series.version > best.profile.series.version) ||
        (score === best.score && earlier.series.version === best.profile.series.version && (earlier.series.firstDate ?? '') > (best.profile.series.firstDate ?? ''));
      if (better) best = { profile: earlier, score };
    }
    if (best) {
      const displaced = next.get(best.profile.series);
      if (displaced) previous.delete(displaced);
      previous.set(series, best.profile.series);
      next.set(best.profile.series, series);
      nextScore.set(best.profile.series, best.score);
    }
    linked.add(series);
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
    // Links go from earlier to later, so chains have no loops; the seen sets make sure of it whatever the dates say.
    let first = series;
    const above = new Set([first]);
    for (let before = previous.get(first); before && !above.has(before); before = previous.get(first)) above.add((first = before));
    const all: Series[] = [];
    const seen = new Set<Series>();
    for (let version: Series | undefined = first; version && !seen.has(version); version = next.get(version)) {
      seen.add(version);
      all.push(version);
    }
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
