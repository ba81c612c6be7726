/**
 * Bounds on what one mail may make the archive hold. Mail is untrusted: a header can name
 * 10,000 References or 50,000 recipients, a subject can be a megabyte. Past a bound the
 * value is cut, not refused (the mail is still shown), and `clamped` says what was cut.
 */
import type { Address, MailBody, ParsedMail } from './types.ts';

/** Subject, names, addresses and the Date as sent: RFC 5322 lines stop at 998 characters. */
export const MAX_FIELD_LENGTH = 1000;
/** To and Cc, each: the widest kernel Cc lists have a few hundred names. */
export const MAX_RECIPIENTS = 500;
/** References kept: the first (the thread's root) and the nearest ancestors; a chained series of 999 patches fits. */
export const MAX_REFERENCES = 1000;
/** Inline parts (patches sent as files) and listed attachments, each. */
export const MAX_ATTACHMENTS = 100;
/**
 * Lines of a MIME message read: postal-mime gathers each part line by line in a Blob, at
 * about 10 µs a line (half a second for these), so a 32 MiB message of empty lines would
 * take minutes. The longest mail of a whole kernel list (linux-leds, 23,200 mails) has 10,754.
 */
export const MAX_MESSAGE_LINES = 50_000;

/** The bytes up to the end of line `MAX_MESSAGE_LINES`, and a note when that cut anything. */
export function cutLines(bytes: Uint8Array): { bytes: Uint8Array; clamped: string[] } {
  let lines = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) {
    if (++lines === MAX_MESSAGE_LINES && index + 1 < bytes.length) {
      return { bytes: bytes.subarray(0, index + 1), clamped: [`message cut after ${MAX_MESSAGE_LINES} lines, of ${(bytes.length / 1024 ** 2).toFixed(1)} MiB`] };
    }
  }
  return { bytes, clamped: [] };
}

/** The fields of a parsed mail that bounds apply to. */
export type BoundedFields = Pick<ParsedMail, 'subject' | 'from' | 'to' | 'cc' | 'dateSent' | 'references' | 'attachments' | 'clamped'> & {
  body: MailBody;
};

function cutText(value: string, what: string, clamped: string[]): string {
  if (value.length <= MAX_FIELD_LENGTH) return value;
  clamped.push(`${what} cut to ${MAX_FIELD_LENGTH} of ${value.length} characters`);
  return value.slice(0, MAX_FIELD_LENGTH);
}

function cutAddress(address: Address, what: string, clamped: string[]): Address {
  return { name: cutText(address.name, `${what} name`, clamped), email: cutText(address.email, `${what} address`, clamped) };
}

function cutList<T>(list: T[], limit: number, what: string, clamped: string[]): T[] {
  if (list.length <= limit) return list;
  clamped.push(`${what}: kept ${limit} of ${list.length}`);
  return list.slice(0, limit);
}

/** The first id (the thread's root) and the last ones (the parent and its ancestors), which threading reads. */
function cutReferences(references: string[], clamped: string[]): string[] {
  if (references.length <= MAX_REFERENCES) return references;
  clamped.push(`References: kept the first and the last ${MAX_REFERENCES - 1} of ${references.length} ids`);
  return [references[0]!, ...references.slice(references.length - (MAX_REFERENCES - 1))];
}

/** The fields cut to the bounds above, with what was cut added to `clamped`. */
export function boundFields<T extends BoundedFields>(fields: T): T {
  const clamped = [...(fields.clamped ?? [])];
  const recipients = (list: Address[], what: string) => cutList(list, MAX_RECIPIENTS, what, clamped).map((address) => cutAddress(address, what, clamped));
  const bounded: T = {
    ...fields,
    subject: cutText(fields.subject, 'Subject', clamped),
    from: cutAddress(fields.from, 'From', clamped),
    to: recipients(fields.to, 'To'),
    cc: recipients(fields.cc, 'Cc'),
    dateSent: fields.dateSent === null ? null : cutText(fields.dateSent, 'Date', clamped),
    references: cutReferences(fields.references, clamped),
    attachments: cutList(fields.attachments, MAX_ATTACHMENTS, 'attachments listed', clamped).map((part) => ({
      ...part,
      filename: cutText(part.filename, 'attachment name', clamped),
      contentType: cutText(part.contentType, 'attachment type', clamped),
    })),
    body: {
      ...fields.body,
      inline: cutList(fields.body.inline, MAX_ATTACHMENTS, 'inline parts shown', clamped).map((part) => ({
        ...part,
        filename: cutText(part.filename, 'attachment name', clamped),
        contentType: cutText(part.contentType, 'attachment type', clamped),
      })),
    },
  };
  if (clamped.length > 0) bounded.clamped = clamped;
  else delete bounded.clamped;
  return bounded;
}
