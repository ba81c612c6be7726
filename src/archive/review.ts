/**
 * Review status of a series: which trailers each patch has. A patch has the trailers its
 * commit message carries (given to an earlier version), those given in replies to it (at
 * any depth: a reply to a review of patch 2 is about patch 2), and those given in replies
 * to the cover letter, which count for every patch, unless they state a scope that names
 * some patches (`For the DT patches:`, `… for 5/8 and 6/8`: scope.ts), which count for those. A patch's author does not review their
 * own series: trailers and NAKs naming the author in replies are left out (they are quotes
 * that lost their `>`, or thanks). What a single mail gives is decided in trailers.ts.
 */
import type { Address } from '../parse/types.ts';
import type { MailFacts } from './facts.ts';
import { samePerson } from './person.ts';
import { scopePatches } from './scope.ts';
import type { Series, SeriesPatch } from './series.ts';
import type { Trailer } from './trailers.ts';

/** Where a trailer comes from: the patch's own commit message, a reply to it, or a reply to the cover letter. */
export type TrailerSource = 'patch' | 'reply' | 'cover';

export interface GivenTrailer extends Trailer {
  /** The Message-ID of the mail that wrote it. */
  messageId: string;
  source: TrailerSource;
  /** For a trailer on the cover letter that states a scope naming some patches: those patches (scope.ts); absent when it is for the whole series. */
  patches?: number[];
}

export interface SeriesReview {
  /** Trailers given in replies to the cover letter (also listed under every patch). */
  cover: GivenTrailer[];
  /** Trailers of each patch, by patch number. */
  patches: Map<number, GivenTrailer[]>;
}

/** Who gave which kind of trailer, each person once. */
export interface ReviewStatus {
  reviewedBy: Address[];
  ackedBy: Address[];
  testedBy: Address[];
  nackedBy: Address[];
}

function repliesTrailers(patch: SeriesPatch, source: TrailerSource, author: Address, facts: MailFacts): GivenTrailer[] {
  return patch.replies.flatMap((reply) =>
    facts
      .bodyFactsOf(reply.message!)
      .replyTrailers.filter((trailer) => !samePerson(trailer.person, author))
      .map((trailer) => ({ ...trailer, messageId: reply.id, source })),
  );
}

function carriedTrailers(patch: SeriesPatch, facts: MailFacts): GivenTrailer[] {
  const message = patch.node?.message;
  if (!message) return [];
  return facts.bodyFactsOf(message).commitTrailers.map((trailer) => ({ ...trailer, messageId: message.id, source: 'patch' }));
}

/** The trailers of every patch of a series; see the module comment. */
export function reviewSeries(series: Series, facts: MailFacts): SeriesReview {
  const cover = (series.cover ? repliesTrailers(series.cover, 'cover', series.author, facts) : []).map((trailer) => {
    const patches = trailer.scope === undefined ? null : scopePatches(trailer.scope, series, facts);
    return patches === null ? trailer : { ...trailer, patches };
  });
  const patches = new Map(
    series.patches.map((patch) => [
      patch.number,
      [...carriedTrailers(patch, facts), ...repliesTrailers(patch, 'reply', series.author, facts), ...cover.filter((trailer) => !trailer.patches || trailer.patches.includes(patch.number))],
    ]),
  );
  return { cover, patches };
}

/**
 * The trailers `b4 am` would add to a patch's commit message: those given in replies to it,
 * then those given in replies to the cover letter, each person once per kind, leaving out the
 * ones its commit message already carries and NAKs (which b4 does not apply either).
 */
export function addedTrailers(review: SeriesReview, number: number): Trailer[] {
  const trailers = review.patches.get(number) ?? [];
  const added: Trailer[] = [];
  const known = trailers.filter((trailer) => trailer.source === 'patch');
  for (const trailer of trailers) {
    if (trailer.source === 'patch' || trailer.kind === 'nacked') continue;
    if ([...known, ...added].some((other) => other.kind === trailer.kind && samePerson(other.person, trailer.person))) continue;
    added.push({ kind: trailer.kind, person: trailer.person });
  }
  return added;
}

/** Groups trailers by kind, naming each person once per kind. */
export function reviewStatus(trailers: readonly Trailer[]): ReviewStatus {
  const status: ReviewStatus = { reviewedBy: [], ackedBy: [], testedBy: [], nackedBy: [] };
  const lists = { reviewed: status.reviewedBy, acked: status.ackedBy, tested: status.testedBy, nacked: status.nackedBy };
  for (const { kind, person } of trailers) {
    const list = lists[kind];
    if (!list.some((known) => samePerson(known, person))) list.push(person);
  }
  return status;
}

/** The status of the whole series: everyone who gave a trailer to any of its patches or its cover letter. */
export function seriesStatus(review: SeriesReview): ReviewStatus {
  return reviewStatus([...review.cover, ...[...review.patches.values()].flat()]);
}
