import type { MailFormat } from '../ingest/types.ts';

export interface Address {
  /** Display name, decoded; empty when the mail gave none. */
  name: string;
  /** Address; empty when unknown (pages saved from web archives often hide it). */
  email: string;
}

/** A text attachment that reviewers read as part of the mail, such as a patch. */
export interface InlineAttachment {
  filename: string;
  contentType: string;
  text: string;
}

/** An attachment listed under the body, not shown. */
export interface AttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

export interface MailBody {
  /** The text/plain body, or the text made from a text/html-only mail. */
  text: string;
  /** Patches and other diffs sent as attachments, shown after the text. */
  inline: InlineAttachment[];
}

/** Where a message's id came from: its own Message-ID header, or a digest of its content. */
export type IdSource = 'header' | 'content';

/** Everything the archive knows about one message, from its bytes alone. */
export interface ParsedMail {
  /** Message-ID without angle brackets. */
  messageId: string;
  idSource: IdSource;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  /** The Date as sent, verbatim, or null when the mail had none. */
  dateSent: string | null;
  /** The Date in UTC (ISO 8601), or null when missing or unreadable. */
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  format: MailFormat;
  body: MailBody;
  attachments: AttachmentInfo[];
  /** What was cut to the bounds of src/parse/bounds.ts (or read another way), one readable note each; absent when nothing was. */
  clamped?: string[];
}
