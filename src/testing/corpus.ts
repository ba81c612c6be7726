/**
 * Test support: loads mail from a folder or file the way the build does, without Astro
 * and without touching the build cache. Tests read the shared corpus in place.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import type { IngestProblem } from '../ingest/types.ts';
import { mailKey, toRecord, type MailRecord } from '../loader/record.ts';
import { parseMail } from '../parse/index.ts';
import type { MailBody } from '../parse/types.ts';
import { markBody } from '../render/index.ts';

/** `../shared/corpus/<path>` beside the checkout. */
export function corpusPath(path = ''): string {
  return resolve(fileURLToPath(new URL('../../../shared/corpus/', import.meta.url)), path);
}

export interface LoadedMail {
  records: MailRecord[];
  bodies: Map<string, MailBody>;
  problems: IngestProblem[];
  /** Mails whose bytes repeat one already read, as the loader counts them. */
  identicalCopies: { file: string; position: number }[];
}

/** Reads, frames and parses every mail under `path` (a folder or one file). */
export async function loadMail(path: string): Promise<LoadedMail> {
  const isFile = statSync(path).isFile();
  const root = isFile ? dirname(path) : path;
  const files = isFile ? [basename(path)] : listContentFiles(path);
  const loaded: LoadedMail = { records: [], bodies: new Map(), problems: [], identicalCopies: [] };
  for (const file of files) {
    const content = readContentFile(root, file);
    loaded.problems.push(...content.problems);
    for (const raw of content.mails) {
      const key = mailKey(raw);
      if (loaded.bodies.has(key)) {
        loaded.identicalCopies.push({ file, position: raw.position });
        continue;
      }
      try {
        const parsed = await parseMail(raw);
        // Bodies are only marked here, not rendered, so no link targets are known.
        loaded.records.push(toRecord(raw, key, parsed, { links: { messageIds: [], attributionDepths: [] }, marked: markBody(parsed.body), bodyFiles: { json: 0, html: 0 } }));
        loaded.bodies.set(key, parsed.body);
      } catch (error) {
        loaded.problems.push({ file, position: raw.position, reason: (error as Error).message });
      }
    }
  }
  return loaded;
}
