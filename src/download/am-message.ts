/**
 * A patch mail as `b4 am` writes it for `git am`: the patch's From, Date, Subject and
 * Message-ID, then its body as UTF-8 text, with the collected trailers added to the commit
 * message where b4 puts them (`trailerInsertion`). Header values come from mail: each is
 * written on one line (line breaks and control characters become spaces) and RFC 2047-encoded
 * when it is not plain ASCII, so nothing in a mail can add a header.
 */
import { trailerInsertion } from '../archive/trailers.ts';
import type { Address, MailBody } from '../parse/types.ts';

export interface AmPatch {
  from: Address;
  /** The Date header as sent; null when the mail had none. */
  date: string | null;
  subject: string;
  messageId: string;
  body: MailBody;
  /** Where its commit message ends in the body's text (its record's `facts.commitMessageEnd`). */
  commitMessageEnd: number;
  /** Trailer lines to add, in order (`Reviewed-by: …`, then `Link: …`). */
  trailers: string[];
  /** What the archive did to the addresses (`X-Sheaf-Addresses:`), when they are not as sent; null when they are. */
  addressNote: string | null;
}

/** A header value on one line. */
function oneLine(value: string): string {
  return value.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}

/** UTF-8 bytes per encoded word: 39 make a 64-character word, so even the first, after `Subject: `, fits a 78-character line. */
const WORD_BYTES = 39;

/** Text as it may stand in a header: as it is when printable ASCII (and no `=?` a reader would decode), else as encoded words, folded. */
function headerText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let word = '';
  for (const char of text) {
    if (Buffer.byteLength(word + char) > WORD_BYTES) {
      words.push(word);
      word = '';
    }
    word += char;
  }
  words.push(word);
  return words.map((chunk) => `=?UTF-8?B?${Buffer.from(chunk).toString('base64')}?=`).join('\n ');
}

/** `Name <address>`, the name quoted when it holds characters an address list gives meaning to. */
function headerAddress({ name, email }: Address): string {
  const shownName = oneLine(name);
  const address = oneLine(email);
  if (!shownName) return address;
  const encoded = headerText(shownName);
  const phrase = encoded === shownName && /[()<>@,;:\\".[\]]/.test(shownName) ? `"${shownName.replace(/[\\"]/g, '\\$&')}"` : encoded;
  return address ? `${phrase} <${address}>` : phrase;
}

/** The body text with the trailers added to its commit message, then its inline patches. */
function amBody({ body, commitMessageEnd, trailers }: AmPatch): string {
  const lines = body.text.split('\n');
  if (trailers.length > 0) {
    const { line, newBlock } = trailerInsertion(lines, commitMessageEnd);
    lines.splice(line, 0, ...(newBlock ? [''] : []), ...trailers.map(oneLine));
  }
  let text = lines.join('\n');
  for (const part of body.inline) text += `${text.endsWith('\n') ? '' : '\n'}${part.text}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The patch as one message, ready for an mbox. */
export function amMessage(patch: AmPatch): Buffer {
  const headers = [
    `From: ${headerAddress(patch.from)}`,
    ...(patch.date ? [`Date: ${oneLine(patch.date)}`] : []),
    `Subject: ${headerText(oneLine(patch.subject))}`,
    `Message-ID: <${oneLine(patch.messageId)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...(patch.addressNote ? [`X-Sheaf-Addresses: ${oneLine(patch.addressNote)}`] : []),
  ];
  return Buffer.from(`${headers.join('\n')}\n\n${amBody(patch)}`);
}
