/**
 * What a series page shows: the cover letter and every patch (archived, known only from
 * replies, or missing) with the replies under it and who reviewed it through which
 * message; the status of the whole series; and its other versions, with what changed
 * between this one and its neighbours.
 */
import type { ArchivedMessage } from '../archive/group.ts';
import type { ReviewArchive } from '../archive/index.ts';
import type { InferredPlaceholder } from '../archive/inferred-parent.ts';
import { samePerson } from '../archive/person.ts';
import type { GivenTrailer, TrailerSource } from '../archive/review.ts';
import { patchesInArchive, type Series, type SeriesPatch } from '../archive/series.ts';
import { versionComparison } from '../archive/changes.ts';
import { patchTitle, type PatchChange, type PatchComparison } from '../archive/versions.ts';
import type { Address } from '../parse/types.ts';
import { formatDay } from './format.ts';
import { REVIEW_KINDS, type ReviewKind } from './review-kinds.ts';

/** A message that gave a trailer. */
export interface GivenBy {
  message: ArchivedMessage;
  /** The patch's own commit message, a reply to the patch, or a reply to the cover letter. */
  source: TrailerSource;
}

export interface Reviewer {
  person: Address;
  /** The messages that gave this kind of trailer, oldest first. */
  given: GivenBy[];
}

export interface ReviewGroup {
  kind: ReviewKind;
  people: Reviewer[];
}

/** What is known of a patch that is not in the archive. */
export interface MissingPatch {
  /** Its Message-ID, when replies named it. */
  id: string | null;
  /** What a reply without threading headers told of it (its subject, maybe its author and date). */
  inferred: InferredPlaceholder | null;
}

/** The cover letter (number 0) or one patch of the series. */
export interface SlotView {
  number: number;
  /** `2/4`, and `0/4` for the cover letter. */
  counter: string;
  message: ArchivedMessage | null;
  /** Set when the patch is not in the archive. */
  missing: MissingPatch | null;
  /** The patch's title (subject without `Re:` and `[…]`), when anything is known of it. */
  title: string | null;
  /** Archived replies below it, at any depth, oldest first. */
  replies: ArchivedMessage[];
  /** Trailers for it, by kind; a patch's include those given on the cover letter. */
  review: ReviewGroup[];
}

/** Someone who gave a kind of trailer to the series, and to which part of it. */
export interface SeriesReviewer {
  person: Address;
  /** Given on the cover letter, so for every patch. */
  wholeSeries: boolean;
  /** Patch numbers given to directly, in order. */
  patches: number[];
  /** The scopes the cover-letter trailers stated (`5/8 and 6/8`, `the DT patches`), as written; empty when none did. */
  stated: string[];
}

export interface VersionChanges {
  older: Series;
  newer: Series;
  patches: PatchComparison[];
}

export interface VersionsView {
  /** Every version, oldest first, this one included. */
  all: Series[];
  previous: Series | null;
  next: Series | null;
  /** From the previous version to this one, and from this one to the next. */
  changes: VersionChanges[];
}

export interface SeriesView {
  series: Series;
  /** The cover letter's slot; its message is null when the series has none in the archive. */
  cover: SlotView;
  patches: SlotView[];
  /** Patches in the archive. */
  present: number;
  status: { kind: ReviewKind; people: SeriesReviewer[] }[];
  versions: VersionsView;
}

function messageOf(id: string, review: ReviewArchive): ArchivedMessage {
  const message = review.archive.byId.get(id);
  if (!message) throw new Error(`a trailer comes from ${id}, which is not in the archive`);
  return message;
}

interface PersonTrailers<T> {
  person: Address;
  trailers: T[];
}

/** Trailers grouped by kind, then by person (as `samePerson` tells); kinds nobody gave are left out. */
function byKindAndPerson<T extends GivenTrailer>(trailers: readonly T[]): { kind: ReviewKind; people: PersonTrailers<T>[] }[] {
  return REVIEW_KINDS.map((kind) => {
    const people: PersonTrailers<T>[] = [];
    for (const trailer of trailers) {
      if (trailer.kind !== kind.kind) continue;
      const known = people.find((entry) => samePerson(entry.person, trailer.person));
      if (known) known.trailers.push(trailer);
      else people.push({ person: trailer.person, trailers: [trailer] });
    }
    return { kind, people };
  }).filter((group) => group.people.length > 0);
}

/** Who gave which trailer to one patch (or to the cover letter), and in which messages. */
export function reviewGroups(trailers: readonly GivenTrailer[], review: ReviewArchive): ReviewGroup[] {
  return byKindAndPerson(trailers).map(({ kind, people }) => ({
    kind,
    people: people.map(({ person, trailers: given }) => ({
      person,
      given: given
        .filter((trailer, index) => given.findIndex((other) => other.messageId === trailer.messageId) === index)
        .map((trailer) => ({ message: messageOf(trailer.messageId, review), source: trailer.source })),
    })),
  }));
}

/** `1, 3, 5–9`: numbers in order, runs of three or more as ranges. */
function numberRuns(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    if (end - start >= 2) runs.push(`${sorted[start]}–${sorted[end]}`);
    else runs.push(...sorted.slice(start, end + 1).map(String));
    start = end + 1;
  }
  return runs.join(', ');
}

