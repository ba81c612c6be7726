/**
 * Turns the lines no plugin claimed into paragraphs: runs of non-blank lines, as sent (leading
 * white space and all); the blank lines between them are dropped.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import { isBlank, mapLineRuns, span, textOf } from './lines.ts';
import type { MailLine } from './types.ts';

function paragraphs(run: MailLine[]): RootContent[] {
  const result: Paragraph[] = [];
  let lines: MailLine[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const paragraph: Paragraph = { type: 'paragraph', children: [textOf(lines)] };
    const position = span(lines[0]!, lines[lines.length - 1]!);
    if (position) paragraph.position = position;
    result.push(paragraph);
    lines = [];
  };
  for (const line of run) {
    if (isBlank(line)) flush();
    else lines.push(line);
  }
  flush();
  return result;
}

/** unified plugin: group the remaining lines into paragraphs. Runs after every block plugin. */
export function remarkParagraphs(): Transformer<Root> {
  return (tree: Root): void => mapLineRuns(tree, paragraphs);
}
