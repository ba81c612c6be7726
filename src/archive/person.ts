/**
 * Whether two people named in mail are one: names are written many ways for one person
 * (`Suthikulpanit, Suravee`, `Marek Behún` and `Marek Behun`, `Rob Herring (Arm)`), so
 * comparing them ignores case, accents, bracketed comments and word order. Reading a person
 * from text is `parsePerson` (src/parse/person.ts).
 */
import { replaceBracketed } from '../parse/text.ts';
import type { Address } from '../parse/types.ts';

// A list has a few thousand names, compared over and over (every trailer of every series shown):
// each is read into words once. Bounded, since names come from mail.
const wordsOfName = new Map<string, ReadonlySet<string>>();
const NAMES_KEPT = 50_000;

function nameWords(name: string): ReadonlySet<string> {
  let words = wordsOfName.get(name);
  if (words) return words;
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  words = new Set(replaceBracketed(plain, ['()', '[]'], ' ').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''));
  if (wordsOfName.size >= NAMES_KEPT) wordsOfName.clear();
  wordsOfName.set(name, words);
  return words;
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
