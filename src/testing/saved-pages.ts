/**
 * Test support: real threads as they read when saved from lkml.iu.edu (Hypermail) pages, the
 * seed's format (`../shared/corpus/seed-lkml-iu-edu.txt`): the subject line, `From:` with the
 * name alone, `Date:` in the archive's US Eastern time, then the body, with every address's
 * domain written as `x`s as the site hides them. No Message-ID, In-Reply-To or References
 * survive, so threads must be inferred; the mails' own headers say what the threads were.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReviewArchive, type ReviewArchive } from '../archive/index.ts';
import type { ArchivedMessage } from '../archive/group.ts';
import type { MailRecord } from '../loader/record.ts';
import type { MailBody } from '../parse/types.ts';
import { loadMail } from './corpus.ts';

const EASTERN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** `Tue Jan 17 2023 - 09:20:08 EST`, as Hypermail dates a page. */
export function hypermailDate(iso: string): string {
  const parts = Object.fromEntries(EASTERN.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.month} ${parts.day} ${parts.year} - ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/** Addresses with their domain hidden, `jane@xxxxxxxxxxx`, as lkml.iu.edu shows them. */
export function hideDomains(text: string): string {
  return text.replace(/([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)/g, (_address, local: string, domain: string) => `${local}@${'x'.repeat(domain.length)}`);
}

/** The text of a Hypermail page saved from a browser, for one mail. */
export function hypermailPage(record: MailRecord, body: MailBody): string {
  const text = [body.text, ...body.inline.map((part) => part.text)].join('\n');
  const from = record.from.name || hideDomains(record.from.email);
  return `${record.subject}\n\nFrom: ${from}\nDate: ${hypermailDate(record.date!)}\n\n\n${hideDomains(text)}`;
}

/** How many replies threading put under their true parent. */
export interface ThreadingScore {
  /** Replies whose parent, by their headers, is archived. */
  replies: number;
  /** Of them, those the saved pages put under that parent. */
  right: number;
  /** The others: the reply's subject, and the subjects of the true parent and of the one chosen. */
  wrong: Array<{ subject: string; truth: string; chosen: string }>;
}

/** The true parent of each message by its headers, when it is archived. */
function headerParents(review: ReviewArchive): Map<string, ArchivedMessage> {
  const parents = new Map<string, ArchivedMessage>();
  for (const message of review.archive.messages) {
    const parent = review.nodes.get(message.id)?.parent;
    if (parent?.message) parents.set(message.id, parent.message);
  }
  return parents;
}

/**
 * Saves every dated mail under `path` as a Hypermail page, builds the archive of the pages the
 * way the site does, and scores its threads against those of the mails' own headers.
 */
export async function savedPagesScore(path: string): Promise<ThreadingScore> {
  const original = await loadMail(path);
  const truth = buildReviewArchive(original.records, (key) => original.bodies.get(key)!);
  const folder = mkdtempSync(join(tmpdir(), 'sheaf-saved-pages-'));
  try {
    // One page per message, named after it, so each page's archived message leads back to the mail.
    const pageOf = new Map<string, string>();
    truth.archive.messages.forEach((message, index) => {
      if (message.mail.date === null) return;
      const name = `${String(index).padStart(4, '0')}.txt`;
      writeFileSync(join(folder, name), hypermailPage(message.mail, original.bodies.get(message.mail.key)!));
      pageOf.set(message.id, name);
    });
    const saved = await loadMail(folder);
    const pages = buildReviewArchive(saved.records, (key) => saved.bodies.get(key)!);
    const byFile = new Map(pages.archive.messages.flatMap((message) => message.sources.map((source) => [source.file, message] as const)));
    const score: ThreadingScore = { replies: 0, right: 0, wrong: [] };
    for (const [id, parent] of headerParents(truth)) {
      const page = byFile.get(pageOf.get(id) ?? '');
      const parentPage = byFile.get(pageOf.get(parent.id) ?? '');
      if (!page || !parentPage) continue;
      score.replies++;
      const chosen = pages.nodes.get(page.id)?.parent ?? null;
      if (chosen?.id === parentPage.id) score.right++;
      else {
        const chosenSubject = chosen?.message?.mail.subject ?? (chosen ? `(not archived) ${chosen.inferred?.subject ?? chosen.id}` : '(a root)');
        score.wrong.push({ subject: `${page.mail.subject} (${page.mail.from.name})`, truth: `${parent.mail.subject} (${parent.mail.from.name})`, chosen: chosenSubject });
      }
    }
    return score;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
