/**
 * Decides which quotes are shown folded: one that only trails the reply (the whole message
 * quoted under "Applied, thanks"), and a very long one anywhere. A quote that a comment
 * follows stays open unless it is very long: the comment is about its last lines. Only the
 * outermost quote of a nest folds; what is inside opens with it.
 */
import type { Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import type { Quote } from './types.ts';

export interface FoldOptions {
  /** A quote of at least this many lines folds wherever it is (default 200). */
  longLines?: number;
  /** A quote with nothing but a signature after it folds from this many lines (default 15). */
  trailingLines?: number;
}

/** Lines of the quote as sent, its attribution left out. */
function quotedLines(quote: Quote): number {
  const first = quote.children.find((child) => child.type !== 'attribution');
  const start = first?.position?.start.line;
  const end = quote.position?.end.line;
  return start !== undefined && end !== undefined ? end - start + 1 : 0;
}

function isTrailing(siblings: RootContent[], index: number): boolean {
  // A loop rather than slice().every(): a body of many quotes would copy its siblings once per quote.
  for (let next = index + 1; next < siblings.length; next++) {
    const node = siblings[next]!;
    if (node.type !== 'signature' && !(node.type === 'mailLine' && node.value.trim() === '')) return false;
  }
  return true;
}

/** unified plugin: mark long quotes as folded. Runs after `remarkSignature`, before `remarkParagraphs`. */
export function remarkFoldQuotes(options: FoldOptions = {}): Transformer<Root> {
  const { longLines = 200, trailingLines = 15 } = options;
  return (tree: Root): void => {
    const visit = (children: RootContent[]): void => {
      children.forEach((node, index) => {
        if (node.type === 'attachment') return visit(node.children);
        if (node.type !== 'quote') return;
        const lines = quotedLines(node);
        if (lines >= longLines || (lines >= trailingLines && isTrailing(children, index))) node.foldedLines = lines;
        else visit(node.children);
      });
    };
    visit(tree.children);
  };
}
