/**
 * Marks trailers (`Signed-off-by:`, `Reviewed-by:`, `Acked-by:`, `Fixes:`, `Link:`…) and bare
 * NAKs, with what each says: the review it gives and the person it names. This is the one
 * reading of trailers: pages show these nodes, and the archive's review counts them
 * (src/archive/trailers.ts). Consecutive trailer lines make one `trailers` block; a run of
 * `Cc:` lines alone is left as text, since it is as likely a quoted mail header.
 */
import type { Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import { parsePerson } from '../parse/person.ts';
import { mapLineRuns, span, textOf } from './lines.ts';
import type { MailLine, Trailer, TrailerKind, Trailers } from './types.ts';

/**
 * Every trailer name read, lower-cased, and the review it gives: none for those that credit
 * or point (`Signed-off-by`, `Fixes`, `Link`…). `X-and-Y-by` gives what `X-by` and `Y-by` give.
 */
const TRAILER_NAMES: ReadonlyMap<string, readonly TrailerKind[]> = new Map<string, readonly TrailerKind[]>([
  ['signed-off-by', []],
  ['co-developed-by', []],
  ['co-authored-by', []],
  ['reported-by', []],
  ['suggested-by', []],
  ['requested-by', []],
  ['debugged-by', []],
  ['originally-by', []],
  ['helped-by', []],
  ['assisted-by', []],
  ['reviewed-by', ['reviewed']],
  ['acked-by', ['acked']],
  ['acked-for-mfd-by', ['acked']],
  ['tested-by', ['tested']],
  ['nacked-by', ['nacked']],
  ['naked-by', ['nacked']],
  ['nak-ed-by', ['nacked']],
  ['nack-ed-by', ['nacked']],
  ['cc', []],
  ['fixes', []],
  ['link', []],
  ['closes', []],
]);

/** `Name: value`, the name at the first column; names are short, which also keeps the scan linear. */
const NAMED = /^([A-Za-z][A-Za-z-]{0,40})[ \t]*:[ \t]*(?=\S)/;
/** "NAK", "Also NAK.", "So NAK", "Nack, because…": a line that opens with a NAK (but not `Nacked-by:`). */
const NAK = /^(?:(?:also|so|hence|thus|then|and|but|still)[ ,]+)?(?:NAK|NACK)(?![\w-])/i;

/** What the review kinds of a trailer name are, `X-and-Y-by` read as `X-by` and `Y-by`; undefined for a name that is no trailer. */
function kindsOf(name: string): readonly TrailerKind[] | undefined {
  const known = TRAILER_NAMES.get(name);
  if (known || !name.endsWith('-by') || !name.includes('-and-')) return known;
  const parts = name.slice(0, -'-by'.length).split('-and-').map((part) => TRAILER_NAMES.get(`${part}-by`));
  return parts.every((kinds) => kinds !== undefined) ? [...new Set(parts.flat())] : undefined;
}

/** What a trailer line says: its key (the lower-cased name, or `nak`), the review it gives, for `-by` trailers the person it names, and the scope it states. */
export type TrailerReading = Pick<Trailer, 'key' | 'review' | 'person' | 'scope'>;

/** A scope stated after the person, at most this long: `for 5/8 and 6/8`, `# for the DT patches`, `(for patch 2)`. */
const MAX_SCOPE = 200;

/** The words after the person's `<address>` that say what the trailer is for (`for 5/8 and 6/8` → `5/8 and 6/8`), or undefined. */
function statedScope(value: string): string | undefined {
  const close = value.indexOf('>');
  if (close === -1) return undefined;
  let rest = value.slice(close + 1, close + 1 + MAX_SCOPE).trim();
  if (rest.startsWith('#')) rest = rest.slice(1).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (!/^for\s/i.test(rest)) return undefined;
  const scope = rest.slice(4).trim().replace(/[.;,]$/, '');
  return scope === '' ? undefined : scope;
}

/** Reads a line as a trailer or a bare NAK, or returns undefined. */
export function readTrailer(line: string): TrailerReading | undefined {
  const named = NAMED.exec(line);
  if (named) {
    const key = named[1]!.toLowerCase();
    const review = kindsOf(key);
    if (review && key.endsWith('-by')) {
      const value = line.slice(named[0].length);
      const scope = review.length > 0 ? statedScope(value) : undefined;
      return { key, review: [...review], person: parsePerson(value), ...(scope === undefined ? {} : { scope }) };
    }
    if (review) return { key, review: [...review] };
  }
  return NAK.test(line) ? { key: 'nak', review: ['nacked'] } : undefined;
}

function trailerOf(line: MailLine, reading: TrailerReading): Trailer {
  const trailer: Trailer = { type: 'trailer', ...reading, children: [textOf([line])] };
  if (line.position) trailer.position = line.position;
  return trailer;
}

/** Replaces the runs of trailer lines in a run of lines by `trailers` blocks. */
function markTrailers(run: MailLine[]): RootContent[] {
  const result: RootContent[] = [];
  let block: Trailer[] = [];
  let pending: MailLine[] = [];
  const flush = () => {
    if (block.some((trailer) => trailer.key !== 'cc')) {
      const trailers: Trailers = { type: 'trailers', children: block };
      const position = span(block[0]!, block[block.length - 1]!);
      if (position) trailers.position = position;
      result.push(trailers);
    } else {
      for (const line of pending) result.push(line);
    }
    block = [];
    pending = [];
  };
  for (const line of run) {
    const reading = readTrailer(line.value);
    if (reading) {
      block.push(trailerOf(line, reading));
      pending.push(line);
    } else {
      flush();
      result.push(line);
    }
  }
  flush();
  return result;
}

/** unified plugin: mark trailers and NAKs. */
export function remarkTrailers(): Transformer<Root> {
  return (tree: Root): void => mapLineRuns(tree, markTrailers);
}
