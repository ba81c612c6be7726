/**
 * Splits mbox files. The separator is a `From ` line ending in a ctime date, the way
 * every writer (mutt, git format-patch, pipermail, public-inbox) writes it, so an
 * unescaped `From ` line inside a body does not cut a message in two.
 */

const SEPARATOR =
  /^From \S.*? (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2},? +\d{1,2}:\d\d(?::\d\d)?(?: +[A-Z]{2,5})? +\d{4}\b/;
const MBOXRD_SEPARATOR = /^From mboxrd@z /;
const NEWLINE = 0x0a;

export type MboxVariant = 'mbox' | 'mboxrd';

/** Whether `line` (without its newline) is an mbox `From ` separator. */
export function isSeparatorLine(line: string): boolean {
  return SEPARATOR.test(line);
}

/** A header field line; obsolete syntax allows blanks before the colon. */
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

type SeparatorTest = (line: string, bytes: Buffer, start: number, end: number) => boolean;

function lineAt(bytes: Buffer, start: number): string {
  const newline = bytes.indexOf(NEWLINE, start);
  return bytes.toString('latin1', start, Math.min(newline === -1 ? bytes.length : newline, start + 400)).replace(/\r$/, '');
}

/** The strict rule: a `From ` line ending in a ctime date. */
const strictSeparator: SeparatorTest = (line) => isSeparatorLine(line);

/**
 * The loose rule, for files whose writer put no date on the `From ` line (`From -`,
 * `From user@host`): a `From ` line after a blank line (or at the start) and before a header field.
 */
const looseSeparator: SeparatorTest = (line, bytes, start, end) => {
  if (isSeparatorLine(line)) return true;
  if (HEADER_FIELD.test(line)) return false; // `From  : x`, a From header in obsolete syntax
  const afterBlank = start === 0 || bytes[start - 2] === NEWLINE || (bytes[start - 2] === 0x0d && bytes[start - 3] === NEWLINE);
  return afterBlank && HEADER_FIELD.test(lineAt(bytes, end));
};

/** The `From ` separator lines of an mbox and the byte offsets where they start. */
function findSeparators(bytes: Buffer, isSeparator: SeparatorTest): { start: number; end: number; line: string }[] {
  const found: { start: number; end: number; line: string }[] = [];
  let start = 0;
  while (start < bytes.length) {
    if (bytes[start] === 0x46 /* F */ && bytes.toString('latin1', start, start + 5) === 'From ') {
      const newline = bytes.indexOf(NEWLINE, start);
      const end = newline === -1 ? bytes.length : newline + 1;
      const line = lineAt(bytes, start);
      if (isSeparator(line, bytes, start, end)) found.push({ start, end, line });
    }
    const next = bytes.indexOf('\nFrom ', start, 'latin1');
    if (next === -1) break;
    start = next + 1;
  }
  return found;
}

/** Whether the file starts like an mbox: a `From ` separator, dated or followed by a header. */
export function looksLikeMbox(bytes: Buffer): boolean {
  if (bytes.toString('latin1', 0, 5) !== 'From ') return false;
  const newline = bytes.indexOf(NEWLINE);
  return newline !== -1 && looseSeparator(lineAt(bytes, 0), bytes, 0, newline + 1);
}

/**
 * Undoes `From ` quoting. mboxrd (lore, public-inbox) added one `>` to every line
 * matching `>*From `; classic mbox only turned `From ` into `>From `.
 */
export function unescapeFromLines(message: Buffer, variant: MboxVariant): Buffer {
  const text = message.toString('latin1');
  const pattern = variant === 'mboxrd' ? /^>(>*From )/gm : /^>(From )/gm;
  if (!pattern.test(text)) return message;
  pattern.lastIndex = 0;
  return Buffer.from(text.replace(pattern, '$1'), 'latin1');
}

export interface MboxSplit {
  variant: MboxVariant;
  /** Separator line of each message, for messages framed as pipermail exports. */
  separators: string[];
  messages: Buffer[];
}

/** Cuts an mbox into its messages, un-escaped, without their separator lines. */
export function splitMbox(bytes: Buffer): MboxSplit {
  // A file that opens with a dated separator is cut only at dated ones, so an unescaped
  // `From ` line in a body stays put; one that opens with an undated one needs the loose rule.
  const isSeparator = isSeparatorLine(lineAt(bytes, 0)) ? strictSeparator : looseSeparator;
  const separators = findSeparators(bytes, isSeparator);
  const variant: MboxVariant = separators.some((s) => MBOXRD_SEPARATOR.test(s.line)) ? 'mboxrd' : 'mbox';
  const messages = separators.map((separator, index) => {
    const next = separators[index + 1];
    const body = bytes.subarray(separator.end, next ? next.start : bytes.length);
    return unescapeFromLines(body, variant);
  });
  return { variant, separators: separators.map((s) => s.line), messages };
}

/** The `From ` line every message of a written mboxrd starts with, as public-inbox writes it. */
const MBOXRD_FROM_LINE = Buffer.from('From mboxrd@z Thu Jan  1 00:00:00 1970\n');
const QUOTE = Buffer.from('>');

/** Whether the line starting at `start` is `>*From `, which mboxrd quotes with one more `>`. */
function isFromLine(bytes: Buffer, start: number): boolean {
  let at = start;
  while (bytes[at] === 0x3e /* > */) at++;
  return bytes.toString('latin1', at, at + 5) === 'From ';
}

/** What ends a message with a blank line, so the next `From ` line follows one: nothing when it already does. */
function blankLineEnd(bytes: Buffer): string {
  const end = bytes.length;
  if (end === 0) return '\n';
  if (bytes[end - 1] !== NEWLINE) return '\n\n';
  return bytes[end - 2] === NEWLINE || (bytes[end - 2] === 0x0d && bytes[end - 3] === NEWLINE) ? '' : '\n';
}

/**
 * Frames messages as one mboxrd file, as public-inbox serves threads: each after a `From `
 * line, every `>*From ` line of it quoted with one more `>`, each ended by a blank line (added
 * when missing). `splitMbox` reads every message back as it was, with that blank line.
 */
export function joinMboxrd(messages: readonly Buffer[]): Buffer<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const message of messages) {
    chunks.push(MBOXRD_FROM_LINE);
    let copied = 0;
    for (let line = 0; line < message.length; ) {
      if (isFromLine(message, line)) {
        chunks.push(message.subarray(copied, line), QUOTE);
        copied = line;
      }
      const newline = message.indexOf(NEWLINE, line);
      line = newline === -1 ? message.length : newline + 1;
    }
    chunks.push(message.subarray(copied), Buffer.from(blankLineEnd(message)));
  }
  return Buffer.concat(chunks);
}
