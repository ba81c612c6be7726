/**
 * The Content Layer loader: reads the content folder and keeps one store entry per
 * distinct mail, its body parsed and rendered once into the body cache. Each entry's
 * digest covers the raw bytes, the parser's and renderer's source and dependency versions and the mail's place on disk, so a rebuild parses only new or changed mail; a mail that
 * only moved within its file (another was added before it) is updated without parsing.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listContentFiles, readContentFile } from '../ingest/read.ts';
import { describeProblem, type IngestProblem } from '../ingest/types.ts';
import { parseMail } from '../parse/index.ts';
import { peekMessageId } from '../parse/message-id.ts';
import { hasBody, writeBody, writeIngestReport, type IngestReport } from './cache.ts';
import { renderBody, renderPlainBody } from '../render/index.ts';
import type { ParsedMail } from '../parse/types.ts';
import type { RawMail } from '../ingest/types.ts';
import { archiveLinkTargets } from '../render/archive-links.ts';
import { bodyIdPrefix, mailKey, toRecord } from './record.ts';
import { sourceDigest } from './source-digest.ts';

export interface MailLoaderOptions {
  /** The content folder, or a single mail file. */
  contentPath: string;
}

/** The folder to read and the files in it; a single file is its own folder's only file. */
function contentFiles(contentPath: string): { root: string; files: string[] } {
  const path = resolve(contentPath);
  if (statSync(path).isFile()) return { root: dirname(path), files: [basename(path)] };
  return { root: path, files: listContentFiles(path) };
}


async function load({ store, logger, generateDigest, config }: LoaderContext, options: MailLoaderOptions): Promise<void> {
  const parserDigest = sourceDigest(
    ['ingest/', 'parse/', 'render/', 'loader/'].map((folder) => fileURLToPath(new URL(folder, config.srcDir))),
    fileURLToPath(new URL('package-lock.json', config.root)),
  );
  const { root, files } = contentFiles(options.contentPath);
  const report: IngestReport = {
    contentRoot: root, files: files.length, mails: 0, parsed: 0, reused: 0, renderedPlain: 0, identicalCopies: 0, skipped: [],
  };
  const skip = (problem: IngestProblem) => {
    report.skipped.push(problem);
    logger.warn(describeProblem(problem));
  };
  const seen = new Set<string>();
  // A body the renderer cannot handle is still shown, as plain text, and said so.
  const render = (raw: RawMail, key: string, parsed: ParsedMail) =>
    renderBody(parsed.body, { idPrefix: bodyIdPrefix(key) }).catch((error: Error) => {
      report.renderedPlain++;
      logger.warn(`${raw.file}: message ${raw.position}: <${parsed.messageId}>: shown as plain text: ${error.message}`);
      return renderPlainBody(parsed.body);
    });

  for (const file of files) {
    const content = readContentFile(root, file);
    content.problems.forEach(skip);
    for (const raw of content.mails) {
      report.mails++;
      const key = mailKey(raw);
      if (seen.has(key)) {
        report.identicalCopies++;
        continue;
      }
      seen.add(key);
      // The parser's digest leads, so a stored entry tells whether this parser made it.
      const digest = `${parserDigest}-${generateDigest(`${key}\0${raw.file}\0${raw.position}`)}`;
      const stored = store.get(key);
      if (stored?.digest?.toString().startsWith(`${parserDigest}-`) && hasBody(key)) {
        report.reused++;
        if (stored.digest !== digest) store.set({ id: key, data: { ...stored.data, file: raw.file, position: raw.position }, digest });
        continue;
      }
      try {
        const parsed = await parseMail(raw);
        const html = await render(raw, key, parsed);
        const record = toRecord(raw, key, parsed, archiveLinkTargets(html));
        writeBody(key, parsed.body, html);
        report.parsed++;
        store.set({ id: key, data: record as unknown as Record<string, unknown>, digest });
      } catch (error) {
        const messageId = peekMessageId(raw.bytes) ?? undefined;
        skip({ file: raw.file, position: raw.position, messageId, reason: `unreadable mail: ${(error as Error).message}` });
      }
    }
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  writeIngestReport(report);
  logger.info(
    `${report.files} files read, ${report.mails} mails found: ${report.parsed} parsed, ${report.reused} reused, ` +
      `${report.identicalCopies} identical copies, ${report.skipped.length} skipped`,
  );
}

/** Creates the loader for the mail collection. */
export function mailLoader(options: MailLoaderOptions): Loader {
  return { name: 'sheaf-mail-loader', load: (context) => load(context, options) };
}
