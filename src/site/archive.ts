/** The archive as the pages see it: built once per build from the content store. */
import { getCollection } from 'astro:content';
import type { Archive } from '../archive/group.ts';
import { buildReviewArchive, type ReviewArchive } from '../archive/index.ts';
import { readBody } from '../loader/cache.ts';
import type { MailRecord } from '../loader/record.ts';

let review: Promise<ReviewArchive> | undefined;

/** Messages, threads, series, versions and reviews. */
export function loadReview(): Promise<ReviewArchive> {
  review ??= getCollection('mails').then((entries) =>
    buildReviewArchive(
      entries.map((entry) => entry.data as unknown as MailRecord),
      readBody,
    ),
  );
  return review;
}

/** The messages alone, one per Message-ID. */
export async function loadArchive(): Promise<Archive> {
  return (await loadReview()).archive;
}
