/**
 * The public data contract: what `dist/api/*.json` hold. Field names are stable;
 * docs/api.md documents them. New fields may be added, none renamed or removed.
 */
import type { IngestReport } from '../loader/cache.ts';
import type { Address } from '../parse/types.ts';
import type { Archive } from './group.ts';

export interface MessageApiEntry {
  id: string;
  url: string;
  subject: string;
  from: Address;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  file: string;
}

export function messagesApi(archive: Archive): MessageApiEntry[] {
  return archive.messages.map(({ id, url, mail }) => ({
    id,
    url,
    subject: mail.subject,
    from: mail.from,
    date: mail.date,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    file: mail.file,
  }));
}

export interface ReportApi extends Omit<IngestReport, 'contentRoot'> {
  /** Message pages written: one per distinct Message-ID. */
  messages: number;
  /** Message-IDs found with differing bodies, all kept on one page. */
  messagesWithVariants: number;
}

export function reportApi(archive: Archive, ingest: IngestReport | null): ReportApi {
  const { contentRoot: _root, ...counts } = ingest ?? { contentRoot: '', files: 0, mails: 0, parsed: 0, reused: 0, identicalCopies: 0, skipped: [] };
  return {
    ...counts,
    messages: archive.messages.length,
    messagesWithVariants: archive.messages.filter((message) => message.variants.length > 0).length,
  };
}
