/** The lines `npm run add` prints: one per message (or per input that yielded none), then a summary. */
import { isAbsolute, relative } from 'node:path';
import { INVISIBLE_NAMES } from '../render/invisible.ts';
import type { AddOutcome, AddReport } from './add.ts';

/** Longest id printed; longer ones are cut, so one hostile id cannot flood the terminal. */
const MAX_SHOWN_ID = 200;

/** Text made safe to print: control and invisible characters written `⟨U+202E⟩`, as pages show them. */
export function printable(text: string): string {
  let shown = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const hidden = code < 0x20 || (code >= 0x7f && code < 0xa0) || INVISIBLE_NAMES[code] !== undefined;
    shown += hidden ? `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩` : char;
  }
  return shown;
}

function shownId(id: string | undefined): string {
  if (id === undefined) return '';
  return ` <${id.length > MAX_SHOWN_ID ? `${id.slice(0, MAX_SHOWN_ID)}…` : id}>`;
}

/** A path as the user can type it: relative to the working directory when inside it. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** `added: content/2025/03/2025-03-14-….eml  (patch.mbox: message 2 <id>)`; file names and ids from mail printed safe. */
export function describeOutcome(outcome: AddOutcome): string {
  const what = `${outcome.source}${shownId(outcome.messageId)}`;
  switch (outcome.kind) {
    case 'added':
      return printable(`added: ${shownPath(outcome.path)}  (${what})`);
    case 'skipped':
      return printable(`skipped: ${what}: ${outcome.reason}${outcome.path ? ` in ${shownPath(outcome.path)}` : ''}`);
    case 'refused':
      return printable(`refused: ${what}: ${outcome.reason}`);
  }
}

/** The counts, how long checking the content folder took, and, when anything was added, the rebuild to run. */
export function summaryLines(report: AddReport, contentVariable = process.env.SHEAF_CONTENT): string[] {
  const count = (kind: AddOutcome['kind']) => report.outcomes.filter((outcome) => outcome.kind === kind).length;
  const added = count('added');
  const { checked } = report;
  const took = checked && checked.files > 0
    ? ` (checked ${checked.mails.toLocaleString('en-US')} mails in ${checked.files.toLocaleString('en-US')} content files in ${checked.seconds.toFixed(1)} s)`
    : '';
  const lines = [`${added} added, ${count('skipped')} skipped, ${count('refused')} refused${took}`];
  if (added > 0) {
    const build = contentVariable ? `SHEAF_CONTENT=${contentVariable} npm run build` : 'npm run build';
    lines.push(`Rebuild the site with \`${printable(build)}\`: it is incremental, so only the new mail is parsed and only the pages that show it are written.`);
  }
  return lines;
}
