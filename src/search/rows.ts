/**
 * What search looks through: one row per patch series with all its versions folded in,
 * and one per thread of mail that is not a patch series.
 */
import { displayName } from '../parse/address.ts';
import type { Address } from '../parse/types.ts';
import type { ReviewArchive } from '../archive/index.ts';
import { seriesStatus } from '../archive/review.ts';
import { patchesInArchive, type Series } from '../archive/series.ts';
import { walkThread, type Thread } from '../archive/thread.ts';
import type { SearchRow } from './types.ts';

/** How the archive shows a person (sheaf.config.ts `addresses`, src/site/addresses.ts): the rows hold nothing more. */
export interface PeopleShown {
  person(address: Address): Address;
  name(address: Address): string;
}

const AS_SENT: PeopleShown = { person: (address) => address, name: displayName };

function personWords(people: PeopleShown, address: Address): string[] {
  const { name, email } = people.person(address);
  return [name, email];
}

function threadMessages(thread: Thread) {
  return [...walkThread(thread.root)].flatMap(({ node }) => (node.message ? [node.message] : []));
}

function seriesMessages(series: Series) {
  return [series.cover, ...series.patches].flatMap((patch) => (patch?.node?.message ? [patch.node.message] : []));
}

function seriesRow(versions: Series[], review: ReviewArchive, people: PeopleShown): SearchRow {
  const newest = versions.at(-1)!;
  const status = seriesStatus(review.reviews.get(newest.id)!);
  const authors = versions.map((version) => version.author);
  return {
    kind: 'series',
    url: newest.url,
    title: newest.title,
    subjects: versions.flatMap((version) => [version.title, ...seriesMessages(version).map((message) => message.mail.subject)]),
    versions: [...new Set(versions.map((version) => version.version))].sort((a, b) => a - b),
    author: people.name(newest.author),
    people: authors.flatMap((author) => personWords(people, author)),
    date: versions[0]!.firstDate,
    patches: { present: patchesInArchive(newest), total: newest.total },
    replies: newest.replyCount,
    reviews: {
      reviewed: status.reviewedBy.length,
      acked: status.ackedBy.length,
      tested: status.testedBy.length,
      nacked: status.nackedBy.length,
    },
  };
}

function threadRow(thread: Thread, people: PeopleShown): SearchRow {
  const messages = threadMessages(thread);
  const root = messages[0];
  return {
    kind: 'thread',
    url: thread.root.message?.url ?? root?.url ?? '/',
    title: thread.subject,
    subjects: messages.map((message) => message.mail.subject),
    versions: [],
    author: root ? people.name(root.mail.from) : '',
    people: messages.flatMap((message) => personWords(people, message.mail.from)),
    date: thread.firstDate,
    patches: null,
    replies: Math.max(0, thread.size - 1),
    reviews: { reviewed: 0, acked: 0, tested: 0, nacked: 0 },
  };
}

/** The rows of the whole archive: each series family once (under its newest version), then every discussion thread. */
export function searchRows(review: ReviewArchive, people: PeopleShown = AS_SENT): SearchRow[] {
  const rows: SearchRow[] = [];
  const done = new Set<string>();
  for (const series of review.series) {
    if (done.has(series.id)) continue;
    const versions = review.versions.get(series.id)?.all ?? [series];
    for (const version of versions) done.add(version.id);
    rows.push(seriesRow(versions, review, people));
  }
  for (const thread of review.discussions) rows.push(threadRow(thread, people));
  return rows;
}
