import { createHash } from 'node:crypto';
import type { RawMail } from '../ingest/types.ts';
import { trimLineEnds } from '../parse/text.ts';
import type { Root } from 'mdast';
import { readBodyFacts, type BodyFacts } from '../archive/body-facts.ts';
import type { ArchiveLinkTargets } from '../render/archive-links.ts';
import type { Address, ParsedMail } from '../parse/types.ts';
import type { BodyFileSizes } from './cache.ts';

/**
 * What the content store keeps per mail: the parsed headers and where the mail came
 * from. The body is not here: it lives in the body cache under `key`, so the store
 * (one JSON string in Astro) stays small at any archive size.
 */
export interface MailRecord extends Omit<ParsedMail, 'body'> {
  /** Digest of the raw message bytes: the store id, and its key in the body cache and the raw mail store. */
  key: string;
  /** Bytes of the raw message, as archived (its `raw.txt`). */
  size: number;
  /** Content file, relative to the content folder. */
  file: string;
  /** 1-based position of the mail in its file. */
  position: number;
  /** Digest of the body text, to tell a re-sent copy from a different mail under the same id. */
  bodyDigest: string;
  /** What the rendered body links to in the archive, so a page knows what its links depend on without reading the body. */
  links: ArchiveLinkTargets;
  /** What the review reads in the body (diff, trailers, Change-Ids), read with the rendering. */
  facts: BodyFacts;
  /** The sizes of the body's cache files as written, which tell the loader they are still there, whole. */
  bodyFiles: BodyFileSizes;
  /** Why the renderer failed on the body, when it is shown as escaped plain text instead. */
  renderedPlain?: string;
  /** Where a bound of the renderer cut its work on the body (`highlight-lines: highlighting stopped after …`); absent when none did. */
  renderNotes?: string[];
  /** What a page shows of a body past the bounds of src/render/index.ts (`the first 25000 of 31234 lines …`); absent when shown whole. */
  bodyCut?: string;
}

/**
 * One object per distinct address across the records of a load: a whole list names the same
 * people and lists in tens of thousands of mails, and every later stage holds the records to
 * the build's end. Each address of a record is replaced, in place, by the equal one seen first:
 * the record reads the same, and stays the very object the record shelf tells unchanged ones by.
 */
export function addressSharing(): (record: MailRecord) => MailRecord {
  const shared = new Map<string, Address>();
  const share = (address: Address): Address => {
    // The name's length first, so no name and address can pass for another pair.
    const text = `${address.name.length}:${address.name}${address.email}`;
    let known = shared.get(text);
    if (known === undefined) shared.set(text, (known = address));
    return known;
  };
  return (record) => {
    record.from = share(record.from);
    for (const list of [record.to, record.cc]) for (let index = 0; index < list.length; index++) list[index] = share(list[index]!);
    return record;
  };
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The key of a mail's bytes: a digest of them, so identical copies share it and a stored copy can be checked against its name. */
export function keyOfBytes(bytes: Uint8Array): string {
  return sha256(bytes).slice(0, 40);
}

/** The key of a raw mail. */
export function mailKey(raw: RawMail): string {
  return keyOfBytes(raw.bytes);
}

/** What the rendering of a body gives its record: what its HTML links to, and the body as the plugins marked it. */
export interface RenderedFacts {
  links: ArchiveLinkTargets;
  marked: Root;
  bodyFiles: BodyFileSizes;
}

/** Splits a parsed mail into the record the store keeps and the body the cache keeps. */
export function toRecord(raw: RawMail, key: string, parsed: ParsedMail, { links, marked, bodyFiles }: RenderedFacts): MailRecord {
  const { body, ...mail } = parsed;
  const joined = [body.text, ...body.inline.map((part) => part.text)].join('\n');
  const bodyText = trimLineEnds(joined).trim();
  const facts = readBodyFacts(body, marked, mail.from);
  return { ...mail, key, size: raw.bytes.length, file: raw.file, position: raw.position, bodyDigest: sha256(bodyText).slice(0, 32), links, facts, bodyFiles };
}

/** How many of the mails each rule of the renderer's notes cut (`{ 'highlight-lines': 3 }`), rules in order. */
export function renderNoteCounts(records: Iterable<Pick<MailRecord, 'renderNotes'>>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const { renderNotes = [] } of records) {
    for (const rule of new Set(renderNotes.map((note) => note.slice(0, note.indexOf(':'))))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The prefix of every id in a rendered body, unique per mail, so several bodies can share a page. */
export function bodyIdPrefix(key: string): string {
  return `m${key.slice(0, 8)}-`;
}
