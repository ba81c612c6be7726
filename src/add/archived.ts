/**
 * Which mails the content folder holds now, by id, found with the build's own ingest and parse
 * code. Parsing a whole list (72 s for linux-leds' 23,200 mails on one core) is not needed to
 * answer for a few ids: a MIME message's Message-ID is read from its header block alone, which
 * costs a tenth of that; only a mail whose header names a wanted id, or names none (its id is
 * then its content's), is parsed whole, to know it is one the build shows and not one it refuses.
 */
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import type { RawMail } from '../ingest/types.ts';
import { parseMail } from '../parse/index.ts';
import { parseMime } from '../parse/mime.ts';
import { Progress } from '../build/progress.ts';
import { isArchivePage } from './file-name.ts';

export interface ArchivedIds {
  /** Each wanted id the content folder holds, and the first file (relative to it) holding it. */
  found: Map<string, string>;
  files: number;
  mails: number;
}

/**
 * The header block of a MIME message and the blank line after it, cut where postal-mime ends
 * it: at the first line holding nothing but carriage returns. Parsed alone it gives the
 * message's top-level header fields exactly (parseMime cuts both to the same line bound).
 */
export function headerBlock(bytes: Buffer): Buffer {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    let blank = true;
    for (let index = start; index < end && blank; index++) blank = bytes[index] === 0x0d;
    if (blank || newline === -1) return bytes.subarray(0, newline === -1 ? bytes.length : newline + 1);
    start = newline + 1;
  }
  return bytes;
}

/** The id the build gives a mail, or null when the build refuses it. */
async function buildId(raw: RawMail): Promise<string | null> {
  try {
    return (await parseMail(raw)).messageId;
  } catch {
    return null;
  }
}

/** The mail's id if it may be one of `wanted`; null when it cannot be (or the build refuses the mail). */
async function wantedId(raw: RawMail, wanted: ReadonlySet<string>): Promise<string | null> {
  if (isArchivePage(raw.format)) return buildId(raw);
  let headerId: string | null;
  try {
    headerId = (await parseMime(headerBlock(raw.bytes))).messageId;
  } catch {
    return null; // what breaks the header breaks the whole mail: the build refuses it too
  }
  if (headerId !== null && !wanted.has(headerId)) return null;
  return buildId(raw);
}

/** Which of `wanted` the content folder at `root` holds; a missing folder holds none. Progress goes to `progress` (standard error by default). */
export async function findArchived(root: string, wanted: ReadonlySet<string>, progress?: { write(text: string): unknown; isTTY?: boolean }): Promise<ArchivedIds> {
  const archived: ArchivedIds = { found: new Map(), files: 0, mails: 0 };
  let files: string[];
  try {
    files = listContentFiles(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return archived;
    throw error;
  }
  const checking = new Progress('content files checked', files.length, { stream: progress });
  for (const file of files) {
    for (const raw of readContentFile(root, file).mails) {
      const id = await wantedId(raw, wanted);
      if (id !== null && wanted.has(id) && !archived.found.has(id)) archived.found.set(id, file);
      archived.mails++;
      checking.count('mails');
      checking.advance(0); // prints the count now and then while one large mbox is read
    }
    archived.files++;
    checking.advance(1);
  }
  checking.finish();
  return archived;
}
