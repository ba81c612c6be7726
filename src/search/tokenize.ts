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

const REPLY_WORD = /^(?:re|fwd?|aw|sv|antw|r)/i;

/** Where one `Re:` (blanks, word, blanks, `[2]`, blanks, colon, blanks) starting at `from` ends, or -1. */
function replyPrefixEnd(subject: string, from: number): number {
  const skipBlanks = (index: number) => {
    while (index < subject.length && /\s/.test(subject[index]!)) index++;
    return index;
  };
  let index = skipBlanks(from);
  const word = REPLY_WORD.exec(subject.slice(index, index + 4));
  if (!word) return -1;
  index = skipBlanks(index + word[0].length);
  if (subject[index] === '[') {
    let digits = index + 1;
    while (subject[digits]! >= '0' && subject[digits]! <= '9') digits++;
    if (digits > index + 1 && subject[digits] === ']') index = skipBlanks(digits + 1);
  }
  return subject[index] === ':' ? skipBlanks(index + 1) : -1;
}

/**
 * `Re:`, `Fwd:`, `AW:` and friends at the start, repeated or not: not part of what a subject is
 * about. Read one by one rather than with `/^(?:\s*(?:re|…)\s*(?:\[\d+\])?\s*:\s*)+/i`, which
 * splits every run of blanks every way before it gives up.
 */
export function stripReplyPrefixes(subject: string): string {
  let start = 0;
  for (let end = replyPrefixEnd(subject, 0); end !== -1; end = replyPrefixEnd(subject, start)) start = end;
  return subject.slice(start).trim();
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
 * The shard name of a word (or word pair, by its first word) cut to `length` characters:
 * the characters themselves when they are ASCII letters or digits, else their code
 * points in hex, so every shard name is a safe file name.
 */
export function shardKey(word: string, length = 2): string {
  const first = word.replace(/ .*/, '');
  const head = [...(first.startsWith(TITLE_MARK) ? first.slice(TITLE_MARK.length) : first)].slice(0, length).join('');
  return /^[a-z0-9]+$/.test(head) ? head : `x${[...head].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

/** Which of `buckets` files holds a word pair: FNV-1a over its UTF-16 units, so pairs spread evenly. */
export function pairBucket(pair: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pair.length; i++) hash = Math.imul(hash ^ pair.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % buckets;
}

/** Shards are cut at two characters, and big ones again at three and at most four. */
export const MAX_SHARD_LENGTH = 4;

/** The shard that holds `word`: the longest of its keys the index has (two characters when none). */
export function shardFor(word: string, shards: ReadonlySet<string>): string {
  for (let length = MAX_SHARD_LENGTH; length > 2; length--) {
    const key = shardKey(word, length);
    if (shards.has(key)) return key;
  }
  return shardKey(word);
}

/**
 * Rows as stored in a posting list: ascending, each as the difference from the one
 * before, and a run of consecutive rows after the first as one negative number (`-n`: n more).
 */
export function encodeRows(rows: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const delta = i === 0 ? rows[0]! : rows[i]! - rows[i - 1]!;
    if (delta === 1 && out.length > 0 && out.at(-1)! < 0) out[out.length - 1]!--;
    else if (delta === 1 && i > 0) out.push(-1);
    else out.push(delta);
  }
  return out;
}

export function decodeRows(encoded: number[]): number[] {
  const rows: number[] = [];
  let row = 0;
  encoded.forEach((value, index) => {
    if (value < 0) for (let n = 0; n < -value; n++) rows.push(++row);
    else rows.push((row = index === 0 ? value : row + value));
  });
  return rows;
}
