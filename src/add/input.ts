/**
 * What `npm run add` is given, framed into raw mails by the ingest stage, as the build would
 * frame the same bytes in the content folder: files of any kind it reads (.eml, mbox, mboxrd,
 * gzip, saved archive pages), maildir folders, and standard input.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { frameMail, listContentFiles, MAX_FILE_BYTES, readContentFile } from '../ingest/read.ts';
import type { IngestProblem, RawMail } from '../ingest/types.ts';

/** The name standard input goes by in the report. */
export const STANDARD_INPUT = 'standard input';

/** A message of an input, or what is wrong with it or with one of its messages; `source` names it in the report. */
export type InputItem = { source: string; raw: RawMail } | { source: string; problem: IngestProblem };

/** One file's messages and problems in file order, named by `label` (`list.mbox: message 2`, or `list.mbox` alone for a one-message file). */
function itemsOf(content: { mails: RawMail[]; problems: IngestProblem[] }, label: string): InputItem[] {
  const count = content.mails.length + content.problems.filter((problem) => problem.position !== undefined).length;
  const source = (position: number | undefined) => (position !== undefined && count > 1 ? `${label}: message ${position}` : label);
  const items = [
    ...content.problems.map((problem) => ({ at: problem.position ?? 0, item: { source: source(problem.position), problem: { ...problem, file: label } } })),
    ...content.mails.map((raw) => ({ at: raw.position, item: { source: source(raw.position), raw: { ...raw, file: label } } })),
  ];
  return items.sort((a, b) => a.at - b.at).map(({ item }) => item);
}

/** A maildir has a `cur/` or `new/` folder (not a link to one), as listContentFiles tells one. */
function isMaildir(folder: string): boolean {
  return ['cur', 'new'].some((sub) => lstatSync(join(folder, sub), { throwIfNoEntry: false })?.isDirectory() === true);
}

/** The messages of the files in a maildir's `cur/` and `new/` (not `tmp/`, where mail is still being delivered). */
function readMaildir(folder: string, label: string): InputItem[] {
  const files = listContentFiles(folder).filter((path) => /^(?:cur|new)\/[^/]+$/.test(path));
  return files.flatMap((file) => itemsOf(readContentFile(folder, file), `${label}/${file}`));
}

/**
 * Reads one file or maildir named on the command line; `label` names it in the report. A link
 * named there is followed, since its target is what the user means; inside a maildir, as in
 * the content folder, links are not.
 */
export function readPath(path: string, label: string): InputItem[] {
  const refused = (reason: string): InputItem[] => [{ source: label, problem: { file: label, reason } }];
  let real: string;
  try {
    real = realpathSync(path);
    if (statSync(real).isDirectory()) {
      return isMaildir(real) ? readMaildir(real, label) : refused('a folder, but not a maildir (it has no cur/ or new/ folder): name the files in it instead');
    }
  } catch (error) {
    return refused(`cannot read: ${(error as Error).message}`);
  }
  return itemsOf(readContentFile(dirname(real), basename(real)), label);
}

/** Reads standard input whole, up to the bound the build puts on a content file. */
export async function readStream(stream: AsyncIterable<Uint8Array>): Promise<InputItem[]> {
  const refused = (reason: string): InputItem[] => [{ source: STANDARD_INPUT, problem: { file: STANDARD_INPUT, reason } }];
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += chunk.length;
      if (size > MAX_FILE_BYTES) return refused(`too large (more than the ${MAX_FILE_BYTES / 1024 ** 2} MiB a content file may hold)`);
      chunks.push(chunk);
    }
  } catch (error) {
    return refused(`cannot read: ${(error as Error).message}`);
  }
  return itemsOf(frameMail(STANDARD_INPUT, Buffer.concat(chunks)), STANDARD_INPUT);
}
