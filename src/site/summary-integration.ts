import type { AstroIntegration } from 'astro';
import { readIngestReport } from '../loader/cache.ts';

/** Prints the build's closing summary: files read, messages found, pages written, mails skipped. */
export function buildSummary(): AstroIntegration {
  return {
    name: 'sheaf-build-summary',
    hooks: {
      'astro:build:done': ({ pages, logger }) => {
        const report = readIngestReport();
        const messagePages = pages.filter((page) => page.pathname.startsWith('m/')).length;
        if (!report) return logger.warn('no ingest report: the mail loader did not run');
        logger.info(
          `${report.files} files read, ${report.mails} messages found, ${messagePages} message pages written, ` +
            `${report.skipped.length} mails skipped`,
        );
      },
    },
  };
}
