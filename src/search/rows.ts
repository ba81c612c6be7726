/**
 * What search looks through: one row per patch series with all its versions folded in,
 * and one per thread of mail that is not a patch series.
 */
import { displayName } from '../parse/address.ts';
import type { ReviewArchive } from '../archive/index.ts';
import { seriesStatus } from '../archive/review.ts';
import { patchesInArchive, type Series } from '../archive/series.ts';
import { walkThread, type Thread } from '../archive/thread.ts';
import type { SearchRow } from './types.ts';

function threadMessages(thread: Thread) {
  return [...walkThread(thread.root)].flatMap(({ node }) => (node.message ? [node.message] : []));
}

function seriesMessages(series: Series) {
  return [series.cover, ...series.patches].flatMap((patch) => (patch?.node?.message ? [patch.node.message] : []));
}

function seriesRow(versions: Series[], review: ReviewArchive): SearchRow {
  const newest = versions.at(-1)!;
  const status = seriesStatus(review.reviews.get(newest.id)!);
  const authors = versions.map((version) => version.author);
  return {
    kind: 'series',
    url: newest.url,
    title: newest.title,
    subjects: versions.flatMap((version) => [version.title, ...seriesMessages(version).map((message) => message.mail.subject)]),
    versions: [...new Set(versions.map((version) => version.version))].sort((a, b) => a - b),
    author: displayName(newest.author),
    people: authors.flatMap((author) => [author.name, author.email]),
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

function threadRow(thread: Thread): SearchRow {
  const messages = threadMessages(thread);
  const root = messages[0];
  return {
    kind: 'thread',
    url: thread.root.message?.url ?? root?.url ?? '/',
    title: thread.subject,
    subjects: messages.map((message) => message.mail.subject),
    versions: [],
    author: root ? displayName(root.mail.from) : '',
    people: messages.flatMap((message) => [message.mail.from.name, message.mail.from.email]),
    date: thread.firstDate,
    patches: null,
    replies: Math.max(0, thread.size - 1),
    reviews: { reviewed: 0, acked: 0, tested: 0, nacked: 0 },
  };
}

/** The rows of the whole archive: each series family once (under its newest version), then every discussion thread. */
export function searchRows(review: ReviewArchive): SearchRow[] {
  const rows: SearchRow[] = [];
  const done = new Set<string>();
  for (const series of review.series) {
    if (done.has(series.id)) continue;
    const versions = review.versions.get(series.id)?.all ?? [series];
    for (const version of versions) done.add(version.id);
    rows.push(seriesRow(versions, review));
  }
  for (const thread of review.discussions) rows.push(threadRow(thread));
  return rows;
}
