/** The archive as the pages see it: built once per build from the content store's entries and the loader's records. */
import { getCollection } from 'astro:content';
import type { Archive } from '../archive/group.ts';
import { buildReviewArchive, type ReviewArchive } from '../archive/index.ts';
import { CacheError, readBody, readIngestReport } from '../loader/cache.ts';
import type { MailRecord } from '../loader/record.ts';
import { readRecords } from '../loader/record-shelf.ts';
import type { StoreDigests } from './routes/message-page.ts';

interface Store {
  review: ReviewArchive;
  /** The store digest of each mail, by record key: it changes whenever the mail's cached rendering may. */
  digests: StoreDigests;
}

let store: Promise<Store> | undefined;

function loadStore(): Promise<Store> {
  store ??= getCollection('mails').then((entries) => {
    const contentRoot = readIngestReport()?.contentRoot;
    const shelved = contentRoot === undefined ? new Map<string, MailRecord>() : readRecords(contentRoot);
    // The loader writes the records with the entries in the same build: one missing is a broken cache, never an empty archive.
    const records = entries.map((entry) => {
      const record = shelved.get(entry.id);
      if (!record) throw new CacheError(`the record of mail ${entry.id} is missing from the cache; the next build reads the mail again`);
      return record;
    });
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

/** The digests of the parsers the mails were read with, sorted: each store digest leads with its parser's (src/loader/mail-loader.ts). */
export async function loadParserDigests(): Promise<string[]> {
  return [...new Set([...(await loadDigests()).values()].map((digest) => digest.split('-', 1)[0]!))].sort();
}

/** The messages alone, one per Message-ID. */
export async function loadArchive(): Promise<Archive> {
  return (await loadReview()).archive;
}
