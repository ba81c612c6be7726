/**
 * Reads the content folder: lists its files and cuts each into raw messages.
 * Nothing here throws for bad input; every file yields messages, problems, or both.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detectFileKind } from './detect.ts';
import { splitMbox } from './mbox.ts';
import type { IngestProblem, MailFormat, RawMail } from './types.ts';

/** Larger files are refused rather than read whole into memory. */
export const MAX_FILE_BYTES = 1024 ** 3;
/** Larger messages are refused: no patch mail comes near, and MIME parsing is not free. */
export const MAX_MESSAGE_BYTES = 32 * 1024 ** 2;

export interface ContentFile {
  /** Path relative to the content folder, `/`-separated: stable across machines. */
  file: string;
  mails: RawMail[];
  problems: IngestProblem[];
}

/**
 * Every file under `root`, recursively, sorted. Hidden files and folders and maildir
 * `tmp/` folders (mail still being delivered) are left out. Symbolic links are listed but
 * never followed (`readContentFile` skips them with a reason), so a link cannot lead the
 * build out of the content folder, nor a link loop hang it.
 */
export function listContentFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const isMaildir = entries.some((e) => e.isDirectory() && (e.name === 'cur' || e.name === 'new'));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(isMaildir && entry.name === 'tmp')) visit(path);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  visit(root);
  return files;
}

function isInMaildir(file: string): boolean {
  return /(?:^|\/)(?:cur|new)\/[^/]+$/.test(file);
}

function sizeProblem(file: string, bytes: number, limit: number, position?: number): IngestProblem {
  const mib = (n: number) => (n / 1024 ** 2).toFixed(1);
  return { file, position, reason: `too large (${mib(bytes)} MiB, the limit is ${mib(limit)} MiB)` };
}

/** Frames the bytes of one file as messages, unpacking gzip first. */
export function frameMail(file: string, bytes: Buffer): Omit<ContentFile, 'file'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // UTF-8 byte order mark
  const kind = detectFileKind(bytes);
  if (kind === 'gzip') {
    let unpacked: Buffer;
    try {
      unpacked = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
    } catch (error) {
      return { mails: [], problems: [{ file, reason: `cannot unpack gzip: ${(error as Error).message}` }] };
    }
    if (detectFileKind(unpacked) === 'gzip') return { mails: [], problems: [{ file, reason: 'gzip inside gzip' }] };
    return frameMail(file, unpacked);
  }
  if (kind === 'unknown') {
    return {
      mails: [],
      problems: [{ file, reason: 'not mail: no mbox "From " line, no message headers, no archive page layout' }],
    };
  }
  const framed: { format: MailFormat; bytes: Buffer }[] = [];
  if (kind === 'mbox') {
    const split = splitMbox(bytes);
    for (const message of split.messages) framed.push({ format: split.variant, bytes: message });
  } else {
    const format: MailFormat = kind === 'message' ? (isInMaildir(file) ? 'maildir' : 'eml') : kind;
    framed.push({ format, bytes });
  }
  const mails: RawMail[] = [];
  const problems: IngestProblem[] = [];
  framed.forEach(({ format, bytes: message }, index) => {
    const position = index + 1;
    if (message.length > MAX_MESSAGE_BYTES) problems.push(sizeProblem(file, message.length, MAX_MESSAGE_BYTES, position));
    else mails.push({ file, position, format, bytes: message });
  });
  return { mails, problems };
}

const NOT_FOLLOWED = 'symbolic link: not followed (content is read only from regular files inside the content folder)';

/** Why `file` (relative to `root`) is not a path to a regular file inside it, or null: no `..`, no symbolic link on the way. */
function pathProblem(root: string, file: string): string | null {
  const parts = file.split('/');
  if (parts.some((part) => part === '..' || part === '')) return 'outside the content folder';
  let path = root;
  for (const part of parts.slice(0, -1)) {
    path = join(path, part);
    if (lstatSync(path).isSymbolicLink()) return NOT_FOLLOWED;
  }
  return null;
}

/** Reads one content file (`file` relative to `root`, `/`-separated) into raw messages; links are skipped with a reason. */
export function readContentFile(root: string, file: string): ContentFile {
  const skipped = (reason: string): ContentFile => ({ file, mails: [], problems: [{ file, reason }] });
  let fd: number | undefined;
  try {
    const problem = pathProblem(root, file);
    if (problem) return skipped(problem);
    // O_NOFOLLOW: a link put in the file's place after listing is refused too (ELOOP).
    fd = openSync(join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return skipped('not a regular file');
    if (stats.size > MAX_FILE_BYTES) return { file, mails: [], problems: [sizeProblem(file, stats.size, MAX_FILE_BYTES)] };
    return { file, ...frameMail(file, readFileSync(fd)) };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return skipped(code === 'ELOOP' ? NOT_FOLLOWED : `cannot read: ${message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
