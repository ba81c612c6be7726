/**
 * Sheaf's part of `astro build`: progress while pages are generated (Astro's own line per
 * page, 60,000 of them on a whole list, is folded into one progress line), each page's body
 * handed from the renderer to its file without copies through streams (page-render.ts), the files that
 * are not HTML pages placed beside them (placed-files.ts), the count of pages rendered and kept, the removal
 * of files an incremental build left behind, and the closing summary, also written to
 * `<cache>/last-build.json` for benchmarks.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroLoggerMessage, AstroPrerenderer } from 'astro';
import { reportLine, type ReportApi } from '../archive/api.ts';
import { cacheRoot, readIngestReport, type IngestReport } from '../loader/cache.ts';
import { sourceDigest } from '../loader/source-digest.ts';
import { Progress } from './progress.ts';
import { threadCounts } from './thread-counts.ts';
import { bodyOnceRenderer } from './page-render.ts';
import { placeFiles, publishedFiles } from './placed-files.ts';
import { removeStaleFiles } from './stale-files.ts';

/** What the last build did, for benchmarks and tools: `<cache>/last-build.json`. */
export interface BuildCounts {
  /** Mails found in the content files, identical copies included. */
  mails: number;
  parsed: number;
  reused: number;
  skipped: number;
  /** Pages (and other generated files: JSON, search index) rendered by this build. */
  pagesRendered: number;
  /** Kept from the last build, unchanged. */
  pagesReused: number;
  pages: number;
  /** Files of earlier builds removed from the output folder. */
  staleRemoved: number;
  /** Threads of the archive, and those whose pages' data and keys were kept from the last build (src/site/routes/thread-pages.ts); both 0 when no page's data was computed (nothing changed). */
  threads: number;
  threadsKept: number;
}

interface PageCounter {
  /** Astro's line per page is folded into the progress line (not with SHEAF_VERBOSE). */
  folding: boolean;
  progress: Progress | null;
  total: number;
  rendered: number;
}

/**
 * Folds Astro's line per generated page (`├─ /m/…/index.html` and then `(+2ms)` or
 * `(cached)`) into the progress line; every other message passes as it is. Pages are generated
 * several at a time, so a page's ending can come after other pages' starts: each start awaits one.
 * With SHEAF_VERBOSE set, nothing is folded.
 */
function foldPageLines(logger: AstroIntegrationLogger, counter: PageCounter): void {
  const { destination } = logger.options;
  let openPageLines = 0;
  logger.options.destination = {
    ...destination,
    write(chunk: AstroLoggerMessage) {
      if (chunk.label === null && !chunk.newLine && chunk.message.includes('├─')) {
        openPageLines++;
        counter.progress?.advance();
        return;
      }
      if (openPageLines > 0 && chunk.label === 'SKIP_FORMAT') {
        openPageLines--;
        return;
      }
      destination.write(chunk);
    },
  };
}

/** The default prerenderer, counting the paths it is given and the pages it renders. */
function countingPrerenderer(prerenderer: AstroPrerenderer, counter: PageCounter): AstroPrerenderer {
  return {
    ...prerenderer,
    name: `${prerenderer.name} (counted by sheaf)`,
    async getStaticPaths() {
      const paths = await prerenderer.getStaticPaths();
      counter.total = paths.length;
      // The page lines advance it; when they are shown as they are, they are the progress.
      if (counter.folding) counter.progress = new Progress('pages', paths.length);
      return paths;
    },
    render(request, options) {
      counter.rendered++;
      counter.progress?.count('rendered');
      return prerenderer.render(request, options);
    },
  };
}

/** The data contract's report of this build's output, or null when it was not written. */
function readReport(outDir: string): ReportApi | null {
  try {
    return JSON.parse(readFileSync(join(outDir, 'api', 'report.json'), 'utf8')) as ReportApi;
  } catch {
    return null;
  }
}

/** Every file this build wrote or kept, relative to the output folder. */
function outputsOf(dir: URL, assets: Map<string, URL[]>): Set<string> {
  const root = fileURLToPath(dir);
  return new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split(sep).join('/')));
}

