/**
 * The bridge from the mail mdast to hast: one handler per node type, making the markup that
 * docs/markup.md documents. Text is copied as is (the default handler would trim the white
 * space around line breaks, which is indentation in mail), and no raw HTML exists to pass on.
 */
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import { h } from 'hastscript';
import type { Link, Nodes, Paragraph, Root, Text } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import type {
  Attachment, Diff, DiffLine, Diffstat, DiffstatLine, MessageRef, PgpArmor, PullRequest, Quote, Signature, Trailer, Trailers,
} from './types.ts';

export interface MailToHastOptions {
  /** Put before every id the markup makes, so that several bodies can share a page. */
  idPrefix?: string;
}

function children(state: State, node: Nodes): ElementContent[] {
  return state.all(node) as ElementContent[];
}

function quote(state: State, node: Quote): Element {
  const [first, ...rest] = node.children;
  const attribution = first?.type === 'attribution' ? first : undefined;
  const body = h('blockquote', { dataDepth: node.depth }, children(state, { ...node, children: attribution ? rest : node.children }));
  const shown =
    node.foldedLines === undefined ? body : h('details', { className: ['fold'] }, [h('summary', `${node.foldedLines} quoted lines`), body]);
  if (!attribution) return shown;
  return h('figure', { className: ['quotation'], dataDepth: node.depth }, [
    h('figcaption', { className: ['attribution'], dataDepth: node.depth }, children(state, attribution)),
    shown,
  ]);
}

/** A diff line, built directly: diffs are most of a patch's elements, and hastscript's property lookups add up. */
function diffLine(line: DiffLine): Element {
  const properties: Properties = { className: ['line', line.kind] };
  if (line.old !== undefined) properties.dataOld = line.old;
  if (line.new !== undefined) properties.dataNew = line.new;
  return { type: 'element', tagName: 'span', properties, children: line.value ? [{ type: 'text', value: line.value }] : [] };
}

/** Lines of a `pre`, separated by line breaks. */
function preLines(lines: Element[]): ElementContent[] {
  return lines.flatMap((line, index) => (index === 0 ? [line] : [{ type: 'text', value: '\n' } as const, line]));
}

/**
 * Blocks kept as sent scroll sideways when their lines are long (`pre.diff`, `pre.diffstat`,
 * `pre.pgp`): in the tab order, so that a keyboard can scroll them too.
 */
const SCROLLS = { tabIndex: 0 };

function diff(idPrefix: string) {
  return (_state: State, node: Diff): Element => {
    const properties: Properties = { className: ['diff'] };
    if (node.fileId) properties.id = idPrefix + node.fileId;
    if (node.path) properties.dataFile = node.path;
    properties.dataLang = node.lang;
    if (node.continued) properties.dataContinued = true;
    return h('pre', { ...properties, ...SCROLLS }, [h('code', preLines(node.children.map(diffLine)))]);
  };
}

/** A diffstat line: its path linked to the file's diff, its `+` and `-` marks coloured. */
function statLine(idPrefix: string, line: DiffstatLine): Element {
  if (line.path === undefined) return h('span', { className: ['line'] }, line.value);
  const at = line.value.indexOf(line.path);
  const bar = line.value.lastIndexOf('|');
  const path = line.target ? h('a', { href: `#${idPrefix}${line.target}` }, line.path) : line.path;
  const [, count, added, removed] = /^(.*?)(\++)?(-+)?$/.exec(line.value.slice(bar))!;
  return h('span', { className: ['line', 'file'] }, [
    line.value.slice(0, at),
    path,
    line.value.slice(at + line.path.length, bar) + count,
    ...(added ? [h('span', { className: ['stat-add'] }, added)] : []),
    ...(removed ? [h('span', { className: ['stat-del'] }, removed)] : []),
  ]);
}

/** The `rel` of every link to outside the site: not endorsed, no window handle, no referrer. */
export const EXTERNAL_REL = ['nofollow', 'noopener', 'noreferrer'];

function link(state: State, node: Link): Element {
  const messageId = node.data?.messageId;
  // Every link a body makes points outside the site until resolveArchiveLinks points a Message-ID at the archive's page.
  const properties: Properties = messageId
    ? { className: ['msgid'], dataMsgid: messageId, href: node.url, rel: EXTERNAL_REL }
    : { href: node.url, rel: EXTERNAL_REL };
  return h('a', properties, children(state, node));
}

function attachment(state: State, node: Attachment): Element {
  return h('section', { className: ['attachment'] }, [
    h('p', { className: ['attachment-name'] }, [node.filename, ' ', h('span', { className: ['attachment-type'] }, `(${node.contentType})`)]),
    ...children(state, node),
  ]);
}

/** The handlers for every node a mail body is made of. */
function mailHandlers(idPrefix = ''): Record<string, Handler> {
  return {
    text: (_state: State, node: Text) => ({ type: 'text', value: node.value }),
    paragraph: (state: State, node: Paragraph) => h('p', children(state, node)),
    quote,
    diff: diff(idPrefix),
    diffstat: (_state: State, node: Diffstat) => h('pre', { className: ['diffstat'], ...SCROLLS }, preLines(node.children.map((line) => statLine(idPrefix, line)))),
    trailers: (state: State, node: Trailers) => h('div', { className: ['trailers'] }, children(state, node)),
    trailer: (state: State, node: Trailer) => h('div', { className: ['trailer'], dataTrailer: node.key }, children(state, node)),
    signature: (state: State, node: Signature) => h('div', { className: ['signature'] }, children(state, node)),
    pgpArmor: (_state: State, node: PgpArmor) => h('pre', { className: ['pgp'], dataPgp: node.kind, ...SCROLLS }, node.value),
    pullRequest: (state: State, node: PullRequest) => {
      const properties: Properties = { className: ['pull-request'] };
      if (node.base) properties.dataBase = node.base;
      if (node.head) properties.dataHead = node.head;
      if (node.repository) properties.dataRepository = node.repository;
      return h('div', properties, children(state, node));
    },
    link,
    messageRef: (_state: State, node: MessageRef) => h('span', { className: ['msgid'], dataMsgid: node.id }, node.value),
    attachment,
  };
}

/** Converts a mail mdast tree to hast: its blocks in one `div.mail-body`, with no white space between them. */
export function mailTreeToHast(tree: Root, options: MailToHastOptions = {}): HastRoot {
  const { children } = toHast(tree, { handlers: mailHandlers(options.idPrefix) }) as HastRoot;
  const blocks = (children as ElementContent[]).filter((child) => child.type !== 'text');
  return { type: 'root', children: [h('div', { className: ['mail-body'] }, blocks)] };
}

/** unified plugin: turn the mail mdast into hast, for the rehype plugins and the compiler after it. */
export function mailToHast(options: MailToHastOptions = {}) {
  return (tree: Root): HastRoot => mailTreeToHast(tree, options);
}
