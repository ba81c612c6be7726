/**
 * The page-time pass over a rendered body: links that depend on what the archive holds. The
 * body's HTML is cached per mail and cannot know that; this pass is a single regular
 * expression over the markup `renderBody` makes (see docs/markup.md), cheap enough for every
 * page render.
 */

/** What the archive knows, for `resolveArchiveLinks`. */
export interface ArchiveLookup {
  /** The archive's page of a message, or undefined when the archive does not hold it. */
  messageUrl(id: string): string | undefined;
  /** The page of the message quoted at `depth` (1: the message replied to, 2: the one it replied to…). */
  quotedMessageUrl?(depth: number): string | undefined;
}

const MARKED =
  /<a class="msgid" data-msgid="([^"]*)" href="[^"]*"(?: rel="[^"]*")?>|<span class="msgid" data-msgid="([^"]*)">([^<]*)<\/span>|<figcaption class="attribution" data-depth="(\d+)">([^<]*)<\/figcaption>/g;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };

/** Reads the character references hast-util-to-html writes in attribute values. */
export function unescapeAttribute(value: string): string {
  return value.replace(/&(?:#x([\da-f]+)|#(\d+)|(\w+));/gi, (reference, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number(decimal));
    return ENTITIES[name!.toLowerCase()] ?? reference;
  });
}

/** An attribute value, escaped for markup. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What a rendered body can link to once the archive is known: the Message-IDs it names and the quote depths it attributes. */
export interface ArchiveLinkTargets {
  messageIds: string[];
  attributionDepths: number[];
}

/** At most this many distinct Message-IDs per body are resolved against the archive; the rest stay as written. */
export const MAX_LINKED_IDS = 500;

/**
 * The Message-IDs and attribution depths in a rendered body, in order of first appearance,
 * so a page's data (and its incremental-build key) can name what its links depend on
 * without reading the body's HTML.
 */
export function archiveLinkTargets(html: string): ArchiveLinkTargets {
  const messageIds = new Set<string>();
  const attributionDepths = new Set<number>();
  for (const [, linkId, refId, , depth] of html.matchAll(MARKED)) {
    const id = linkId ?? refId;
    if (id !== undefined) {
      if (messageIds.size < MAX_LINKED_IDS) messageIds.add(unescapeAttribute(id));
    } else attributionDepths.add(Number(depth));
  }
  return { messageIds: [...messageIds], attributionDepths: [...attributionDepths] };
}

/**
 * Points Message-ID references and lore-style links of a rendered body at the archive's own
 * pages when it holds the message, and links each attribution to the page of the message it
 * quotes. Everything else is left as it was: an external URL keeps pointing outside, a bare
 * `<id>` the archive lacks stays text.
 */
export function resolveArchiveLinks(html: string, lookup: ArchiveLookup): string {
  return html.replace(MARKED, (markup, linkId?: string, refId?: string, refText?: string, depth?: string, attribution?: string) => {
    if (linkId !== undefined) {
      const url = lookup.messageUrl(unescapeAttribute(linkId));
      return url === undefined ? markup : `<a class="msgid" data-msgid="${linkId}" href="${escapeAttribute(url)}">`;
    }
    if (refId !== undefined) {
      const url = lookup.messageUrl(unescapeAttribute(refId));
      return url === undefined ? markup : `<a class="msgid" data-msgid="${refId}" href="${escapeAttribute(url)}">${refText}</a>`;
    }
    const url = lookup.quotedMessageUrl?.(Number(depth));
    return url === undefined ? markup : `<figcaption class="attribution" data-depth="${depth}"><a href="${escapeAttribute(url)}">${attribution}</a></figcaption>`;
  });
}
