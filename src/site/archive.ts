/** The archive as the pages see it: built once per build from the content store. */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from '../archive/group.ts';
import type { MailRecord } from '../loader/record.ts';

let archive: Promise<Archive> | undefined;

export function loadArchive(): Promise<Archive> {
  archive ??= getCollection('mails').then((entries) => buildArchive(entries.map((entry) => entry.data as unknown as MailRecord)));
  return archive;
}

/** Messages per page of the message list. */
export const PAGE_SIZE = 100;

export function pageCount(archive: Archive): number {
  return Math.max(1, Math.ceil(archive.messages.length / PAGE_SIZE));
}

/** The path of page `n` (1-based) of the message list. */
export function listPageUrl(n: number): string {
  return n <= 1 ? '/' : `/page/${n}/`;
}
