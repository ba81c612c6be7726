/**
 * People as mail text names them: in trailers (`Reviewed-by: Name <address>`) and in
 * attribution lines (`On …, Name wrote:`). Names are written many ways for one person
 * (`Suthikulpanit, Suravee`, `Marek Behún` and `Marek Behun`, `Rob Herring (Arm)`), so
 * comparing them ignores case, accents, bracketed comments and word order.
 */
import type { Address } from '../parse/types.ts';

/** `Name <address>`, `Name (comment) <address>`, `<address>`, a bare address, or a bare name. */
export function parsePerson(value: string): Address {
  const text = value.replace(/\s#.*$/, '').trim();
  // The address ends at the first `>` or `<`, so `<a@b<mailto:a@b>>` (HTML mail debris) reads as a@b.
  const bracketed = /<\s*([^<>\s]+@[^<>\s]+?)\s*[<>]/.exec(text);
  if (bracketed) return { name: unquote(text.slice(0, bracketed.index)), email: bracketed[1]! };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: '', email: text };
  return { name: unquote(text), email: '' };
}

function unquote(name: string): string {
  return name.trim().replace(/^"(.*)"$/, '$1').trim();
}

function nameWords(name: string): Set<string> {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''));
}

/**
 * Whether two addresses name the same person: the same address, or names whose words
 * (case, accents, bracketed comments and order aside) are all found in the other's,
 * so `Rob Herring (Arm)` is `Rob Herring` and `Russell King - ARM Linux admin` is `Russell King`.
 */
export function samePerson(a: Address, b: Address): boolean {
  if (a.email !== '' && a.email.toLowerCase() === b.email.toLowerCase()) return true;
  const wordsA = nameWords(a.name);
  const wordsB = nameWords(b.name);
  if (wordsA.size === 0 || wordsB.size === 0) return false;
  const [fewer, more] = wordsA.size <= wordsB.size ? [wordsA, wordsB] : [wordsB, wordsA];
  return [...fewer].every((word) => more.has(word));
}
