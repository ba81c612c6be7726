/**
 * The handlers remark-rehype bridges the mail mdast to hast with: one per node type, making the
 * markup that docs/markup.md documents. Text is copied as is (the default handler would trim
 * the white space around line breaks, which is indentation in mail), and no raw HTML exists to
 * pass on. The ids a body's markup makes take the prefix its file's data gives (`idPrefix`).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import type { Link, Nodes, Paragraph, Root, Text } from 'mdast';
import type { Handlers, State } from 'mdast-util-to-hast';
import type {
  Attachment, Diff, DiffLine, Diffstat, DiffstatLine, MessageRef, PgpArmor, PullRequest, Quote, Signature, Trailer, Trailers,
} from './types.ts';

function children(state: State, node: Nodes): ElementContent[] {
  return state.all(node) as ElementContent[];
}

/** An element built directly, for the blocks a body has many of: hastscript's reading of selectors and properties adds up. */
function element(tagName: string, properties: Properties, content: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children: content };
}

function quote(state: State, node: Quote): Element {
  const [first, ...rest] = node.children;
  const attribution = first?.type === 'attribution' ? first : undefined;
  const body = element('blockquote', { dataDepth: node.depth }, children(state, { ...node, children: attribution ? rest : node.children }));
  const shown =
    node.foldedLines === undefined ? body : h('details', { className: ['fold'] }, [h('summary', `${node.foldedLines} quoted lines`), body]);
  if (!attribution) return shown;
  return h('figure', { className: ['quotation'], dataDepth: node.depth }, [
    h('figcaption', { className: ['attribution'], dataDepth: node.depth }, children(state, attribution)),
    shown,
  ]);
}

/** A diff line, built directly: diffs are most of a patch's elements. */
function diffLine(line: DiffLine): Element {
  const properties: Properties = { className: ['line', line.kind] };
  if (line.old !== undefined) properties.dataOld = line.old;
  if (line.new !== undefined) properties.dataNew = line.new;
  return element('span', properties, line.value ? [{ type: 'text', value: line.value }] : []);
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

/** The prefix of the ids of the body being bridged. */
function idPrefixOf(state: State): string {
  return state.options.file?.data.idPrefix ?? '';
}

function diff(state: State, node: Diff): Element {
  const properties: Properties = { className: ['diff'] };
  if (node.fileId) properties.id = idPrefixOf(state) + node.fileId;
  if (node.path) properties.dataFile = node.path;
  properties.dataLang = node.lang;
  if (node.continued) properties.dataContinued = true;
  return h('pre', { ...properties, ...SCROLLS }, [h('code', preLines(node.children.map(diffLine)))]);
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

/** The handlers for every node a mail body is made of; the body's blocks go in one `div.mail-body`, with no white space between them. */
export const mailHandlers: Handlers = {
  root: (state: State, node: Root) => [h('div', { className: ['mail-body'] }, children(state, node))],
  text: (_state: State, node: Text) => ({ type: 'text', value: node.value }),
  paragraph: (state: State, node: Paragraph) => element('p', {}, children(state, node)),
  quote,
  diff,
  diffstat: (state: State, node: Diffstat) => h('pre', { className: ['diffstat'], ...SCROLLS }, preLines(node.children.map((line) => statLine(idPrefixOf(state), line)))),
  trailers: (state: State, node: Trailers) => element('div', { className: ['trailers'] }, children(state, node)),
  trailer: (state: State, node: Trailer) =>
    element('div', { className: ['trailer'], dataTrailer: node.key, ...(node.review.length > 0 ? { dataReview: node.review.join(' ') } : {}) }, children(state, node)),
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
