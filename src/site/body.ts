/** A message body as its page shows it: the cached rendering, with links into the archive resolved. */
import type { ReviewArchive } from '../archive/index.ts';
import { ancestorsOf } from '../archive/thread.ts';
import { readRenderedBody } from '../loader/cache.ts';
import type { MailRecord } from '../loader/record.ts';
import { resolveArchiveLinks } from '../render/index.ts';

export function bodyHtml(mail: MailRecord, review: ReviewArchive): string {
  const node = review.nodes.get(mail.messageId);
  // Quote depth N is the text of the Nth ancestor: depth 1 the parent, depth 2 its parent.
  const ancestors = node ? ancestorsOf(node) : [];
  return resolveArchiveLinks(readRenderedBody(mail.key), {
    messageUrl: (id) => review.archive.byId.get(id)?.url,
    quotedMessageUrl: (depth) => ancestors[depth - 1]?.message?.url,
  });
}
