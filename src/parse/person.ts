/**
 * People as mail text names them: in trailers (`Reviewed-by: Name <address>`) and in
 * attribution lines (`On …, Name wrote:`): `Name <address>`, a bare address or a bare name.
 */
import { MAX_FIELD_LENGTH } from './bounds.ts';
import type { Address } from './types.ts';

/** `Name <address>`, `Name (comment) <address>`, `<address>`, a bare address, or a bare name. */
export function parsePerson(value: string): Address {
  // A trailer or attribution naming a person is one short line; the bound keeps hostile ones cheap.
  const text = value.slice(0, MAX_FIELD_LENGTH).replace(/\s#.*$/, '').trim();
  const bracketed = bracketedAddress(text);
  if (bracketed) return { name: unquote(text.slice(0, bracketed.index)), email: bracketed.email };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: '', email: text };
  return { name: unquote(text), email: '' };
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * The first `<address>` (blanks allowed inside the brackets): what `/<\s*([^<>\s]+@[^<>\s]+?)\s*[<>]/`
 * finds, in one scan. The address ends at the first `>` or `<`, so `<a@b<mailto:a@b>>` (HTML mail
 * debris) reads as a@b.
 */
function bracketedAddress(text: string): { index: number; email: string } | null {
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    let start = open + 1;
    while (isSpace(text[start])) start++;
    let end = start;
    while (end < text.length && text[end] !== '<' && text[end] !== '>' && !isSpace(text[end])) end++;
    let after = end;
    while (isSpace(text[after])) after++;
    // One character at least on either side of the `@`.
    const hasAt = text.slice(start + 1, end - 1).includes('@');
    if (hasAt && (text[after] === '<' || text[after] === '>')) return { index: open, email: text.slice(start, end) };
  }
  return null;
}

/** Whether the text holds an `<address>` without blanks: what `/<[^<>\s]+@[^<>\s]+>/` tests, in one scan. */
export function holdsAngleAddress(text: string): boolean {
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    let end = open + 1;
    while (end < text.length && text[end] !== '<' && text[end] !== '>' && !isSpace(text[end])) end++;
    if (text[end] === '>' && text.slice(open + 2, end - 1).includes('@')) return true;
  }
  return false;
}

function unquote(name: string): string {
  return name.trim().replace(/^"(.*)"$/, '$1').trim();
}
