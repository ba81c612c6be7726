/**
 * Review trailers a mail gives: who reviewed, acked, tested or NAKed. What a line says (its
 * name, the review it gives, the person it names) is read once, by the render plugin that
 * marks trailers on the page (src/render/trailers.ts); the review counts those very nodes.
 * The rules of what counts:
 *
 * - Only trailers the mail writes in its own voice: never in a quote (a trailer or NAK inside
 *   one is not the quoting sender's), nor in its signature (the tree keeps both apart), nor
 *   indented (a trailer starts at the first column).
 * - In a reply, a trailer counts only when it names the sender: the same address, or the
 *   same name (case, accents, bracketed comments and word order aside, or one name's
 *   words all within the other's). A trailer naming someone else is a claim relayed for
 *   them, which b4 does not apply either. A bare NAK is the sender's.
 * - In a patch, the trailers of its commit message (above the first `---` line) are
 *   carried over from earlier versions and count as written.
 */
import type { Root } from 'mdast';
import type { Address } from '../parse/types.ts';
import { readTrailer } from '../render/trailers.ts';
import type { Trailer as TrailerNode, TrailerKind } from '../render/types.ts';
import { samePerson } from './person.ts';

export type { TrailerKind } from '../render/types.ts';

export interface Trailer {
  kind: TrailerKind;
  person: Address;
}

/** Trailers read per mail at most: a real one gives a handful, and each new one is compared with all before it. */
export const MAX_TRAILERS = 100;

function dedupe(all: Trailer[]): Trailer[] {
  const trailers = all.slice(0, MAX_TRAILERS);
  return trailers.filter(
    (trailer, index) => trailers.findIndex((other) => other.kind === trailer.kind && samePerson(other.person, trailer.person)) === index,
  );
}

/** The trailer lines a mail writes in its own text (outside quotes, attachments and its signature), up to line `end`, at most `MAX_TRAILERS`. */
function ownTrailers(tree: Root, end = Infinity): TrailerNode[] {
  const found: TrailerNode[] = [];
  for (const block of tree.children) {
    if (block.type !== 'trailers') continue;
    for (const trailer of block.children) {
      if ((trailer.position?.start.line ?? 0) > end || found.length >= MAX_TRAILERS) return found;
      if (trailer.review.length > 0) found.push(trailer);
    }
  }
  return found;
}

/**
 * The trailers a reply gives: its own trailers naming its sender, and a NAK line as a NAK
 * from the sender. A sender known by neither name nor address is taken at its word.
 */
export function replyTrailers(tree: Root, sender: Address): Trailer[] {
  const anonymous = sender.name === '' && sender.email === '';
  return dedupe(
    ownTrailers(tree).flatMap(({ review, person }) =>
      person === undefined || anonymous || samePerson(person, sender) ? review.map((kind) => ({ kind, person: person ?? sender })) : [],
    ),
  );
}

/** The trailers a patch carries in its commit message, which ends at line index `commitMessageEnd` (`commitMessageEnd` of body.ts). */
export function commitTrailers(tree: Root, commitMessageEnd: number): Trailer[] {
  return dedupe(ownTrailers(tree, commitMessageEnd).flatMap(({ review, person }) => (person ? review.map((kind) => ({ kind, person })) : [])));
}

/**
 * Where trailers added to a patch go, as b4 puts them: after the trailer block that closes its
 * commit message (after the patch's own `Signed-off-by:` and the trailers carried with it), or,
 * when the message ends in prose, after it in a block of their own (`newBlock`: a blank line
 * first). `lines` are the body's text, its commit message ending at `commitMessageEnd`; `line`
 * is the index of the line they go before.
 */
export function trailerInsertion(lines: readonly string[], commitMessageEnd: number): { line: number; newBlock: boolean } {
  let last = Math.min(commitMessageEnd, lines.length) - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  const trailer = last >= 0 ? readTrailer(lines[last]!) : undefined;
  return { line: last + 1, newBlock: last >= 0 && (trailer === undefined || trailer.key === 'nak') };
}
