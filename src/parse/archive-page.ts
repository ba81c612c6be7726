/**
 * Messages saved as text from archive web pages, which keep only what the page showed:
 * Hypermail (lkml.iu.edu: subject line, `From: Name`, `Date: Tue Jan 17 2023 - 09:20:08 EST`)
 * and Mailman pipermail (subject line, `Name name at domain`, `Sat Nov 14 21:29:28 CET 2015`).
 * Neither keeps a Message-ID, To, Cc or In-Reply-To.
 */
import { HYPERMAIL_DATE_LINE, PIPERMAIL_AUTHOR_LINE, PIPERMAIL_DATE_LINE } from '../ingest/detect.ts';
import { parseCtimeDate, parseHypermailDate } from './date.ts';
import type { MimeFields } from './mime.ts';
import type { Address } from './types.ts';

/** Navigation the archives print above and below a message. */
const NAVIGATION = /^\s*(?:\*\s*)?(?:Next message|Previous message|In reply to|Next in thread|Reply|Maybe reply|Messages sorted by|Maybe in reply to)\s*:/i;
const MAILING_LIST_FOOTER = /^\s*More information about the .* mailing list\s*$/;

export type ArchivePageFields = Omit<MimeFields, 'messageId'>;

function decode(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The body: lines after the head, without the archive's navigation and footer or edge blank lines. */
function bodyFrom(lines: string[]): string {
  let end = lines.findIndex((line) => MAILING_LIST_FOOTER.test(line));
  if (end === -1) end = lines.length;
  const body = lines.slice(0, end);
  const isChrome = (line: string) => line.trim() === '' || NAVIGATION.test(line);
  while (body.length > 0 && isChrome(body[0]!)) body.shift();
  while (body.length > 0 && isChrome(body[body.length - 1]!)) body.pop();
  return body.join('\n') + (body.length > 0 ? '\n' : '');
}

function subjectAbove(lines: string[], index: number): string {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line !== '' && !NAVIGATION.test(line)) return line;
  }
  return '';
}

/** `Jason Gunthorpe`, `Jason Gunthorpe <jgg@nvidia.com>` or `jgg@nvidia.com (Jason Gunthorpe)`. */
function parseHypermailAuthor(value: string): Address {
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (angle) return { name: angle[1]!.replace(/^"|"$/g, '').trim(), email: angle[2]! };
  const paren = /^([^\s()]+@[^\s()]+)\s*\((.*)\)\s*$/.exec(value);
  if (paren) return { name: paren[2]!.trim(), email: paren[1]! };
  if (/^[^\s@]+@[^\s@]+$/.test(value.trim())) return { name: '', email: value.trim() };
  return { name: value.trim(), email: '' };
}

function emptyFields(): Pick<ArchivePageFields, 'to' | 'cc' | 'inReplyTo' | 'references' | 'attachments'> {
  return { to: [], cc: [], inReplyTo: null, references: [], attachments: [] };
}

/** Reads a Hypermail page saved as text. */
export function parseHypermailPage(bytes: Uint8Array): ArchivePageFields {
  const lines = decode(bytes).split('\n');
  const dateIndex = lines.findIndex((line) => HYPERMAIL_DATE_LINE.test(line));
  const fromIndex = lines.findIndex((line, index) => index < dateIndex + 3 && /^From: +\S/.test(line));
  const subjectLine = lines.slice(0, dateIndex).find((line) => /^Subject: /.test(line));
  const head = Math.max(dateIndex, fromIndex);
  const dateSent = (lines[dateIndex] ?? '').replace(/^Date: +/, '').trim();
  return {
    ...emptyFields(),
    subject: subjectLine ? subjectLine.replace(/^Subject: +/, '').trim() : subjectAbove(lines, Math.min(fromIndex, dateIndex)),
    from: parseHypermailAuthor((lines[fromIndex] ?? '').replace(/^From: +/, '')),
    dateSent,
    date: parseHypermailDate(dateSent),
    body: { text: bodyFrom(lines.slice(head + 1)), inline: [] },
  };
}

/** Reads a pipermail page saved as text. */
export function parsePipermailPage(bytes: Uint8Array): ArchivePageFields {
  const lines = decode(bytes).split('\n');
  const dateIndex = lines.findIndex((line, index) => PIPERMAIL_DATE_LINE.test(line) && PIPERMAIL_AUTHOR_LINE.test(lines[index - 1] ?? ''));
  const authorLine = (lines[dateIndex - 1] ?? '').trim();
  const author = /^(.*?)\s*(\S+) at (\S+)$/.exec(authorLine);
  const dateSent = (lines[dateIndex] ?? '').trim();
  return {
    ...emptyFields(),
    subject: subjectAbove(lines, dateIndex - 1),
    from: author ? { name: author[1]!.trim(), email: `${author[2]}@${author[3]}` } : { name: authorLine, email: '' },
    dateSent,
    date: parseCtimeDate(dateSent),
    body: { text: bodyFrom(lines.slice(dateIndex + 1)), inline: [] },
  };
}
