/**
 * Test support for the archive modules: small hand-made mails, and the review archive of
 * a corpus path, built the way the site builds it.
 */
import type { MailRecord } from '../loader/record.ts';
import type { MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';
import { corpusPath, loadMail } from '../testing/corpus.ts';
import type { ApiView } from './api.ts';
import { readBodyFacts } from './body-facts.ts';
import { buildReviewArchive, type ReviewArchive } from './index.ts';

export interface MailSpec {
  id: string;
  subject?: string;
  /** `Name <address>` or a bare name. */
  from?: string;
  /** ISO 8601; null for an undated mail. Defaults to a date derived from the position. */
  date?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  body?: string;
  /** The Message-IDs its body names, as the renderer would find them (record `links`). */
  names?: string[];
}

export interface MailSet {
  records: MailRecord[];
  bodyOf: (key: string) => MailBody;
}

/** Records and bodies for hand-made mails, dated one minute apart in the given order unless dated. */
export function mails(specs: readonly MailSpec[]): MailSet {
  const bodies = new Map<string, MailBody>();
  const records = specs.map((spec, index): MailRecord => {
    const key = `${index.toString(16).padStart(16, '0')}`;
    const text = spec.body ?? '';
    const body = { text, inline: [] };
    bodies.set(key, body);
    const from = /^(.*?)\s*<(.+)>$/.exec(spec.from ?? 'Author <author@example.org>');
    const sender = from ? { name: from[1]!, email: from[2]! } : { name: spec.from ?? '', email: '' };
    return {
      messageId: spec.id,
      idSource: 'header',
      subject: spec.subject ?? '',
      from: sender,
      to: [],
      cc: [],
      dateSent: null,
      date: spec.date === undefined ? new Date(Date.UTC(2024, 0, 1, 12, index)).toISOString() : spec.date,
      inReplyTo: spec.inReplyTo ?? null,
      references: spec.references ?? [],
      format: 'mbox',
      attachments: [],
      key,
      file: 'test.mbox',
      position: index + 1,
      size: text.length,
      bodyDigest: key,
      bodyFiles: { json: 0, html: 0 },
      links: { messageIds: spec.names ?? [], attributionDepths: [] },
      facts: readBodyFacts(body, markBody(body), sender),
    };
  });
  return { records, bodyOf: (key) => bodies.get(key)! };
}

/** A minimal diff, so a mail reads as a patch. */
export function diff(file = 'drivers/leds/leds-test.c', line = 'changed'): string {
  return `---\n ${file} | 1 +\n\ndiff --git a/${file} b/${file}\nindex 0123456..789abcd 100644\n--- a/${file}\n+++ b/${file}\n@@ -1,1 +1,2 @@ int f(void)\n context\n+${line}\n-- \n2.43.0\n`;
}

/** The review archive of one hand-made set of mails. */
export function reviewOf(specs: readonly MailSpec[]): ReviewArchive {
  const { records, bodyOf } = mails(specs);
  return buildReviewArchive(records, bodyOf);
}

/** The review archive of a file or folder of the shared corpus. */
export async function reviewOfCorpus(path: string): Promise<ReviewArchive> {
  const { records, bodies } = await loadMail(corpusPath(path));
  return buildReviewArchive(records, (key) => bodies.get(key)!);
}

/** The data as a site at the root that shows addresses as sent gives it. */
export const AS_SENT_VIEW: ApiView = { link: (path) => path, addresses: { person: (address) => address }, rawDownloads: true };
