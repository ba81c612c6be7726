/**
 * Marks quoted text. Each line's leading `>` markers (with the one space a mailer puts after
 * each) give its depth; consecutive lines nest into one `quote` per depth, and the markers are
 * taken off the text.
 */
import type { Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import type { Attachment, MailLine, Quote } from './types.ts';

/** Deeper markers are left in the text: real mail stops near 15, and nesting must stay bounded. */
export const MAX_QUOTE_DEPTH = 32;

/** A line's quote depth and its text after the markers. */
export interface QuotePrefix {
  depth: number;
  text: string;
}

/**
 * Reads the quote markers at the start of a line: `>` with or without a space after it, any
 * number of times (`> > `, `>>`, `> >>`), each possibly after one more space (Zoho quotes with
 * ` > `, so a reply to it has `>  > `). A `>` indented further is text, and so is a numbered
 * code line that the kernel test robot marks with ` > 191<tab>`. `>From ` with nothing between
 * marker and word is mbox escaping, not a quote, so that `>` stays in the text.
 */
export function readQuotePrefix(line: string, limit = MAX_QUOTE_DEPTH): QuotePrefix {
  let depth = 0;
  let index = line.startsWith(' >') ? 1 : 0;
  while (line.charCodeAt(index) === 62 /* > */ && depth < limit) {
    if (line.startsWith('From ', index + 1)) break;
    depth++;
    index++;
    if (line.charCodeAt(index) === 32) index++;
    if (line.startsWith(' >', index)) index++;
  }
  if (depth === 0 || (line[0] === ' ' && /^\d+\t/.test(line.slice(index)))) return { depth: 0, text: line };
  return { depth, text: line.slice(index) };
}

/** The kernel test robot lists compiler messages under this line, marking new ones with `>>`. */
const ROBOT_MARKERS = /\(new ones prefixed by >>\):\s*$/;

function quoteAt(depth: number, first: MailLine): Quote {
  return { type: 'quote', depth, children: [], position: first.position && { start: first.position.start, end: first.position.end } };
}

/** Turns the children of one container (the root or an attachment) into nested quotes; `tooDeep` hears of lines quoted past the depth bound. */
function nestQuotes(lines: RootContent[], tooDeep: () => void): RootContent[] {
  const top: RootContent[] = [];
  // The open quotes, outermost first.
  const open: Quote[] = [];
  // The robot's list of compiler messages (from its heading to the blank line after the list),
  // at the depth of the heading: `>>` there marks a line and quotes nothing.
  let robot: { depth: number; listed: boolean } | undefined;
  for (const node of lines) {
    if (node.type !== 'mailLine') {
      // An attachment section ends every quote.
      open.length = 0;
      top.push(node);
      continue;
    }
    let { depth, text } = readQuotePrefix(node.value, robot?.depth);
    if (robot && (depth < robot.depth || (text.trim() === '' && robot.listed))) {
      robot = undefined;
      ({ depth, text } = readQuotePrefix(node.value));
    } else if (robot && text.trim() !== '') {
      robot.listed = true;
    }
    if (depth === MAX_QUOTE_DEPTH && text.startsWith('>')) tooDeep();
    if (ROBOT_MARKERS.test(text)) robot = { depth, listed: false };
    while (open.length > depth) open.pop();
    while (open.length < depth) {
      const quote = quoteAt(open.length + 1, node);
      (open.length > 0 ? open[open.length - 1]!.children : top).push(quote);
      open.push(quote);
    }
    const line: MailLine = { ...node, value: text };
    if (node.position && text.length < node.value.length) {
      const cut = node.value.length - text.length;
      line.position = { start: { ...node.position.start, column: node.position.start.column + cut, offset: (node.position.start.offset ?? 0) + cut }, end: node.position.end };
    }
    (open.length > 0 ? open[open.length - 1]!.children : top).push(line);
    for (const quote of open) if (quote.position && node.position) quote.position.end = node.position.end;
  }
  return top;
}

/** unified plugin: mark quotes and their depth; the file's messages say when the depth bound left markers in the text. */
export function remarkQuotes(): Transformer<Root> {
  return (tree, file) => {
    let noted = false;
    const tooDeep = () => {
      if (!noted) file.message(`quoted more than ${MAX_QUOTE_DEPTH} levels deep: the deeper markers stay in the text`, { ruleId: 'quote-depth', source: 'sheaf' });
      noted = true;
    };
    tree.children = nestQuotes(tree.children, tooDeep);
    for (const child of tree.children) {
      if (child.type === 'attachment') child.children = nestQuotes(child.children, tooDeep) as Attachment['children'];
    }
  };
}
