/**
 * Characters that change how text reads without showing: bidirectional embeddings, overrides
 * and isolates (the "Trojan Source" characters, which can make code or a subject read other
 * than it is), and zero-width characters (which can hide inside names and ids). Mail text
 * shows each as a visible mark, `⟨U+202E⟩`, in a `span.invisible-char` titled with the
 * character's name, as code review tools do. Bodies get it from `rehypeInvisibleChars`;
 * headers shown on pages from the same `splitInvisible` (src/components/MailText.astro).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';

export const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export type TextPiece = { text: string } | { invisible: string; code: string; name: string };

/** `U+202E` for a character. */
function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text cut into plain runs and invisible characters, in order; one `{text}` piece when there are none. */
export function splitInvisible(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    const char = match[0];
    pieces.push({ invisible: char, code: codeOf(char), name: INVISIBLE_NAMES[char.codePointAt(0)!]! });
    last = match.index + char.length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last) });
  return pieces;
}

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** The text with each invisible character written `⟨U+202E⟩`: for `<title>` and attributes, where no markup goes. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (char) => `⟨${codeOf(char)}⟩`);
}

/** The mark an invisible character shows as. */
export function invisibleMark(piece: Extract<TextPiece, { invisible: string }>): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['invisible-char'], title: `${piece.code} ${piece.name}` },
    children: [{ type: 'text', value: `⟨${piece.code}⟩` }],
  };
}

function visibleChildren(children: ElementContent[]): ElementContent[] | undefined {
  let changed = false;
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'text' && hasInvisible(child.value)) {
      changed = true;
      for (const piece of splitInvisible(child.value)) out.push('text' in piece ? { type: 'text', value: piece.text } : invisibleMark(piece));
    } else {
      if (child.type === 'element') {
        const inner = visibleChildren(child.children);
        if (inner) child.children = inner;
      }
      out.push(child);
    }
  }
  return changed ? out : undefined;
}

/** Whether the mail text a file was made from holds none: its text and its attachments' names, types and text (a file without text may). */
function surelyVisible(file: VFile): boolean {
  if (typeof file.value !== 'string') return false;
  const texts = [file.value, ...(file.data.inline ?? []).flatMap((part) => [part.filename, part.contentType, part.text])];
  return !texts.some(hasInvisible);
}

/**
 * rehype plugin: every invisible character of the body's text shown as its mark. Runs last,
 * after highlighting; a body whose text holds none (most) is not walked.
 */
export function rehypeInvisibleChars(): Transformer<Root> {
  return (tree, file) => {
    if (surelyVisible(file)) return;
    const children = visibleChildren(tree.children as ElementContent[]);
    if (children) tree.children = children;
  };
}