function slotView(slot: SeriesPatch, series: Series, trailers: readonly GivenTrailer[], review: ReviewArchive): SlotView {
  const { node } = slot;
  const message = node?.message ?? null;
  return {
    number: slot.number,
    counter: `${slot.number}/${series.total}`,
    message,
    missing: message ? null : { id: node && !node.inferred ? node.id : null, inferred: node?.inferred ?? null },
    title: patchTitle(slot, review.facts),
    replies: slot.replies.map((reply) => reply.message!),
    review: reviewGroups(trailers, review),
  };
}

/** A trailer given to a series, and to which part: a patch's number, or null for the cover letter (so for all of it). */
export type SeriesTrailer = GivenTrailer & { part: number | null };

/** Every trailer given to a series, as its review counts them (`review.reviews`), each once. */
export function seriesTrailers(series: Series, review: ReviewArchive): SeriesTrailer[] {
  const reviews = review.reviews.get(series.id);
  if (!reviews) return [];
  // A patch's trailers repeat the cover letter's; those are counted once, for the whole series,
  // or for the patches a scoped one names.
  return [
    ...reviews.cover.flatMap((trailer): SeriesTrailer[] => (trailer.patches ? trailer.patches.map((part) => ({ ...trailer, part })) : [{ ...trailer, part: null }])),
    ...series.patches.flatMap(({ number }) =>
      (reviews.patches.get(number) ?? []).filter((trailer) => trailer.source !== 'cover').map((trailer) => ({ ...trailer, part: number })),
    ),
  ];
}

/** What part of a series some trailers were given to: all of it (on the cover letter), and which patches. */
export function trailerScope(trailers: readonly SeriesTrailer[]): Pick<SeriesReviewer, 'wholeSeries' | 'patches' | 'stated'> {
  return {
    wholeSeries: trailers.some((trailer) => trailer.part === null),
    patches: [...new Set(trailers.flatMap((trailer) => (trailer.part === null ? [] : [trailer.part])))],
    stated: [...new Set(trailers.flatMap((trailer) => (trailer.scope === undefined ? [] : [trailer.scope])))],
  };
}

/** Everyone who gave a trailer to the series: on the cover letter (so to all of it), or to which patches. */
function seriesStatusView(series: Series, review: ReviewArchive): SeriesView['status'] {
  return byKindAndPerson(seriesTrailers(series, review)).map(({ kind, people }) => ({
    kind,
    people: people.map(({ person, trailers }) => ({ person, ...trailerScope(trailers) })),
  }));
}

function versionsView(series: Series, review: ReviewArchive): VersionsView {
  const versions = review.versions.get(series.id);
  const previous = versions?.previous ?? null;
  const next = versions?.next ?? null;
  const pairs: [Series, Series][] = [];
  if (previous) pairs.push([previous, series]);
  if (next) pairs.push([series, next]);
  return {
    all: versions?.all ?? [series],
    previous,
    next,
    changes: pairs.map(([older, newer]) => ({ older, newer, patches: versionComparison(older, newer, review.facts) })),
  };
}

/** How a link to the message that gave a trailer reads: `reply, 2025-03-04`. */
export function givenLabel({ message, source }: GivenBy): string {
  const day = formatDay(message.mail.date);
  if (source === 'patch') return 'in the patch';
  return source === 'cover' ? `on the cover letter, ${day}` : `reply, ${day}`;
}

/**
 * What part of a series someone reviewed: `whole series`, `patches 1, 3–5 of 6`, or both, and
 * the scope the trailer stated, as written (`patches 5, 6 of 8, as stated: “5/8 and 6/8”`).
 */
export function scopeLabel({ wholeSeries, patches, stated = [] }: Pick<SeriesReviewer, 'wholeSeries' | 'patches'> & { stated?: readonly string[] }, total: number): string {
  const parts = wholeSeries ? ['whole series'] : [];
  if (patches.length > 0) parts.push(`${patches.length === 1 ? 'patch' : 'patches'} ${numberRuns(patches)} of ${total}`);
  const label = parts.join('; ');
  return stated.length > 0 ? `${label}, as stated: ${stated.map((scope) => `“${scope}”`).join(', ')}` : label;
}

/** How each outcome of `compareVersions` reads, between an older and a newer version. */
export const CHANGE_LABELS: Record<PatchChange, string> = {
  unchanged: 'unchanged',
  changed: 'changed',
  new: 'new',
  dropped: 'dropped',
  unknown: 'counterpart missing',
};

/** Everything the page of one series shows. */
export function seriesView(series: Series, review: ReviewArchive): SeriesView {
  const reviews = review.reviews.get(series.id);
  return {
    series,
    cover: slotView(series.cover ?? { number: 0, node: null, replies: [] }, series, reviews?.cover ?? [], review),
    patches: series.patches.map((patch) => slotView(patch, series, reviews?.patches.get(patch.number) ?? [], review)),
    present: patchesInArchive(series),
    status: seriesStatusView(series, review),
    versions: versionsView(series, review),
  };
}
