/**
 * The parser: a plain-text mail body into mdast, one `mailLine` per line. Nothing else is read
 * into the text here; in mail `*`, `#`, `_` and indentation mean nothing, and every structure
 * (quotes, diffs, trailers…) is marked by a plugin of its own afterwards.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { MailLine } from './types.ts';

/** Splits a body (LF line endings; a stray CR before LF is dropped) into `mailLine` nodes with positions. */
export function parseMailText(text: string): Root {
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
  return { type: 'root', children };
}

/** unified plugin: use `parseMailText` as the processor's parser. */
export const mailParse: Plugin<[], string, Root> = function () {
  this.parser = (document) => parseMailText(document);
};
