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
  /**
   * What the mail says the trailer is for, when it says: after the person (`… for 5/8 and
   * 6/8`) or on the line before its trailers (`For the hwmon and watchdog patches:`). Only the
   * review of a cover letter reads it (scope.ts).
   */
  scope?: string;
}

/** Trailers read per mail at most: a real one gives a handful, and each new one is compared with all before it. */
export const MAX_TRAILERS = 100;

function dedupe(all: Trailer[]): Trailer[] {
  const trailers = all.slice(0, MAX_TRAILERS);
  return trailers.filter(
    (trailer, index) => trailers.findIndex((other) => other.kind === trailer.kind && samePerson(other.person, trailer.person)) === index,
  );
}

/** `For the DT patches:`, `For patches 1-3:`: a line that says what the trailers below it are for, at most 150 characters. */
const SCOPE_LINE = /^[ \t]*for[ \t]+(\S[^\n]{0,150}?)[ \t]*:[ \t]*$/i;

/** The scope the line just before a trailer block states (its paragraph's last line), or undefined. */
function scopeAbove(tree: Root, index: number): string | undefined {
  const above = tree.children[index - 1];
  if (above?.type !== 'paragraph') return undefined;
  const last = above.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const line = last.value.slice(last.value.lastIndexOf('\n') + 1);
  return line.length <= 200 ? SCOPE_LINE.exec(line)?.[1] : undefined;
}

/** The trailer lines a mail writes in its own text (outside quotes, attachments and its signature), up to line `end`, at most `MAX_TRAILERS`, each with the scope it states. */
function ownTrailers(tree: Root, end = Infinity): { trailer: TrailerNode; scope: string | undefined }[] {
  const found: { trailer: TrailerNode; scope: string | undefined }[] = [];
  tree.children.forEach((block, index) => {
    if (block.type !== 'trailers') return;
    const above = scopeAbove(tree, index);
    for (const trailer of block.children) {
      if ((trailer.position?.start.line ?? 0) > end || found.length >= MAX_TRAILERS) return;
      if (trailer.review.length > 0) found.push({ trailer, scope: trailer.scope ?? above });
    }
  });
  return found;
}

/**
 * The trailers a reply gives: its own trailers naming its sender, and a NAK line as a NAK
 * from the sender. A sender known by neither name nor address is taken at its word.
 */
export function replyTrailers(tree: Root, sender: Address): Trailer[] {
  const anonymous = sender.name === '' && sender.email === '';
  return dedupe(
    ownTrailers(tree).flatMap(({ trailer: { review, person }, scope }) =>
      person === undefined || anonymous || samePerson(person, sender)
        ? review.map((kind) => ({ kind, person: person ?? sender, ...(scope === undefined ? {} : { scope }) }))
        : [],
    ),
  );
}

/** The trailers a patch carries in its commit message, which ends at line index `commitMessageEnd` (`commitMessageEnd` of body.ts). */
export function commitTrailers(tree: Root, commitMessageEnd: number): Trailer[] {
  return dedupe(ownTrailers(tree, commitMessageEnd).flatMap(({ trailer: { review, person } }) => (person ? review.map((kind) => ({ kind, person })) : [])));
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
