/** A message body as its page shows it: the cached rendering, with links into the archive resolved. */
import { readRenderedBody } from '../loader/cache.ts';
import { resolveArchiveLinks } from '../render/index.ts';
import type { BodyView } from './routes/message-page.ts';

export function bodyHtml(body: BodyView): string {
  const messageUrls = new Map(body.messageUrls);
  const quotedUrls = new Map(body.quotedUrls);
  return resolveArchiveLinks(readRenderedBody(body.key), {
    messageUrl: (id) => messageUrls.get(id),
    quotedMessageUrl: (depth) => quotedUrls.get(depth),
  });
}