/** Where the outputs of the last build into an output folder are listed (the cache may serve several). */
function outputsFile(outDir: string): string {
  return join(cacheRoot(), 'outputs', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

function readOutputs(outDir: string): string[] {
  const file = outputsFile(outDir);
  if (!existsSync(file)) return [];
  try {
    const outputs: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(outputs) ? outputs.filter((path): path is string => typeof path === 'string') : [];
  } catch {
    // A damaged list only means stale files of the last build may stay; the next build lists them again.
    return [];
  }
}

function writeOutputs(outDir: string, outputs: ReadonlySet<string>): void {
  const file = outputsFile(outDir);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify([...outputs].sort()));
  renameSync(`${file}.tmp`, file);
}

/** Where the route data reads the digest of its own code (src/site/site-routes.ts). */
const ROUTE_CODE = 'import.meta.env.SHEAF_ROUTE_CODE';

/**
 * The digest of the code that makes every page's data and key: the source of the route-data
 * module and of every module it imports, and the package versions. The bundled module itself
 * holds the content store's data too, so its bytes change with the mail.
 */
function routeCodeDigest(srcDir: URL, root: URL): string {
  return sourceDigest([], fileURLToPath(new URL('package-lock.json', root)), [fileURLToPath(new URL('site/site-routes.ts', srcDir))]);
}

export function sheafBuild(): AstroIntegration {
  const counter: PageCounter = { folding: false, progress: null, total: 0, rendered: 0 };
  let buildStarted = Date.now();
  return {
    name: 'sheaf-build',
    hooks: {
      'astro:config:setup': ({ config, logger, command, updateConfig }) => {
        counter.folding = command === 'build' && !process.env.SHEAF_VERBOSE;
        if (counter.folding) foldPageLines(logger, counter);
        updateConfig({ vite: { define: { [ROUTE_CODE]: JSON.stringify(routeCodeDigest(config.srcDir, config.root)) } } });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        buildStarted = Date.now();
        setPrerenderer((prerenderer) => countingPrerenderer(bodyOnceRenderer(prerenderer), counter));
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const pageLine = counter.progress?.finish();
        const outDir = fileURLToPath(dir);
        const outputs = outputsOf(dir, assets);
        // Every file that is not an HTML page, beside Astro's pages: counted as pages, written when their key is new there.
        const kinds = [...publishedFiles()];
        const placing = counter.folding ? new Progress('files beside the pages', kinds.reduce((sum, [, kind]) => sum + kind.files.length, 0)) : null;
        for (const [name, kind] of kinds) {
          const placed = await placeFiles(outDir, name, kind, `${outputsFile(outDir).slice(0, -'.json'.length)}.${name}.json`, (written) => placing?.advance(1, written ? 'written' : 'kept'));
          for (const path of placed.paths) outputs.add(path);
          counter.total += placed.paths.length;
          counter.rendered += placed.written;
        }
        const placedLine = placing?.finish();
        const staleRemoved = removeStaleFiles(outDir, readOutputs(outDir), outputs, buildStarted);
        writeOutputs(outDir, outputs);
        let ingest: IngestReport | null;
        try {
          ingest = readIngestReport();
        } catch (error) {
          return logger.warn((error as Error).message);
        }
        if (!ingest) return logger.warn('no ingest report: the mail loader did not run');
        const threads = threadCounts();
        const counts: BuildCounts = {
          mails: ingest.mails,
          parsed: ingest.parsed,
          reused: ingest.reused,
          skipped: ingest.skipped.length,
          pagesRendered: counter.rendered,
          pagesReused: counter.total - counter.rendered,
          pages: counter.total,
          staleRemoved,
          threads: threads.threads,
          threadsKept: threads.kept,
        };
        mkdirSync(cacheRoot(), { recursive: true });
        writeFileSync(join(cacheRoot(), 'last-build.json'), `${JSON.stringify(counts, null, 2)}\n`);
        if (pageLine) logger.info(pageLine);
        if (placedLine) logger.info(placedLine);
        // The archive's own accounting, as report.json gives it, so the log and the data agree.
        const report = readReport(outDir);
        // One line for each mail the archive shows otherwise than its headers say (the loader printed the skipped ones).
        for (const problem of report?.problems ?? []) logger.warn(`<${problem.messageId}>: ${problem.reason}`);
        logger.info(
          `${report ? reportLine(report) : `${ingest.files} files read, ${ingest.mails} mails found`}; ` +
            `pages: ${counts.pagesRendered} rendered, ${counts.pagesReused} reused` +
            (staleRemoved > 0 ? `, ${staleRemoved} stale files removed` : ''),
        );
      },
    },
  };
}
