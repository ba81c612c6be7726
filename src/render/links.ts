/**
 * Marks links in running text (paragraphs, trailers, signatures, pull requests): URLs with an
 * http, https, git or ftp scheme, and Message-IDs written as `<id@host>`. A lore.kernel.org,
 * lkml.kernel.org or patch.msgid.link URL carries the Message-ID it points at, so the page can
 * point it at the archive's own copy (see `resolveArchiveLinks`).
 */
import type { Link, PhrasingContent, Root } from 'mdast';
import type { Transformer } from 'unified';
import { blocks } from './lines.ts';
import type { MessageRef } from './types.ts';

/** A URL, or `<local@domain>`. The URL stops at white space, quotes and angle brackets. */
const TOKEN = /\b(?:https?|ftp|git):\/\/[^\s<>"`\u0000-\u001f\u007f]+|<([^<>\s@"]{1,200}@[^<>\s@"]{1,200})>/gi;
/** Text right before a `<…@…>` that says it is a Message-ID. */
const ID_LABEL = /(?:message-?id|in-reply-to|references|msgid)\s*:?\s*$/i;
/** Trailers whose `<…@…>` is a person's address (keys as `remarkTrailers` writes them). */
const PERSON_TRAILER = /-by$|^cc$/;

/** The closing bracket of each opening one. */
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * Cuts the punctuation that ends a sentence (and a closing bracket opened outside the URL) off a
 * URL. Brackets are counted once and the counts kept as characters are cut, so a URL ending in
 * a million `)` costs one pass, not one per `)`.
 */
export function trimUrl(url: string): string {
  // Per closing bracket: openers minus closers of its kind in url[0, end).
  const balance: Record<string, number> = { ')': 0, ']': 0, '}': 0 };
  for (const char of url) {
    if (char in balance) balance[char]!--;
    else if (char in CLOSING) balance[CLOSING[char]!]!++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && '.,;:!?\'*'.includes(last)) end--;
    else if (last && last in balance && balance[last]! < 0) {
      balance[last]!++;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

/** The Message-ID a lore, lkml.kernel.org/r or patch.msgid.link URL points at, or undefined. */
export function messageIdOfUrl(url: string): string | undefined {
  const match = /^https?:\/\/(lore\.kernel\.org|lkml\.kernel\.org|patch\.msgid\.link|msgid\.link)\/([^?#]*)/i.exec(url);
  if (!match) return undefined;
  const segments = match[2]!.split('/');
  const host = match[1]!.toLowerCase();
  // lore: /<list>/<id>/…, /r/<id>, /all/<id>; the others: /r/<id> or /<id>.
  const segment = host === 'lore.kernel.org' || segments[0] === 'r' ? segments[1] : segments[0];
  if (!segment) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return /^[^\s<>@]+@[^\s<>@]+$/.test(id) ? id : undefined;
}

/**
 * Whether `<local@domain>` is a Message-ID rather than an address: it is labelled as one, or
 * its left part looks generated (a date and counter, a hash, a UUID, `.fsf`).
 */
export function looksLikeMessageId(id: string, before: string): boolean {
  if (ID_LABEL.test(before)) return true;
  const local = id.slice(0, id.indexOf('@'));
  const digits = local.replace(/\D/g, '').length;
  return (digits >= 4 && local.length >= 10) || /\.fsf$|^cover\.\d|\.git[.-]/.test(local) || (local.length >= 20 && /[A-Z]/.test(local) && digits >= 1);
}

function linkNode(url: string): Link {
  const link: Link = { type: 'link', url, children: [{ type: 'text', value: url }] };
  const messageId = messageIdOfUrl(url);
  if (messageId) link.data = { messageId };
  return link;
}

/** Splits one text node into text, links and Message-ID references. */
export function linkify(text: string, { messageIds = true } = {}): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  const push = (node: PhrasingContent, start: number, end: number) => {
    if (start > last) nodes.push({ type: 'text', value: text.slice(last, start) });
    nodes.push(node);
    last = end;
  };
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    if (match[1] === undefined) {
      const url = trimUrl(match[0]);
      if (/^\w+:\/\/[^/\s]*\w/.test(url)) push(linkNode(url), start, start + url.length);
    } else if (messageIds) {
      // A label ends right before the id: a few dozen characters of its line are enough (and keep long lines linear).
      const before = text.slice(Math.max(0, start - 40), start);
      if (looksLikeMessageId(match[1], before.slice(before.lastIndexOf('\n') + 1))) {
        const ref: MessageRef = { type: 'messageRef', id: match[1], value: match[0] };
        push(ref, start, start + match[0].length);
      }
    }
  }
  if (last === 0) return [{ type: 'text', value: text }];
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

/** unified plugin: mark URLs and Message-IDs in running text. */
export function remarkLinks(): Transformer<Root> {
  return (tree: Root): void => {
    for (const block of blocks(tree)) {
      if (block.type === 'paragraph' || block.type === 'signature' || block.type === 'pullRequest') block.children = linkChildren(block.children, true);
      // A person's trailer holds an address, never a Message-ID.
      if (block.type === 'trailers') for (const trailer of block.children) trailer.children = linkChildren(trailer.children, !PERSON_TRAILER.test(trailer.key));
    }
  };
}

function linkChildren(children: PhrasingContent[], messageIds: boolean): PhrasingContent[] {
  return children.flatMap((child) => (child.type === 'text' ? linkify(child.value, { messageIds }) : [child]));
}
