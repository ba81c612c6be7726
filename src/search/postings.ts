/**
 * How the index is laid out in files, shared by the index builder and the browser: shard names,
 * hashed buckets, and the encodings of posting lists (docs/search.md). Apart from tokenize.ts,
 * whose cutting of words goes into every mail's terms (and so into the parser digest): a change
 * here rebuilds the index, not the terms.
 */
import { TITLE_MARK } from './tokenize.ts';

/** Names Windows reserves, alone or before an extension: a shard so named gets a `_` after it. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The shard name of a term (or word pair, by its first word) cut to `length` characters:
 * ASCII letters, digits and `-` as they are, any other character as `_<hex code point>_`, so
 * every shard name is a file name valid everywhere and no two keys share one.
 */
export function shardKey(word: string, length = 2): string {
  return keyName(keyHead(word, length));
}

/** The characters of a term (or word pair, by its first word) that its shard name at `length` stands for: its first `length` ones. */
export function keyHead(word: string, length: number): string {
  const first = word.replace(/ .*/, '');
  return [...(first.startsWith(TITLE_MARK) ? first.slice(TITLE_MARK.length) : first)].slice(0, length).join('');
}

/** The shard name of a key's characters (`keyHead`), as `shardKey` writes it: a different name for each. */
export function keyName(head: string): string {
  const name = [...head].map((c) => (/^[a-z0-9-]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('');
  return RESERVED.test(name) ? `${name}_` : name;
}

/**
 * A sorted list of strings front-coded, as a folder's key lists store the shards under a key:
 * each string as how many code units it shares with the one before and the rest of it,
 * `[shared, rest, shared, rest, …]`.
 */
export function frontCode(sorted: readonly string[]): (number | string)[] {
  const out: (number | string)[] = [];
  let previous = '';
  for (const text of sorted) {
    let shared = 0;
    while (shared < previous.length && shared < text.length && previous[shared] === text[shared]) shared++;
    out.push(shared, text.slice(shared));
    previous = text;
  }
  return out;
}

export function frontDecode(coded: readonly (number | string)[]): string[] {
  const out: string[] = [];
  let previous = '';
  for (let i = 0; i < coded.length; i += 2) out.push((previous = previous.slice(0, coded[i] as number) + (coded[i + 1] as string)));
  return out;
}

/** FNV-1a over a string's UTF-16 units: how word pairs and body terms are spread over bucket files. */
export function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Which of `buckets` files holds a word pair or a body term. */
export function pairBucket(pair: string, buckets: number): number {
  return fnv(pair) % buckets;
}

/** Subject shards are cut at two characters, and big ones again at three and at most four. */
export const MAX_SHARD_LENGTH = 4;
/**
 * Per-message terms and Message-IDs are looked up whole, and many share long beginnings
 * (`drivers/leds/…`, `20240624…`): their shards are cut as deep as it takes, up to this.
 */
export const BODY_SHARD_LENGTH = 40;
export const ID_SHARD_LENGTH = 40;

/** The shard that holds `word`: the longest of its keys the index has, up to `maxLength` characters (two when none). */
export function shardFor(word: string, shards: ReadonlySet<string>, maxLength = MAX_SHARD_LENGTH): string {
  for (let length = maxLength; length > 2; length--) {
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


const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/**
 * A per-message posting being written: the numbers so far, and the state that the next pair is
 * written against (the last row and the message its first counts from, the last message).
 */
export interface PostingState {
  out: number[];
  lastRow: number;
  base: number;
  last: number;
}

/**
 * Appends one (row, message) pair to a per-message posting: the messages holding a term,
 * grouped by row. Pairs come rows ascending, messages ascending within a row. A new row is
 * written as `-(row - last row)` and then its first message as a zigzag difference from the
 * previous row's first message; every further message of the row as its (positive)
 * difference from the one before. A repeated pair is not written again.
 */
export function appendPair(posting: PostingState, row: number, message: number): void {
  if (row === posting.lastRow) {
    if (message <= posting.last) return;
    posting.out.push(message - posting.last);
  } else {
    posting.out.push(posting.lastRow - row, zigzag(message - posting.base));
    posting.lastRow = row;
    posting.base = message;
  }
  posting.last = message;
}

/** Writes a posting pair by pair (see `appendPair`). */
export class PostingWriter implements PostingState {
  readonly out: number[] = [];
  lastRow = -1;
  base = 0;
  last = 0;

  add(row: number, message: number): void {
    appendPair(this, row, message);
  }
}

/**
 * Where decoding starts in the middle of a posting, as a part file stores it at its head:
 * the row before its first (-1 at the very start) and the message that row's first message is
 * counted from (0 at the start).
 */
export type PartStart = [lastRow: number, base: number];

/** A posting's rows and, for each, its messages ascending. */
export function decodePosting(encoded: readonly number[], start: PartStart = [-1, 0]): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  let [row, base] = start;
  let message = 0;
  let list: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const value = encoded[i]!;
    if (value < 0) {
      row -= value;
      message = base += unzigzag(encoded[++i]!);
      rows.set(row, (list = [message]));
    } else list.push((message += value));
  }
  return rows;
}

