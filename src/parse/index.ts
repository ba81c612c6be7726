/**
 * The parse stage: one raw message in, one ParsedMail out. Each framing has its reader;
 * the id comes from the Message-ID header, or from the content when there is none.
 */
import type { RawMail } from '../ingest/types.ts';
import { parseHypermailPage, parsePipermailPage } from './archive-page.ts';
import { boundFields } from './bounds.ts';
import { contentMessageId } from './message-id.ts';
import { parseMime, type MimeFields } from './mime.ts';
import type { ParsedMail } from './types.ts';

async function readFields(raw: RawMail): Promise<MimeFields> {
  switch (raw.format) {
    case 'hypermail':
      return { messageId: null, ...parseHypermailPage(raw.bytes) };
    case 'pipermail':
      return { messageId: null, ...parsePipermailPage(raw.bytes) };
    default:
      return parseMime(raw.bytes);
  }
}

/** Parses one raw message. Throws with a readable reason when the mail cannot be read. */
export async function parseMail(raw: RawMail): Promise<ParsedMail> {
  const { messageId, ...read } = await readFields(raw);
  // Bounded before the content id is made, so the id is that of what is kept.
  const fields = boundFields(read);
  const hasContent =
    fields.subject || fields.from.email || fields.from.name || fields.dateSent || fields.body.text.trim() ||
    fields.body.inline.length > 0 || fields.attachments.length > 0;
  if (!messageId && !hasContent) throw new Error('no headers and no body: nothing to show');
  const id =
    messageId ??
    contentMessageId({
      subject: fields.subject,
      fromName: fields.from.name,
      fromEmail: fields.from.email,
      date: fields.date ?? fields.dateSent,
      body: fields.body.text,
    });
  return { ...fields, messageId: id, idSource: messageId ? 'header' : 'content', format: raw.format };
}

export type { ParsedMail } from './types.ts';
