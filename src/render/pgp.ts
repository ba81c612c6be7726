/**
 * Marks PGP armour: the head of a clearsigned message (`-----BEGIN PGP SIGNED MESSAGE-----` and
 * its `Hash:` lines) and armoured blocks (signature, key, message) from BEGIN to END.
 */
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { claimLines, mapLineRuns, span } from './lines.ts';
import type { MailLine, PgpArmor } from './types.ts';

const BEGIN = /^-----BEGIN PGP ([A-Z ]+)-----\s*$/;
/** Armour longer than this is not looked for (keys are a few hundred lines at most). */
const MAX_ARMOR_LINES = 400;

function armor(lines: MailLine[], kind: string): PgpArmor {
  const node: PgpArmor = { type: 'pgpArmor', kind, value: lines.map((line) => line.value).join('\n') };
  const position = span(lines[0]!, lines[lines.length - 1]!);
  if (position) node.position = position;
  return node;
}

function readArmor(run: MailLine[], index: number): { node: PgpArmor; end: number } | undefined {
  const begin = BEGIN.exec(run[index]!.value);
  if (!begin) return undefined;
  const what = begin[1]!;
  const kind = what.toLowerCase().replace(/ /g, '-');
  if (what === 'SIGNED MESSAGE') {
    let end = index + 1;
    while (end < run.length && /^Hash: /.test(run[end]!.value)) end++;
    return { node: armor(run.slice(index, end), kind), end };
  }
  const close = `-----END PGP ${what}-----`;
  for (let end = index + 1; end < Math.min(run.length, index + MAX_ARMOR_LINES); end++) {
    const line = run[end]!.value;
    if (line.trimEnd() === close) return { node: armor(run.slice(index, end + 1), kind), end: end + 1 };
    // Armour does not nest: a BEGIN before the END leaves this one unclosed (and a run of BEGIN lines costs one look each).
    if (line.startsWith('-----BEGIN PGP ')) return undefined;
  }
  return undefined;
}

/** unified plugin: mark PGP armour. */
export function remarkPgpArmor(): Transformer<Root> {
  return (tree: Root): void => mapLineRuns(tree, (run) => claimLines(run, readArmor));
}
