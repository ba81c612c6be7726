/**
 * `npm run add`: files mail into the content folder, one file per message, named by date and
 * subject, skipping what the folder holds already. Each message is judged on its own: the
 * good ones of an input are filed even when others in it are refused, and the report says
 * which is which (the command then exits 1).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { frameMail } from '../ingest/read.ts';
import type { RawMail } from '../ingest/types.ts';
import { parseMail, type ParsedMail } from '../parse/index.ts';
import { findArchived } from './archived.ts';
import { mailFileName, standaloneFormat, type MailFileName } from './file-name.ts';
import { readPath, readStream, STANDARD_INPUT, type InputItem } from './input.ts';
import { writeNewFile } from './write.ts';

export interface AddOptions {
  /** The content folder; made when missing. */
  contentRoot: string;
  /** Files and maildir folders, `-` for standard input. */
  inputs: string[];
  /** What relative inputs are relative to (default: the working directory). */
  cwd?: string;
  stdin?: AsyncIterable<Uint8Array>;
  /** Where the progress of checking the content folder goes (default: standard error). */
  progress?: { write(text: string): unknown; isTTY?: boolean };
}

/** What became of one message, or of an input that yielded none. `source` names it: `list.mbox: message 2`. */
export type AddOutcome =
  | { kind: 'added'; source: string; messageId: string; path: string }
  /** `path`: the content file that holds the mail already. */
  | { kind: 'skipped'; source: string; messageId?: string; reason: string; path?: string }
  | { kind: 'refused'; source: string; messageId?: string; reason: string };

export interface AddReport {
  /** In the order of the inputs and of the messages in each. */
  outcomes: AddOutcome[];
  /** What was read of the content folder to find mail it holds: null when nothing needed checking. */
  checked: { files: number; mails: number; seconds: number } | null;
}

/** A message that passed every check, waiting to be compared with the content folder. */
interface Candidate {
  source: string;
  raw: RawMail;
  messageId: string;
  name: MailFileName;
}

/**
 * Why a Message-ID is refused, or null. An id is `left@right` (RFC 5322); one that reads as a
 * path (`<../../../etc/passwd>`) is an attack on tools that name files after ids, whatever it
 * would do here (ids never name files in Sheaf).
 */
export function messageIdProblem(id: string): string | null {
  if (id.startsWith('/') || id.startsWith('\\') || id.split(/[/\\]/).includes('..')) return 'reads as a file path (a leading / or a .. part)';
  if (id.indexOf('@') <= 0 || id.lastIndexOf('@') === id.length - 1) return 'not a Message-ID of the form left@right';
  return null;
}

/** Why these bytes, in a file of their own, would not be read back as this same mail, or null. */
function refilingProblem(raw: RawMail, name: MailFileName): string | null {
  const again = frameMail(`${name.stem}${name.extension}`, raw.bytes);
  const [mail] = again.mails;
  const same = again.problems.length === 0 && again.mails.length === 1 && mail !== undefined;
  if (same && mail.format === standaloneFormat(raw.format) && mail.bytes.equals(raw.bytes)) return null;
  const seen = again.problems[0]?.reason ?? `framed as ${again.mails.map((framed) => framed.format).join(' + ')}, changed`;
  return `does not stand alone: in a file of its own the build would not read it as this mail (${seen})`;
}

async function readInput(path: string, options: AddOptions, stdinTaken: boolean): Promise<InputItem[]> {
  if (path !== '-') return readPath(resolve(options.cwd ?? process.cwd(), path), path);
  if (stdinTaken || !options.stdin) {
    return [{ source: STANDARD_INPUT, problem: { file: STANDARD_INPUT, reason: stdinTaken ? 'named twice' : 'not available' } }];
  }
  return readStream(options.stdin);
}

/** Parses and checks one message: a candidate to file, or why it is refused. */
async function check(raw: RawMail, source: string): Promise<Candidate | AddOutcome> {
  let mail: ParsedMail;
  try {
    mail = await parseMail(raw);
  } catch (error) {
    return { kind: 'refused', source, reason: `unreadable mail: ${(error as Error).message}` };
  }
  const { messageId } = mail;
  const idProblem = mail.idSource === 'header' ? messageIdProblem(messageId) : null;
  if (idProblem) return { kind: 'refused', source, messageId, reason: `bad Message-ID: ${idProblem}` };
  // The build would show such a mail cut; filing it would archive less than was given.
  if (mail.clamped) return { kind: 'refused', source, messageId, reason: `past the build's bounds, so it would be shown cut: ${mail.clamped.join('; ')}` };
  const name = mailFileName(mail, raw.format);
  const problem = refilingProblem(raw, name);
  if (problem) return { kind: 'refused', source, messageId, reason: problem };
  return { source, raw, messageId, name };
}

/** Files the messages of `inputs` into the content folder. Throws only when the content folder is not a folder. */
export async function addMail(options: AddOptions): Promise<AddReport> {
  const root = options.contentRoot;
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory() === false) throw new Error(`the content folder ${root} is not a folder: mail is added to a folder`);
  // Each slot is an outcome, or a candidate whose outcome waits on the content folder.
  const slots: Array<AddOutcome | Candidate> = [];
  const firstSource = new Map<string, string>();
  let stdinTaken = false;
  for (const path of options.inputs) {
    const items = await readInput(path, options, stdinTaken);
    stdinTaken ||= path === '-';
    if (items.length === 0) slots.push({ kind: 'skipped', source: path, reason: 'no mail in it' });
    for (const item of items) {
      const { source } = item;
      if ('problem' in item) {
        slots.push({ kind: 'refused', source, messageId: item.problem.messageId, reason: item.problem.reason });
        continue;
      }
      const checked = await check(item.raw, source);
      if ('kind' in checked) {
        slots.push(checked);
        continue;
      }
      const { messageId } = checked;
      const earlier = firstSource.get(messageId);
      if (earlier !== undefined) slots.push({ kind: 'skipped', source, messageId, reason: `given twice: the same Message-ID as ${earlier}` });
      else {
        firstSource.set(messageId, source);
        slots.push(checked);
      }
    }
  }

  let checked: AddReport['checked'] = null;
  let archived = new Map<string, string>();
  if (firstSource.size > 0) {
    const started = performance.now();
    const found = await findArchived(root, new Set(firstSource.keys()), options.progress);
    archived = found.found;
    checked = { files: found.files, mails: found.mails, seconds: (performance.now() - started) / 1000 };
  }
  const outcomes = slots.map((slot): AddOutcome => {
    if ('kind' in slot) return slot;
    const { source, messageId, raw, name } = slot;
    const holder = archived.get(messageId);
    if (holder !== undefined) return { kind: 'skipped', source, messageId, reason: 'already archived', path: join(root, holder) };
    try {
      return { kind: 'added', source, messageId, path: writeNewFile(root, name, raw.bytes) };
    } catch (error) {
      return { kind: 'refused', source, messageId, reason: `cannot write: ${(error as Error).message}` };
    }
  });
  return { outcomes, checked };
}
