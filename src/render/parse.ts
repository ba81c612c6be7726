/**
 * The parser: a plain-text mail body into mdast, one `mailLine` per line, and each inline
 * attachment after it as an `attachment` section of its own lines. Nothing else is read into
 * the text here; in mail `*`, `#`, `_` and indentation mean nothing, and every structure
 * (quotes, diffs, trailers…) is marked by a plugin of its own afterwards.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { InlineAttachment } from '../parse/types.ts';
import type { MailLine } from './types.ts';

/** Splits a text (LF line endings; a stray CR before LF is dropped) into `mailLine` nodes with positions. */
function mailLines(text: string): MailLine[] {
  const children: MailLine[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let offset = 0;
  lines.forEach((raw, index) => {
    const value = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    children.push({
      type: 'mailLine',
      value,
      position: {
        start: { line: index + 1, column: 1, offset },
        end: { line: index + 1, column: value.length + 1, offset: offset + value.length },
      },
    });
    offset += raw.length + 1;
  });
  return children;
}

/**
 * One tree for a whole body: its text, then each inline attachment as an `attachment` section,
 * so ids and diffstat links are unique and resolved across the body. Positions count lines
 * from 1 in the text and in each attachment.
 */
export function parseMailBody(text: string, inline: readonly InlineAttachment[] = []): Root {
  const tree: Root = { type: 'root', children: mailLines(text) };
  for (const part of inline) tree.children.push({ type: 'attachment', filename: part.filename, contentType: part.contentType, children: mailLines(part.text) });
  return tree;
}

/** unified plugin: use `parseMailBody` as the processor's parser, with the attachments the file's data holds. */
export const mailParse: Plugin<[], string, Root> = function () {
  this.parser = (document, file) => parseMailBody(document, file.data.inline);
};
