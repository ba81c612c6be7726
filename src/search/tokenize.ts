/**
 * Words as search sees them: accents and case folded, split at anything that is not a
 * letter or digit, so `net-next`, `[PATCHv3 2/5]` and `qcom-wled` give the words people type.
 * Shared by the index builder and the browser, so both cut words the same way.
 */

/** Lower case, accents removed (é → e), compatibility forms unified (ﬁ → fi). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a text, in order. */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** `Re:`, `Fwd:`, `AW:` and friends at the start, repeated or not: not part of what a subject is about. */
export function stripReplyPrefixes(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|fwd?|aw|sv|antw|r)\s*(?:\[\d+\])?\s*:\s*)+/i, '').trim();
}

/** Title words are indexed a second time as `=word`, in the word's own shard, so title matches can rank first. */
export const TITLE_MARK = '=';

/** Adjacent word pairs, for phrase search (`"multicolor framework"`). */
export function wordPairs(list: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < list.length; i++) pairs.push(`${list[i]} ${list[i + 1]}`);
  return pairs;
}

/**
 * The shard a word (or word pair) lives in: its first two characters when they are
 * ASCII letters or digits, else their code points in hex, so every shard name is a safe file name.
 */
export function shardOf(word: string): string {
  const head = [...word].slice(0, 2).join('').replace(/ .*/, '');
  return /^[a-z0-9]+$/.test(head) ? head : `x${[...head].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}
