/**
 * The search terms of each mail (src/search/mail-terms.ts), kept in Sheaf's cache folder beside
 * its body: `<SHEAF_CACHE>/search-terms/<2 hex>/<key>.terms`. Written by the loader's worker when
 * it renders the mail, read by the index build, so no build reads or tokenizes a body for search.
 * Kept out of Astro's content store, which is one JSON string and must stay small.
 *
 * A file is one header line, `sheaf-terms <key> <bytes>`, then one line per kind of term (`b`,
 * `q`, `dfn`, `dfhh`), its terms separated by spaces (terms hold no white space). It is written
 * whole or not at all (a temporary file renamed over it); a file that is missing, cut short or
 * written for another key reads as null, and the index build makes it again from the body.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Root } from 'mdast';
import type { MailBody } from '../parse/types.ts';
import { plainTerms, treeTerms, type MailTerms, type TermField } from '../search/mail-terms.ts';
import { cacheRoot } from './cache.ts';

const FIELDS: readonly TermField[] = ['b', 'q', 'dfn', 'dfhh'];
const HEADER = /^sheaf-terms ([0-9a-f]+) (\d+)\n/;

function termsPath(key: string): string {
  if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a mail key: ${key}`);
  return join(cacheRoot(), 'search-terms', key.slice(0, 2), `${key}.terms`);
}

/** Writes a mail's terms whole or not at all. */
export function writeSearchTerms(key: string, terms: MailTerms): void {
  const payload = Buffer.from(FIELDS.map((field) => terms[field].join(' ')).join('\n'));
  const path = termsPath(key);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`sheaf-terms ${key} ${payload.length}\n`), payload]));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A mail's terms, or null when its file is missing or damaged (cut short, another key's, not four lines). */
export function readSearchTerms(key: string): MailTerms | null {
  const path = termsPath(key);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return null;
  }
  const header = HEADER.exec(data.toString('latin1', 0, 128));
  if (!header || header[1] !== key || data.length !== header[0].length + Number(header[2])) return null;
  const lines = data.toString('utf8', header[0].length).split('\n');
  if (lines.length !== FIELDS.length) return null;
  const split = (line: string) => (line === '' ? [] : line.split(' '));
  return { b: split(lines[0]!), q: split(lines[1]!), dfn: split(lines[2]!), dfhh: split(lines[3]!) };
}

/**
 * A mail's terms as the loader makes them: from the tree its page was rendered from (its quotes,
 * diffs and hunks marked), or its plain words when the body was shown as plain text.
 */
export function bodyTerms(body: MailBody, renderedTree: Root | undefined): MailTerms {
  return renderedTree ? treeTerms(renderedTree) : plainTerms(body);
}
