/**
 * Atom 1.0 (RFC 4287) documents from plain data. Every string is written as escaped XML text:
 * nothing from mail becomes markup, characters XML 1.0 does not allow (controls, lone
 * surrogates, U+FFFE and U+FFFF) become U+FFFD, and the characters that change how text reads
 * without showing (bidi overrides, zero-width characters) are written as their visible marks
 * (`⟨U+202E⟩`), as pages show them. Text constructs are `type="text"`.
 */
import { visibleText } from '../render/invisible.ts';

export interface AtomPerson {
  name: string;
  /** Omitted when the archive shows no address. */
  email: string | null;
}

export interface AtomEntry {
  /** A permanent IRI: the absolute URL of the entry's page. */
  id: string;
  title: string;
  /** The entry's page, absolute. */
  url: string;
  /** ISO 8601. */
  updated: string;
  /** When it first appeared, if not `updated`. */
  published: string | null;
  author: AtomPerson;
  summary: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own absolute URL (`rel="self"`). */
  selfUrl: string;
  /** The page it follows (`rel="alternate"`), absolute. */
  pageUrl: string;
  /** ISO 8601: the newest entry's, so the feed depends on its entries alone. */
  updated: string;
  /** The feed's author, for entries that name none well: the archive. */
  author: AtomPerson;
  entries: AtomEntry[];
}

// Characters outside XML 1.0's Char production, lone surrogates included (the `u` flag reads pairs as one).
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text as XML character data or an attribute value. */
export function xmlText(text: string): string {
  return visibleText(text)
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function textElement(name: string, text: string, indent: string): string {
  return `${indent}<${name} type="text">${xmlText(text)}</${name}>`;
}

function person(role: string, { name, email }: AtomPerson, indent: string): string {
  const lines = [`${indent}<${role}>`, `${indent}  <name>${xmlText(name)}</name>`];
  if (email) lines.push(`${indent}  <email>${xmlText(email)}</email>`);
  lines.push(`${indent}</${role}>`);
  return lines.join('\n');
}

function entryXml(entry: AtomEntry): string {
  const lines = [
    '  <entry>',
    `    <id>${xmlText(entry.id)}</id>`,
    textElement('title', entry.title, '    '),
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
    `    <updated>${xmlText(entry.updated)}</updated>`,
  ];
  if (entry.published) lines.push(`    <published>${xmlText(entry.published)}</published>`);
  lines.push(person('author', entry.author, '    '));
  if (entry.summary !== null) lines.push(textElement('summary', entry.summary, '    '));
  lines.push('  </entry>');
  return lines.join('\n');
}

/** The feed as an Atom document. */
export function atomXml(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    textElement('title', feed.title, '  '),
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    `  <updated>${xmlText(feed.updated)}</updated>`,
    person('author', feed.author, '  '),
    '  <generator>Sheaf</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
