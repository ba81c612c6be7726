/**
 * What full-text search knows of one mail, read once, when the loader renders it: the terms of
 * its own text (`b:`), of the text it quotes (`q:`), the paths of the files its own diffs change
 * (`dfn:`) and the function context of their hunk headers (`dfhh:`). Read from the tree the
 * renderer's remark steps marked (src/render: quotes, attributions, diffs, hunks, PGP armour),
 * so a quote or a diff is recognised in one place only. Each list is cut at MAIL_TERM_LIMITS,
 * keeping the terms met first (a patch's description before its code).
 */
import type { Root, RootContent } from 'mdast';
import { readQuotePrefix } from '../render/quotes.ts';
import type { MailBody } from '../parse/types.ts';
import { addTokenTerms, indexTerms, tokens } from './tokenize.ts';

export interface MailTerms {
  /** The mail's own text: everything not quoted, its diffs' lines included (not their file headers). */
  b: string[];
  /** Text it quotes, attribution lines included. */
  q: string[];
  /** Paths its own diffs change, their directories and names. */
  dfn: string[];
  /** The function context of its own diffs' hunk headers (`@@ -1,2 +1,3 @@ static int foo(void)`). */
  dfhh: string[];
}

export type TermField = keyof MailTerms;

/** At most this many distinct terms of each kind per mail. The longest patches of linux-leds have 3,400 distinct terms in their own text; 99 % of mails under 900. */
export const MAIL_TERM_LIMITS: Readonly<Record<TermField, number>> = { b: 2000, q: 1000, dfn: 100, dfhh: 300 };

/** Terms of each kind, each kept once, up to its limit. */
class TermSets {
  readonly sets: Record<TermField, Set<string>> = { b: new Set(), q: new Set(), dfn: new Set(), dfhh: new Set() };

  full(field: TermField): boolean {
    return this.sets[field].size >= MAIL_TERM_LIMITS[field];
  }

  text(field: TermField, text: string): void {
    if (this.full(field)) return;
    const set = this.sets[field];
    for (const token of tokens(text)) {
      addTokenTerms(token, set);
      if (set.size >= MAIL_TERM_LIMITS[field]) break;
    }
    // A token's words can take it past the limit by a few; cut back, so the limit holds exactly.
    if (set.size > MAIL_TERM_LIMITS[field]) this.sets[field] = new Set([...set].slice(0, MAIL_TERM_LIMITS[field]));
  }

  /** A file's path, each directory above it (`drivers/leds`), its pieces and words. */
  path(path: string): void {
    if (this.full('dfn')) return;
    const set = this.sets.dfn;
    const terms = indexTerms(path);
    for (const token of tokens(path)) {
      const parts = token.split('/');
      for (let end = 1; end < parts.length; end++) terms.add(parts.slice(0, end).join('/'));
    }
    for (const term of terms) if (set.size < MAIL_TERM_LIMITS.dfn) set.add(term);
  }

  result(): MailTerms {
    return { b: [...this.sets.b], q: [...this.sets.q], dfn: [...this.sets.dfn], dfhh: [...this.sets.dfhh] };
  }
}

/** The context after a hunk header's ranges (`@@ -1,2 +1,3 @@ context`, `@@@ … @@@ context` for merges), or ''. */
export function hunkContext(header: string): string {
  let start = 0;
  while (header[start] === '@') start++;
  if (start < 2) return '';
  const close = header.indexOf('@@', start);
  if (close === -1) return '';
  let end = close;
  while (header[end] === '@') end++;
  return header.slice(end).trim();
}

type Node = Root | RootContent;

function walk(node: Node, quoted: boolean, terms: TermSets): void {
  switch (node.type) {
    case 'pgpArmor':
      return; // signatures and keys: base64 no one searches for
    case 'quote':
    case 'attribution':
      for (const child of node.children) walk(child, true, terms);
      return;
    case 'diff':
      if (!quoted && node.path) terms.path(node.path);
      for (const line of node.children) {
        if (line.kind === 'hunk') {
          if (!quoted) terms.text('dfhh', hunkContext(line.value));
        } else if (line.kind === 'add' || line.kind === 'del' || line.kind === 'ctx') {
          terms.text(quoted ? 'q' : 'b', line.value.slice(1));
        }
        // File headers are in dfn:; binary patches, notes and elisions carry no words.
      }
      return;
  }
  if ('value' in node && typeof node.value === 'string') terms.text(quoted ? 'q' : 'b', node.value);
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child, quoted, terms);
}

/** The terms of a body, from the tree the render plugins marked (`renderBodyFile`'s `data.marked`). */
export function treeTerms(tree: Root): MailTerms {
  const terms = new TermSets();
  walk(tree, false, terms);
  return terms.result();
}

/**
 * The terms of a body the renderer did not mark up (too large, or it failed): quoted lines
 * as the renderer tells them, the rest as own text, no diff terms.
 */
export function plainTerms(body: MailBody): MailTerms {
  const terms = new TermSets();
  for (const text of [body.text, ...body.inline.map((part) => part.text)]) {
    for (const line of text.split('\n')) {
      const { depth, text: rest } = readQuotePrefix(line);
      terms.text(depth > 0 ? 'q' : 'b', rest);
      if (terms.full('b') && terms.full('q')) return terms.result();
    }
  }
  return terms.result();
}
