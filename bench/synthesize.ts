/**
 * Makes a bigger archive from a real one, for scale benchmarks: copies of every message
 * with rewritten Message-IDs (and the In-Reply-To and References that point at them)
 * and dates moved back by whole years per copy, so threads stay threads and copies never
 * collide. Bodies are kept as they are.
 *
 *   node_modules/.bin/node bench/synthesize.ts <source.mbox> <count> <out.mbox>
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { splitMbox } from '../src/ingest/mbox.ts';

const YEARS_PER_COPY = 8;
const ID_HEADERS = /^(Message-ID|In-Reply-To|References)([ \t]*:)((?:.*)(?:\r?\n[ \t].*)*)/gim;
const DATE_HEADER = /^Date([ \t]*:)[ \t]*(.*)$/im;

function rewriteHeaders(header: string, copy: number): string {
  if (copy === 0) return header;
  const withIds = header.replace(ID_HEADERS, (_, name: string, colon: string, value: string) =>
    `${name}${colon}${value.replace(/<([^<>]*)>/g, (__, id: string) => `<c${copy}.${id}>`)}`,
  );
  return withIds.replace(DATE_HEADER, (line, colon: string, value: string) => {
    const date = new Date(value.replace(/\([^)]*\)/g, ' '));
    if (Number.isNaN(date.getTime())) return line;
    date.setUTCFullYear(date.getUTCFullYear() - YEARS_PER_COPY * copy);
    return `Date${colon} ${date.toUTCString().replace('GMT', '+0000')}`;
  });
}

/** Writes `count` messages, cycling over the source's messages copy after copy. */
export function synthesize(source: string, count: number, out: string): void {
  const { messages } = splitMbox(readFileSync(source));
  const fd = openSync(out, 'w');
  try {
    for (let n = 0; n < count; n++) {
      const copy = Math.floor(n / messages.length);
      const message = messages[n % messages.length]!.toString('latin1');
      const split = message.search(/\r?\n\r?\n/);
      const header = split === -1 ? message : message.slice(0, split);
      const rest = split === -1 ? '' : message.slice(split);
      // Re-escape body lines that mboxrd escaping protected, so the copy reads back the same.
      const body = rest.replace(/^(>*From )/gm, '>$1');
      writeSync(fd, Buffer.from(`From mboxrd@z Thu Jan  1 00:00:00 1970\n${rewriteHeaders(header, copy)}${body}`, 'latin1'));
      if (!body.endsWith('\n')) writeSync(fd, '\n');
    }
  } finally {
    closeSync(fd);
  }
}

if (import.meta.main) {
  const [source, count, out] = process.argv.slice(2);
  if (!source || !count || !out) throw new Error('usage: synthesize.ts <source.mbox> <count> <out.mbox>');
  synthesize(source, Number(count), out);
}
