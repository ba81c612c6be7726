/**
 * Where a series stands, from the mail alone, the first of these that holds:
 *
 * 1. `applied`: someone other than its author replied, in their own voice, that it or some of its
 *    patches were applied, merged or queued (applied.ts reads the notice), saying where when
 *    they say it;
 * 2. `superseded`: a later version of it is in the archive (versions.ts);
 * 3. `nacked`: someone NAKed one of its patches or its cover letter (review.ts);
 * 4. `changes-requested`: a patch without a Reviewed-by or Acked-by has been answered by
 *    someone other than the author (on the patch or on the cover letter): the review spoke and
 *    did not approve;
 * 5. `reviewed`: every archived patch has a Reviewed-by or an Acked-by;
 * 6. `waiting`: some patches have neither, and nobody answered them.
 *
 * `unreviewed` says which archived patches lack a Reviewed-by and an Acked-by, whatever the state.
 */
import type { Address } from '../parse/types.ts';
import type { AppliedNotice } from './applied.ts';
import type { MailFacts } from './facts.ts';
import { samePerson } from './person.ts';
import type { SeriesReview } from './review.ts';
import type { Series, SeriesPatch } from './series.ts';
import type { SeriesVersions } from './versions.ts';

export type SeriesStateName = 'applied' | 'superseded' | 'nacked' | 'changes-requested' | 'reviewed' | 'waiting';

/** The states in the order they are decided, with how each reads. */
export const SERIES_STATES: readonly { name: SeriesStateName; label: string }[] = [
  { name: 'applied', label: 'applied' },
  { name: 'superseded', label: 'superseded' },
  { name: 'nacked', label: 'NAKed' },
  { name: 'changes-requested', label: 'changes requested' },
  { name: 'reviewed', label: 'reviewed' },
  { name: 'waiting', label: 'waiting for review' },
];

/** One reply saying some of the series was applied. */
export interface Application {
  /** Who applied it: the person the notice names, else its sender. */
  by: Address;
  /** Where, as the mail says it; null when it does not. */
  to: string | null;
  /** The Message-ID of the mail that says so. */
  messageId: string;
  /** The patch numbers it applies, in order. */
  patches: number[];
  commits: string[];
}

export interface SeriesState {
  name: SeriesStateName;
  /** Every reply saying some of it was applied, oldest first. */
  applied: Application[];
  /** The next version, when there is one. */
  supersededBy: Series | null;
  /** Who NAKed it. */
  nackedBy: Address[];
  /** Archived patches without a Reviewed-by or an Acked-by, by number. */
  unreviewed: number[];
}

function repliesBySomeoneElse(patch: SeriesPatch | null, author: Address) {
  return (patch?.replies ?? []).filter((reply) => reply.message && !samePerson(reply.message.mail.from, author));
}

function applications(series: Series, facts: MailFacts): Application[] {
  const found: { date: string; application: Application }[] = [];
  const all = series.patches.filter((patch) => patch.node?.message).map((patch) => patch.number);
  for (const slot of [series.cover, ...series.patches]) {
    for (const reply of repliesBySomeoneElse(slot, series.author)) {
      const message = reply.message!;
      const notice: AppliedNotice | null = facts.bodyFactsOf(message).applied;
      if (!notice) continue;
      const listed = notice.patches.filter((number) => number >= 1 && number <= series.total);
      const patches = listed.length > 0 ? [...new Set(listed)].sort((a, b) => a - b) : slot!.number === 0 || notice.whole ? all : [slot!.number];
      found.push({ date: message.mail.date ?? '', application: { by: notice.by ?? message.mail.from, to: notice.to, messageId: message.id, patches, commits: notice.commits } });
    }
  }
  return found
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.application.messageId < b.application.messageId ? -1 : 1))
    .map(({ application }) => application);
}

/** Where a series stands; see the module comment. */
export function seriesState(series: Series, review: SeriesReview | undefined, versions: SeriesVersions | undefined, facts: MailFacts): SeriesState {
  const applied = applications(series, facts);
  const supersededBy = versions?.next ?? null;
  const trailers = [...(review?.cover ?? []), ...[...(review?.patches.values() ?? [])].flat()];
  const nackedBy: Address[] = [];
  for (const trailer of trailers) if (trailer.kind === 'nacked' && !nackedBy.some((known) => samePerson(known, trailer.person))) nackedBy.push(trailer.person);
  const archived = series.patches.filter((patch) => patch.node?.message);
  const unreviewedPatches = archived.filter((patch) => !(review?.patches.get(patch.number) ?? []).some((trailer) => trailer.kind === 'reviewed' || trailer.kind === 'acked'));
  const coverAnswered = repliesBySomeoneElse(series.cover, series.author).length > 0;
  const discussed = unreviewedPatches.some((patch) => coverAnswered || repliesBySomeoneElse(patch, series.author).length > 0);
  const name: SeriesStateName =
    applied.length > 0
      ? 'applied'
      : supersededBy
        ? 'superseded'
        : nackedBy.length > 0
          ? 'nacked'
          : discussed
            ? 'changes-requested'
            : archived.length > 0 && unreviewedPatches.length === 0
              ? 'reviewed'
              : 'waiting';
  return { name, applied, supersededBy, nackedBy, unreviewed: unreviewedPatches.map((patch) => patch.number) };
}
