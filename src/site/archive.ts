/** The archive as the pages see it: built once per build from the content store. */
import { getCollection } from 'astro:content';
import type { Archive } from '../archive/group.ts';
import { buildReviewArchive, type ReviewArchive } from '../archive/index.ts';
import { readBody } from '../loader/cache.ts';
import type { MailRecord } from '../loader/record.ts';
import type { StoreDigests } from './routes/message-page.ts';

interface Store {
  review: ReviewArchive;
  /** The store digest of each mail, by record key: it changes whenever the mail's cached rendering may. */
  digests: StoreDigests;
}

let store: Promise<Store> | undefined;

function loadStore(): Promise<Store> {
  store ??= getCollection('mails').then((entries) => {
    const records = entries.map((entry) => entry.data as unknown as MailRecord);
    return {
      review: buildReviewArchive(records, readBody),
      digests: new Map(entries.map((entry) => [entry.id, String(entry.digest ?? '')])),
    };
  });
  return store;
}

/** Messages, threads, series, versions and reviews. */
export async function loadReview(): Promise<ReviewArchive> {
  return (await loadStore()).review;
}

/** The store digest of each mail, by record key. */
export async function loadDigests(): Promise<StoreDigests> {
  return (await loadStore()).digests;
}

/** The messages alone, one per Message-ID. */
export async function loadArchive(): Promise<Archive> {
  return (await loadReview()).archive;
}
