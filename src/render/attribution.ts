/**
 * Marks attribution lines ("On …, X wrote:") and ties each to the quote it introduces: the
 * line, or the two or three lines a mailer wrapped it over, becomes the quote's first child,
 * with the author and time it names (attribution-line.ts). Threading reads them there.
 */
import type { Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import { OPENING, QUOTING, readAttribution, SAID, SCHRIEB } from './attribution-line.ts';
import { isBlank, mapContainers, span, textOf } from './lines.ts';
import type { Attribution, MailLine, Quote } from './types.ts';

/** "2023-01-17 12:31 GMT+07:00 X <x@y>:": an address and a date, ending with a colon. */
const ADDRESS_AND_DATE = /^(?=.*\d)(?=.*<[^<>\s]+@[^<>\s]+>).*[:：]\s*$/u;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/iu;
const HEADER_LINE = /^\s*(?:From|Sent|Date|To|Cc|Subject|Reply-To)\s*:/iu;
const MAX_LINE = 240;
/** Lines above a quote that may hold its attribution: enough for an Outlook header block. */
const ABOVE = 12;

function saysWhoWrote(line: string): boolean {
  return line.length <= MAX_LINE && (SAID.test(line) || SCHRIEB.test(line) || QUOTING.test(line) || ADDRESS_AND_DATE.test(line));
}

/**
 * Where the attribution starts, given the lines just above a quote (the last one is the line
 * right above it, a blank line in between allowed), or -1 when they hold none.
 */
function findAttribution(lines: MailLine[]): number {
  let last = lines.length - 1;
  if (isBlank(lines[last])) last--;
  const line = lines[last];
  if (!line || isBlank(line)) return -1;
  if (ORIGINAL_MESSAGE.test(line.value)) return last;
  if (HEADER_LINE.test(line.value)) return headerBlockStart(lines, last);
  if (!saysWhoWrote(line.value.trim())) return -1;
  // A wrapped attribution: its first line opens like one and does not end a sentence.
  for (let start = last - 1; start >= Math.max(0, last - 2); start--) {
    const above = lines[start]!.value.trim();
    if (above === '' || /[.!?:]$/.test(above) || above.length > MAX_LINE) break;
    if (OPENING.test(above) && !OPENING.test(line.value.trim())) return start;
  }
  return last;
}

/** An Outlook-style block (`-----Original Message-----`, `From:`, `Sent:`…) that names a `From:`. */
function headerBlockStart(lines: MailLine[], last: number): number {
  let start = last;
  while (start > 0 && HEADER_LINE.test(lines[start - 1]!.value)) start--;
  if (start > 0 && ORIGINAL_MESSAGE.test(lines[start - 1]!.value)) start--;
  const block = lines.slice(start, last + 1);
  const named = block.some((line) => /^\s*From\s*:/i.test(line.value));
  return named && block.length >= 2 ? start : -1;
}

/** Moves the attribution above each quote of a container into the quote. */
function attributeQuotes(children: RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  for (const child of children) {
    if (child.type === 'quote') {
      let lines = 0;
      while (lines < ABOVE && lines < result.length && result[result.length - 1 - lines]!.type === 'mailLine') lines++;
      const above = result.slice(result.length - lines) as MailLine[];
      const start = findAttribution(above);
      if (start !== -1) {
        const taken = above.slice(start).filter((line) => !isBlank(line));
        result.length -= lines - start;
        attach(child, taken);
      }
    }
    result.push(child);
  }
  return result;
}

function attach(quote: Quote, lines: MailLine[]): void {
  const says = readAttribution(lines.map((line) => line.value));
  const attribution: Attribution = { type: 'attribution', author: says?.author ?? null, date: says?.date ?? null, exact: says?.exact ?? false, children: [textOf(lines)] };
  const position = span(lines[0]!, lines[lines.length - 1]!);
  if (position) attribution.position = position;
  quote.children.unshift(attribution);
}

/** unified plugin: tie attribution lines to the quotes they introduce. */
export function remarkAttribution(): Transformer<Root> {
  return (tree: Root): void => mapContainers(tree, attributeQuotes);
}
