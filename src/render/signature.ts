/**
 * Marks the signature: the `-- ` line and the lines after it, to the end of the text it sits
 * in. A `--` without its space only counts near the end, and a "signature" longer than a
 * footer or two is left as text.
 */
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { claimLines, isBlank, mapLineRuns, span, textOf } from './lines.ts';
import type { MailLine, Signature } from './types.ts';

/** More lines than this after a `-- ` are not a signature but the separator used as a divider. */
export const MAX_SIGNATURE_LINES = 40;
const MAX_BARE_SEPARATOR_LINES = 10;

/** Reads a signature at `index`; `last` is the run's last non-blank line. */
function readSignature(run: MailLine[], index: number, last: number): { node: Signature; end: number } | undefined {
  const separator = run[index]!.value;
  if ((separator !== '-- ' && separator !== '--') || last <= index) return undefined;
  const after = last - index;
  if (after > (separator === '--' ? MAX_BARE_SEPARATOR_LINES : MAX_SIGNATURE_LINES)) return undefined;
  const lines = run.slice(index, last + 1);
  const node: Signature = { type: 'signature', children: [textOf(lines)] };
  const position = span(lines[0]!, lines[lines.length - 1]!);
  if (position) node.position = position;
  return { node, end: last + 1 };
}

/** unified plugin: mark signatures. */
export function remarkSignature(): Transformer<Root> {
  return (tree: Root): void =>
    mapLineRuns(tree, (run) => {
      let last = run.length - 1;
      while (last > 0 && isBlank(run[last])) last--;
      return claimLines(run, (lines, index) => readSignature(lines, index, last));
    });
}
