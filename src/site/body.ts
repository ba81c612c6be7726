/** A message body as its page shows it: the cached rendering, its addresses shown as the archive shows them, and links into the archive resolved. */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { CacheError, readRenderedBody } from '../loader/cache.ts';
import { resolveFileLinks } from '../render/file-links.ts';
import { resolveArchiveLinks } from '../render/index.ts';
import { maskedBody } from './addresses.ts';
import type { BodyView } from './routes/message-page.ts';

/** What a page shows when the cached rendering went missing or was damaged after the mail was loaded. */
const UNAVAILABLE = toHtml(h('p.notice', 'The body of this message could not be read from the build cache; the next build reads the mail again.'));

export function bodyHtml(body: BodyView): string {
  let html: string;
  try {
    html = readRenderedBody(body.key);
  } catch (error) {
    if (error instanceof CacheError) return UNAVAILABLE;
    throw error;
  }
  // Before the archive's links go in: their paths hold Message-IDs, and the markup's own ids are kept by name.
  html = maskedBody(html, body.masking);
  const messageUrls = new Map(body.messageUrls);
  const quotedUrls = new Map(body.quotedUrls);
  html = resolveArchiveLinks(html, {
    messageUrl: (id) => messageUrls.get(id),
    quotedMessageUrl: (depth) => quotedUrls.get(depth),
  });
  const fileUrls = new Map(body.fileUrls ?? []);
  return fileUrls.size === 0 ? html : resolveFileLinks(html, (path) => fileUrls.get(path));
}
