/**
 * What the loader does with each new mail, on a worker thread or on the main one: parse it,
 * render its body, read the record's body facts from the tree the rendering marked, write the
 * body and its HTML to the body cache, and hand back the record for the store.
 * Only plain data goes in and out, so a task and its outcome can cross between threads.
 */
import type { Root } from 'mdast';
import type { MailFormat } from '../ingest/types.ts';
import { parseMail } from '../parse/index.ts';
import { peekMessageId } from '../parse/message-id.ts';
import type { MailBody, ParsedMail } from '../parse/types.ts';
import { archiveLinkTargets } from '../render/archive-links.ts';
import { markBody, renderBodyFile, renderPlainBody } from '../render/index.ts';
import { writeBody } from './cache.ts';
import { writeRawMail } from './raw-store.ts';
import { bodyTerms, writeSearchTerms } from './search-terms-store.ts';
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

/** A body as its page shows it, and as the review reads it. */
interface RenderedBody {
  html: string;
  /** The body as the render plugins marked it. */
  marked: Root;
  /** Where a bound of the renderer cut its work (`rule: reason`). */
  notes: string[];
  /** Why it is shown as plain text, and how that text was cut. */
  shownAsPlainText?: string;
  cut?: string | null;
}

/**
 * The marked tree of a body the renderer could not show marked up (too large, or a failure):
 * the review still reads its diff and trailers. A body the plugins cannot read at all has none.
 */
function markedForReview(body: MailBody): Root {
  try {
    return markBody(body);
  } catch {
    return { type: 'root', children: [] };
  }
}

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
    // A body the renderer cannot handle is still shown, as plain text (cut past the bounds), and said so.
    const body = await renderBodyFile(parsed.body, { idPrefix: bodyIdPrefix(task.key) }).then(
      (file): RenderedBody => ({ html: String(file.value), marked: file.data.marked ?? markedForReview(parsed.body), notes: file.messages.map((message) => `${message.ruleId}: ${message.reason}`) }),
      (error: Error): RenderedBody => ({ ...renderPlainBody(parsed.body), marked: markedForReview(parsed.body), notes: [], shownAsPlainText: error.message }),
    );
    // The raw mail before the body: a mail whose body is cached has its bytes kept too.
    writeRawMail(task.key, raw.bytes);
    writeSearchTerms(task.key, bodyTerms(parsed.body, body.shownAsPlainText === undefined ? body.marked : undefined));
    const bodyFiles = writeBody(task.key, parsed.body, body.html);
    const record = toRecord(raw, task.key, parsed, { links: archiveLinkTargets(body.html), marked: body.marked, bodyFiles });
    if (body.shownAsPlainText !== undefined) record.renderedPlain = body.shownAsPlainText;
    if (body.cut) record.bodyCut = body.cut;
    if (body.notes.length > 0) record.renderNotes = body.notes;
    return { kind: 'parsed', record, shownAsPlainText: body.shownAsPlainText };
  } catch (error) {
    return unreadable(error, false);
  }
}
