/**
 * Review trailers written in a mail: who reviewed, acked, tested or NAKed. The rules:
 *
 * - A trailer is a line that starts, at its first column, with `Reviewed-by:`, `Acked-by:`,
 *   `Tested-by:` or `Nacked-by:` (also spelt `NAKed-by:`, `NAK-ed-by:`), in any case; a
 *   combined `Reviewed-and-tested-by:` gives both.
 * - A NAK is a line whose first word is `NAK` or `NACK` (any case, `Also NAK` too):
 *   `NAK.`, `Nack to this patch.`, `NAK, read the code`. It is given by the sender.
 * - Quoted lines (`>`) never count, and neither do indented ones (a commit message quoted
 *   by indenting, an example) nor anything below the signature separator.
 * - In a reply, a trailer counts only when it names the sender: the same address, or the
 *   same name (case, accents, bracketed comments and word order aside, or one name's
 *   words all within the other's). A trailer naming someone else is a claim relayed for
 *   them, which b4 does not apply either.
 * - In a patch, the trailers of its commit message (above the first `---` line) are
 *   carried over from earlier versions and count as written.
 */
import type { Address } from '../parse/types.ts';
import { diffStart, isSignatureSeparator } from './body.ts';
import { parsePerson, samePerson } from './person.ts';

export type TrailerKind = 'reviewed' | 'acked' | 'tested' | 'nacked';

export interface Trailer {
  kind: TrailerKind;
  person: Address;
}

const KINDS: Record<string, TrailerKind> = {
  reviewed: 'reviewed',
  acked: 'acked',
  tested: 'tested',
  nacked: 'nacked',
  naked: 'nacked',
  'nak-ed': 'nacked',
  'nack-ed': 'nacked',
};
const TRAILER_LINE = /^([A-Za-z][A-Za-z-]*?)-by:[ \t]*(.*)$/;
// Case is spelt out so that prose (`Naked …`) is not read as a NAK.
const NAK_LINE = /^(?:[Aa]lso[ \t,]+)?(?:NAK|NACK|Nak|Nack|nak|nack|NAKed|NACKed|Nacked)(?![\w-])/;

/** The trailers on one line: none, one, or two for `Reviewed-and-tested-by:`. */
export function parseTrailerLine(line: string): Trailer[] {
  const match = TRAILER_LINE.exec(line);
  if (!match || match[2]!.trim() === '') return [];
  const kinds = match[1]!.toLowerCase().split('-and-').map((word) => KINDS[word]);
  if (kinds.some((kind) => kind === undefined)) return [];
  const person = parsePerson(match[2]!);
  return (kinds as TrailerKind[]).map((kind) => ({ kind, person }));
}

/** Trailers read per mail at most: a real one gives a handful, and each new one is compared with all before it. */
export const MAX_TRAILERS = 100;

function dedupe(all: Trailer[]): Trailer[] {
  const trailers = all.slice(0, MAX_TRAILERS);
  return trailers.filter(
    (trailer, index) => trailers.findIndex((other) => other.kind === trailer.kind && samePerson(other.person, trailer.person)) === index,
  );
}

/** The lines a mail writes in its own voice, above the signature. */
function ownLines(lines: readonly string[]): string[] {
  const end = lines.findIndex(isSignatureSeparator);
  return (end === -1 ? lines : lines.slice(0, end)).filter((line) => !/^[\s>]/.test(line));
}

/**
 * The trailers a reply gives: its own unquoted trailers naming its sender, and a NAK line
 * as a NAK from the sender. A sender known by neither name nor address is taken at its word.
 */
export function replyTrailers(text: string, sender: Address): Trailer[] {
  // Most replies carry no trailer; skip the line walk for them.
  if (!/-by:|\bna(?:c)?k/i.test(text)) return [];
  const anonymous = sender.name === '' && sender.email === '';
  const trailers: Trailer[] = [];
  for (const line of ownLines(text.split('\n'))) {
    if (trailers.length >= MAX_TRAILERS) break;
    if (NAK_LINE.test(line)) trailers.push({ kind: 'nacked', person: sender });
    for (const trailer of parseTrailerLine(line)) {
      if (anonymous || samePerson(trailer.person, sender)) trailers.push(trailer);
    }
  }
  return dedupe(trailers);
}

/** Where a patch's commit message ends: at its first `---` line or its diff, whichever comes first; the line count when it has neither. */
export function commitMessageEnd(lines: readonly string[]): number {
  const separator = lines.indexOf('---');
  const diff = diffStart(lines);
  return Math.min(separator === -1 ? lines.length : separator, diff === -1 ? lines.length : diff);
}

/** The trailers a patch carries in its commit message, above the first `---` line or the diff. */
export function commitTrailers(text: string): Trailer[] {
  const lines = text.split('\n');
  return dedupe(ownLines(lines.slice(0, commitMessageEnd(lines))).flatMap(parseTrailerLine));
}

/** A trailer line of any kind, as git and b4 read them: a token, a colon, a value (`Signed-off-by: …`, `Fixes: …`, `Link: …`). */
const ANY_TRAILER = /^[A-Za-z0-9][A-Za-z0-9-]*:[ \t]+\S/;

/**
 * Where trailers added to a patch go, as b4 puts them: after the trailer block that closes its
 * commit message (after the patch's own `Signed-off-by:` and the trailers carried with it), or,
 * when the message ends in prose, after it in a block of their own (`newBlock`: a blank line
 * first). `line` is the index of the line they go before.
 */
export function trailerInsertion(lines: readonly string[]): { line: number; newBlock: boolean } {
  let last = commitMessageEnd(lines) - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  return { line: last + 1, newBlock: last >= 0 && !ANY_TRAILER.test(lines[last]!) };
}
