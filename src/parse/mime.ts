/** RFC 5322 / MIME messages, read with postal-mime. */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import PostalMime, { type Attachment, type Email } from 'postal-mime';
import { holdsFileDiff } from '../render/diff.ts';
import { flattenAddresses, parseObfuscatedAddress } from './address.ts';
import { cutLines } from './bounds.ts';
import { parseMailDate } from './date.ts';
import { parseIdList, parseMessageId } from './message-id.ts';
import type { Address, AttachmentInfo, InlineAttachment, ParsedMail } from './types.ts';

/** What a message yields before the archive gives it an identity: its Message-ID, if it has one. */
export interface MimeFields extends Omit<ParsedMail, 'messageId' | 'idSource' | 'format'> {
  messageId: string | null;
}

const PATCH_TYPES = new Set(['text/x-patch', 'text/x-diff', 'text/diff', 'text/x-diff-patch', 'application/x-patch', 'application/x-diff']);

function attachmentBytes(attachment: Attachment): Uint8Array {
  const { content } = attachment;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Decodes attachment bytes as UTF-8, falling back to Latin-1 when they are not UTF-8. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/**
 * A patch sent as an attachment is part of what reviewers read, so it is shown
 * with the body: patch and diff types, `.patch`/`.diff` names, and text parts holding a diff.
 */
function readableAttachment(attachment: Attachment, bytes: Uint8Array): InlineAttachment | null {
  const type = attachment.mimeType.toLowerCase();
  const name = attachment.filename ?? '';
  const named = /\.(?:patch|diff)$/i.test(name);
  if (!PATCH_TYPES.has(type) && !named && !type.startsWith('text/')) return null;
  if (bytes.includes(0)) return null;
  const text = decodeText(bytes);
  if (!PATCH_TYPES.has(type) && !named && !holdsFileDiff(text)) return null;
  return { filename: name || 'attachment', contentType: type, text };
}

function splitAttachments(attachments: Attachment[]): { inline: InlineAttachment[]; listed: AttachmentInfo[] } {
  const inline: InlineAttachment[] = [];
  const listed: AttachmentInfo[] = [];
  for (const attachment of attachments) {
    const bytes = attachmentBytes(attachment);
    const readable = readableAttachment(attachment, bytes);
    if (readable) inline.push(readable);
    else listed.push({ filename: attachment.filename ?? '(no name)', contentType: attachment.mimeType, size: bytes.byteLength });
  }
  return { inline, listed };
}

/** The text of an HTML body, laid out as a browser would (block breaks kept, scripts and styles dropped). */
function htmlToText(html: string): string {
  return `${toText(fromHtml(html), { whitespace: 'normal' }).trim()}\n`;
}

/**
 * The text outside the tags, for HTML nested too deep for the tree walk above (a hostile
 * `<div>` repeated 100,000 times overflows the stack): one scan, no layout.
 */
function textOutsideTags(html: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    parts.push(html.slice(from, open));
    const close = html.indexOf('>', open);
    if (close === -1) return `${parts.join('').trim()}\n`;
    from = close + 1;
  }
  parts.push(html.slice(from));
  return `${parts.join('').trim()}\n`;
}

function readHtml(html: string, clamped: string[]): string {
  try {
    return htmlToText(html);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    clamped.push('HTML body nested too deep to lay out: shown as its text without tags');
    return textOutsideTags(html);
  }
}

function headerValue(email: Email, key: string): string | null {
  return email.headers.find((header) => header.key === key)?.value ?? null;
}

function parseFrom(email: Email): Address {
  const raw = headerValue(email, 'from');
  const obfuscated = raw ? parseObfuscatedAddress(raw) : null;
  if (obfuscated) return obfuscated;
  return flattenAddresses(email.from ? [email.from] : undefined)[0] ?? { name: '', email: '' };
}

/** Parses one MIME message. Throws only when postal-mime gives up on it. */
export async function parseMime(raw: Uint8Array): Promise<MimeFields> {
  const { bytes, clamped } = cutLines(raw);
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const dateSent = headerValue(email, 'date');
  const { inline, listed } = splitAttachments(email.attachments);
  // A text/html-only mail is shown as the text a browser would render; its markup never reaches a page.
  const text = (email.text ?? (email.html ? readHtml(email.html, clamped) : '')).replace(/\r\n?/g, '\n');
  return {
    messageId: parseMessageId(email.messageId),
    subject: (email.subject ?? '').replace(/\s+/g, ' ').trim(),
    from: parseFrom(email),
    to: flattenAddresses(email.to),
    cc: flattenAddresses(email.cc),
    dateSent: dateSent?.trim() || null,
    date: parseMailDate(dateSent),
    inReplyTo: parseMessageId(email.inReplyTo),
    references: parseIdList(email.references),
    body: { text, inline: inline.map((part) => ({ ...part, text: part.text.replace(/\r\n?/g, '\n') })) },
    attachments: listed,
    ...(clamped.length > 0 ? { clamped } : {}),
  };
}
