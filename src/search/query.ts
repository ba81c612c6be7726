/**
 * The search language, in the style of lore (docs/search.md): bare words and `s:` search the
 * subjects of series and threads; `f:`, `t:`, `c:`, `a:`, `tc:`, `d:`, `b:`/`nq:`, `q:`, `dfn:` and
 * `dfhh:` apply to each message, and a series or thread matches when one of its messages matches
 * all of them; `m:` names one message. `"quoted words"` make a phrase; everything is combined with AND.
 */
import { tokens, words } from './tokenize.ts';
import type { MessageField } from './types.ts';

export interface SubjectTerm {
  /** One token, or the folded words of a phrase. */
  words: string[];
  phrase: boolean;
  /**
   * Set on a bare word right after a people term (`f:Lee Jones`): the index of that term in
   * `messages`. The word joins the name when some message holds it with the name's other words.
   */
  joins?: number;
}

/** What a per-message prefix means: which fields it reads, and whether it names people (whose names may go unquoted). */
export const MESSAGE_PREFIXES = {
  'f:': { fields: ['f'], people: true },
  't:': { fields: ['to'], people: true },
  'c:': { fields: ['cc'], people: true },
  'tc:': { fields: ['to', 'cc'], people: true },
  'a:': { fields: ['f', 'to', 'cc'], people: true },
  'b:': { fields: ['b'], people: false },
  'nq:': { fields: ['b'], people: false },
  'q:': { fields: ['q'], people: false },
  'dfn:': { fields: ['dfn'], people: false },
  'dfhh:': { fields: ['dfhh'], people: false },
} as const satisfies Record<string, { fields: readonly MessageField[]; people: boolean }>;

export type MessagePrefix = keyof typeof MESSAGE_PREFIXES;

export interface MessageTerm {
  prefix: MessagePrefix;
  fields: readonly MessageField[];
  /** Tokens one message must all hold, each whole, each in any of `fields`. */
  words: string[];
  /** Whether it names people (`f:`, `t:`, `c:`, `tc:`, `a:`): bare words after it may be the rest of the name. */
  people: boolean;
}

export interface SearchQuery {
  subject: SubjectTerm[];
  messages: MessageTerm[];
  /** Inclusive bounds as `YYYY-MM-DD`; null when open. */
  from: string | null;
  to: string | null;
  /** `m:`: a Message-ID, without angle brackets. */
  messageId: string | null;
}

const TOKEN = /(\w+:)?("([^"]*)"?|\S+)/g;

function dayBound(text: string, end: boolean): string | null {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  // A month or day that is none (`d:2024-0`, typed on the way to `d:2024-06`) bounds nothing.
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  const last = month ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;
  if (day) return Number(day) < 1 || Number(day) > last ? null : `${year}-${month!.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (month) return `${year}-${month.padStart(2, '0')}-${end ? String(last).padStart(2, '0') : '01'}`;
  return `${year}-${end ? '12-31' : '01-01'}`;
}

/**
 * The Message-ID in what was pasted after `m:` (or alone): `<id>`, `id`, or a URL naming it, as
 * lore's (`https://lore.kernel.org/list/<id>/`, `…/<id>/T/#u`, `…/<id>/raw`) and patch.msgid.link's
 * do: the first part of the path holding an `@`. Null when none is there.
 */
export function messageIdOf(text: string): string | null {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) {
    let path: string;
    try {
      path = new URL(value).pathname;
    } catch {
      return null;
    }
    for (const part of path.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part);
      } catch {
        continue;
      }
      if (decoded.includes('@')) return messageIdOf(decoded);
    }
    return null;
  }
  const bare = value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1).trim() : value.replace(/^<|>$/g, '');
  return bare === '' || /\s/.test(bare) ? null : bare;
}

const looksLikeUrl = (text: string) => /^https?:\/\/\S+@/i.test(text) || /^https?:\/\/[^/\s]+\/\S*%40/i.test(text);

/** Parses what a person typed. Unknown prefixes are read as subject words. */
export function parseQuery(input: string): SearchQuery {
  const query: SearchQuery = { subject: [], messages: [], from: null, to: null, messageId: null };
  const trimmed = input.trim();
  // A Message-ID or a URL naming one, pasted alone, names its message.
  if (/^<[^<>\s]+@[^<>\s]+>$/.test(trimmed) || looksLikeUrl(trimmed)) {
    query.messageId = messageIdOf(trimmed);
    if (query.messageId) return query;
  }
  /** The people term bare words may still join (`f:Lee Jones`), while nothing else came between. */
  let joining: number | undefined;
  for (const match of input.matchAll(TOKEN)) {
    const prefix = (match[1] ?? '').toLowerCase();
    const quoted = match[3];
    const value = quoted ?? match[2] ?? '';
    const wasJoining = joining;
    joining = undefined;
    if (prefix === 'm:') {
      query.messageId = messageIdOf(value);
    } else if (prefix === 'd:') {
      const [start = '', end = start] = value.split('..');
      query.from = start ? dayBound(start, false) : null;
      query.to = end ? dayBound(end, true) : null;
    } else if (prefix in MESSAGE_PREFIXES) {
      const { fields, people } = MESSAGE_PREFIXES[prefix as MessagePrefix];
      // One-letter words are not looked for in messages: as good as every message has them.
      const list = tokens(value).filter((token) => [...token].length > 1);
      if (list.length === 0) continue;
      query.messages.push({ prefix: prefix as MessagePrefix, fields, words: list, people });
      if (people && quoted === undefined) joining = query.messages.length - 1;
    } else if ((prefix === 'http:' || prefix === 'https:') && looksLikeUrl(`${prefix}${value}`)) {
      query.messageId = messageIdOf(`${prefix}${value}`);
    } else {
      // `re:` and `fwd:` are not part of any subject as indexed; drop them rather than match nothing.
      const text = prefix === 's:' || prefix === '' ? value : `${prefix}${value}`;
      const reply = /^(re|fwd?):/i.test(text);
      if (quoted !== undefined) {
        const list = words(text).filter((word, index) => !(index === 0 && reply && /^(re|fwd?)$/.test(word)));
        if (list.length > 1) query.subject.push({ words: list, phrase: true });
        else if (list.length === 1) query.subject.push({ words: list, phrase: false });
        continue;
      }
      const list = tokens(text).filter((token, index) => !(index === 0 && reply && /^(re|fwd?)$/.test(token)));
      for (const token of list) {
        const term: SubjectTerm = { words: [token], phrase: false };
        // Only a plain bare word may be the rest of a name: `f:lee jones`, not `f:lee s:jones`.
        if (wasJoining !== undefined && prefix === '' && list.length === 1) {
          term.joins = wasJoining;
          joining = wasJoining;
        }
        query.subject.push(term);
      }
    }
  }
  return query;
}

/** Whether the query asks anything at all. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.subject.length === 0 && query.messages.length === 0 && query.from === null && query.to === null && query.messageId === null;
}
