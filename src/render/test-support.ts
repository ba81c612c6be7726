/**
 * Test support: runs the parser and chosen plugins on text, and reduces trees to outlines that
 * read like the mail they came from, so that tests state their expectations briefly.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { mailParse } from './parse.ts';
import { mailHandlers } from './to-hast.ts';
import './types.ts';

/** Parses `text` and runs the given mdast plugins over it. */
export function markText(text: string, ...plugins: PluggableList): Root {
  const processor = unified().use(mailParse).use(plugins);
  return processor.runSync(processor.parse(text)) as Root;
}

const bridge = unified().use(remarkRehype, { handlers: mailHandlers }).freeze();

/** A marked tree bridged to hast as the pipeline does it, its ids prefixed with `idPrefix`. */
export function toMailHast(tree: Root, idPrefix = ''): HastRoot {
  return bridge.runSync(tree, new VFile({ data: { idPrefix } }));
}

function phrasing(children: PhrasingContent[]): unknown {
  const outlined = children.map(outline);
  return outlined.length === 1 && typeof outlined[0] === 'string' ? outlined[0] : outlined;
}

/**
 * A node as plain data: text and lines as strings, blocks as `{ type: …, … }` objects naming
 * what matters about them. Diff lines read `kind value`, diffstat lines `value → target`.
 */
export function outline(node: Nodes): unknown {
  switch (node.type) {
    case 'root':
      return node.children.map(outline);
    case 'mailLine':
    case 'text':
      return node.value;
    case 'paragraph':
      return { p: phrasing(node.children) };
    case 'quote':
      return { quote: node.depth, ...(node.foldedLines ? { foldedLines: node.foldedLines } : {}), children: node.children.map(outline) };
    case 'attribution':
      return { attribution: phrasing(node.children) };
    case 'diff':
      return {
        diff: node.lang,
        ...(node.path ? { path: node.path } : {}),
        ...(node.fileId ? { fileId: node.fileId } : {}),
        ...(node.continued ? { continued: true } : {}),
        lines: node.children.map((line) => `${line.kind} ${line.value}`),
      };
    case 'diffstat':
      return { diffstat: node.children.map((line) => (line.target ? `${line.value} → ${line.target}` : line.value)) };
    case 'trailers':
      return { trailers: node.children.map((trailer) => `${trailer.key}: ${textContent(trailer)}`) };
    case 'signature':
      return { signature: phrasing(node.children) };
    case 'pgpArmor':
      return { pgp: node.kind, value: node.value };
    case 'pullRequest':
      return { pullRequest: { base: node.base, repository: node.repository, head: node.head } };
    case 'link':
      return { link: node.url, ...(node.data?.messageId ? { messageId: node.data.messageId } : {}) };
    case 'messageRef':
      return { messageRef: node.id };
    case 'attachment':
      return { attachment: node.filename, children: node.children.map(outline) };
    default:
      return { [node.type]: 'children' in node ? node.children.map((child) => outline(child as Nodes)) : null };
  }
}

/** The text of a node and its descendants. */
function textContent(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child) => textContent(child as Nodes)).join('') : '';
}

const BLOCKS = new Set(['div', 'p', 'pre', 'blockquote', 'figure', 'figcaption', 'details', 'section']);

/**
 * The lines a reader sees in rendered hast, each with the number of `blockquote` elements
 * around it; blank lines, the fold's summary and attachment names (text the pipeline adds) are
 * left out.
 */
export function renderedLines(tree: HastRoot): Array<{ depth: number; text: string }> {
  const lines: Array<{ depth: number; text: string }> = [];
  let current: { depth: number; text: string } | undefined;
  const end = () => {
    if (current && current.text.trim() !== '') lines.push(current);
    current = undefined;
  };
  const walk = (node: ElementContent | HastRoot, depth: number): void => {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) end();
        current ??= { depth, text: '' };
        current.text += part;
      });
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && isAdded(node)) return;
    const block = node.type === 'element' && BLOCKS.has(node.tagName);
    if (block) end();
    const inner = node.type === 'element' && node.tagName === 'blockquote' ? depth + 1 : depth;
    for (const child of node.children) walk(child as ElementContent, inner);
    if (block) end();
  };
  walk(tree, 0);
  end();
  return lines;
}

function isAdded(element: Element): boolean {
  const classes = element.properties.className;
  return element.tagName === 'summary' || (Array.isArray(classes) && classes.includes('attachment-name'));
}
