/** The archive as the pages see it: built once per build from the content store. */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from '../archive/group.ts';
import type { MailRecord } from '../loader/record.ts';

let archive: Promise<Archive> | undefined;

export function loadArchive(): Promise<Archive> {
  archive ??= getCollection('mails').then((entries) => buildArchive(entries.map((entry) => entry.data as unknown as MailRecord)));
  return archive;
}
