/**
 * Writes new files into the content folder: whole or not at all, never over a file that is
 * there, never outside the folder.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { MailFileName } from './file-name.ts';

/** `-2` … `-999`: past that, something is wrong with the folder, not with the name. */
const MAX_SUFFIX = 999;
/** What file-name.ts makes names of: no dot, so no `..`, no hidden name, no second extension. */
const SAFE_PART = /^[a-z0-9][a-z0-9-]*$/;

/** The content folder and each of `folders` under it, made when missing; a link or file in their place is refused, since the build would not read through it. */
function ensureFolders(root: string, folders: string[]): string {
  mkdirSync(root, { recursive: true });
  let path = root;
  for (const folder of folders) {
    path = join(path, folder);
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!lstatSync(path).isDirectory()) throw new Error(`${path} is not a folder (a file or a symbolic link is in its place)`);
  }
  return path;
}

function writeWhole(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `bytes` under `root` as `name`, or as `<stem>-2`, `-3` … when that is taken, and
 * returns the path. The bytes go to a hidden temporary file first (the build skips hidden
 * files), which is then hard-linked to its name: unlike a rename, a link fails on a name that
 * exists, so a file that appeared meanwhile (another `add`) is never replaced.
 */
export function writeNewFile(root: string, name: MailFileName, bytes: Uint8Array): string {
  const unsafe = [...name.folders, name.stem].find((part) => !SAFE_PART.test(part));
  if (unsafe !== undefined) throw new Error(`not a safe file name: ${JSON.stringify(unsafe)}`);
  const folder = ensureFolders(root, name.folders);
  const temporary = join(folder, `.${name.stem}.${randomUUID()}.tmp`);
  writeWhole(temporary, bytes);
  try {
    for (let suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
      const path = join(folder, `${name.stem}${suffix === 1 ? '' : `-${suffix}`}${name.extension}`);
      try {
        linkSync(temporary, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`${join(folder, name.stem)}${name.extension} and its ${MAX_SUFFIX - 1} numbered variants are all taken`);
  } finally {
    rmSync(temporary, { force: true });
  }
}
