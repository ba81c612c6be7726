/**
 * Marks trailers (`Signed-off-by:`, `Reviewed-by:`, `Acked-by:`, `Fixes:`, `Link:`…) and bare
 * NAKs. Consecutive trailer lines make one `trailers` block; a run of `Cc:` lines alone is left
 * as text, since it is as likely a quoted mail header.
 */
import type { Root, RootContent } from 'mdast';
import { mapLineRuns, span, textOf } from './lines.ts';
import type { MailLine, Trailer, Trailers } from './types.ts';

const TRAILER =
  /^(Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Co-developed-by|Nacked-by|Reported-and-tested-by|Requested-by|Debugged-by|Originally-by|Helped-by|Cc|Fixes|Link|Closes)\s*:\s*\S/i;
/** "NAK", "Also NAK.", "Nack, because…": a line that opens with a NAK (but not `Nacked-by:`). */
const NAK = /^(?:(?:also|so|hence|thus|then|and|but|still)[ ,]+)?(?:NAK|NACK)(?![\w-])/i;

/** The trailer key of a line (`reviewed-by`, `nak`…), or undefined. */
export function trailerKey(line: string): string | undefined {
  const match = TRAILER.exec(line);
  if (match) return match[1]!.toLowerCase();
  return NAK.test(line) ? 'nak' : undefined;
}

function trailerOf(line: MailLine, key: string): Trailer {
  const trailer: Trailer = { type: 'trailer', key, children: [textOf([line])] };
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
    const key = trailerKey(line.value);
    if (key) {
      block.push(trailerOf(line, key));
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
export function remarkTrailers() {
  return (tree: Root): void => mapLineRuns(tree, markTrailers);
}
