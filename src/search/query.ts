/**
 * The search language, in the style of lore: bare words and `s:` search subjects,
 * `f:` the author's name or address, `d:2023-01..2023-03` a date range (either end may be
 * left out), `"quoted words"` a phrase; everything is combined with AND.
 */
import { words } from './tokenize.ts';

export interface SubjectTerm {
  /** Folded words; several when the term was a phrase. */
  words: string[];
  phrase: boolean;
}

export interface SearchQuery {
  subject: SubjectTerm[];
  author: string[];
  /** Inclusive bounds as `YYYY-MM-DD`; null when open. */
  from: string | null;
  to: string | null;
}

const TOKEN = /(\w+:)?("([^"]*)"?|\S+)/g;

function dayBound(text: string, end: boolean): string | null {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (day) return `${year}-${month!.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month.padStart(2, '0')}-${end ? String(last).padStart(2, '0') : '01'}`;
  }
  return `${year}-${end ? '12-31' : '01-01'}`;
}

/** Parses what a person typed. Unknown prefixes are read as subject words. */
export function parseQuery(input: string): SearchQuery {
  const query: SearchQuery = { subject: [], author: [], from: null, to: null };
  for (const match of input.matchAll(TOKEN)) {
    const prefix = (match[1] ?? '').toLowerCase();
    const quoted = match[3];
    const value = quoted ?? match[2] ?? '';
    if (prefix === 'd:') {
      const [start = '', end = start] = value.split('..');
      query.from = start ? dayBound(start, false) : null;
      query.to = end ? dayBound(end, true) : null;
    } else if (prefix === 'f:') {
      query.author.push(...words(value));
    } else {
      // `re:` and `fwd:` are not part of any subject as indexed; drop them rather than match nothing.
      const text = prefix === 's:' || prefix === '' ? value : `${prefix}${value}`;
      const list = words(text).filter((word, index) => !(index === 0 && /^(re|fwd?)$/.test(word) && /^(re|fwd?):/i.test(text)));
      if (list.length === 0) continue;
      if (quoted !== undefined && list.length > 1) query.subject.push({ words: list, phrase: true });
      else for (const word of list) query.subject.push({ words: [word], phrase: false });
    }
  }
  return query;
}

/** Whether the query asks anything at all. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.subject.length === 0 && query.author.length === 0 && query.from === null && query.to === null;
}
