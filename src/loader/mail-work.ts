/**
 * What the loader does with each new mail, on a worker thread or on the main one: parse it,
 * render its body, write both to the body cache, and hand back the record for the store.
 * Only plain data goes in and out, so a task and its outcome can cross between threads.
 */
import type { MailFormat } from '../ingest/types.ts';
import { parseMail } from '../parse/index.ts';
import { peekMessageId } from '../parse/message-id.ts';
import type { ParsedMail } from '../parse/types.ts';
import { archiveLinkTargets } from '../render/archive-links.ts';
import { renderBody, renderPlainBody, type PlainBody } from '../render/index.ts';
import { writeBody } from './cache.ts';
import { writeRawMail } from './raw-store.ts';
import { bodyIdPrefix, toRecord, type MailRecord } from './record.ts';

/** One mail to load: the raw mail's fields and its key. */
export interface MailTask {
  key: string;
  file: string;
  position: number;
  format: MailFormat;
  bytes: Uint8Array;
}

export type MailOutcome =
  | {
      kind: 'parsed';
      record: MailRecord;
      /** Why the renderer failed, when the body was written as plain text instead. */
      shownAsPlainText?: string;
    }
  | {
      kind: 'unreadable';
      messageId?: string;
      reason: string;
      /**
       * True when the parser itself refused the mail: the same bytes fail the same way under
       * the same parser, so the loader remembers it. Other failures (a full disk, a worker that
       * crashed) are tried again on the next build.
       */
      parserRefused: boolean;
    };

/** Parses, renders and caches one mail. Never throws: a mail that cannot be loaded is an `unreadable` outcome. */
export async function loadMail(task: MailTask): Promise<MailOutcome> {
  const raw = { file: task.file, position: task.position, format: task.format, bytes: Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength) };
  const unreadable = (error: unknown, parserRefused: boolean): MailOutcome => ({
    kind: 'unreadable',
    messageId: peekMessageId(raw.bytes) ?? undefined,
    reason: `unreadable mail: ${(error as Error).message}`,
    parserRefused,
  });
  let parsed: ParsedMail;
  try {
    parsed = await parseMail(raw);
  } catch (error) {
    return unreadable(error, true);
  }
  try {
    let shownAsPlainText: string | undefined;
    let plain: PlainBody | undefined;
    // A body the renderer cannot handle is still shown, as plain text (cut past the bounds), and said so.
    const html = await renderBody(parsed.body, { idPrefix: bodyIdPrefix(task.key) }).catch((error: Error) => {
      shownAsPlainText = error.message;
      plain = renderPlainBody(parsed.body);
      return plain.html;
    });
    const record = toRecord(raw, task.key, parsed, archiveLinkTargets(html));
    if (shownAsPlainText !== undefined) record.renderedPlain = shownAsPlainText;
    if (plain?.cut) record.bodyCut = plain.cut;
    // The raw mail before the body: a mail whose body is cached has its bytes kept too.
    writeRawMail(task.key, raw.bytes);
    writeBody(task.key, parsed.body, html);
    return { kind: 'parsed', record, shownAsPlainText };
  } catch (error) {
    return unreadable(error, false);
  }
}
