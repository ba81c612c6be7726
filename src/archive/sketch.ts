/**
 * How alike two texts are, from a few bytes kept per mail: a bottom-k sketch (Broder's
 * MinHash with one hash) of the text's word 3-shingles. A sketch keeps the `SKETCH_SIZE`
 * smallest 24-bit hashes of the shingles; sketches merge (the sketch of a series is the
 * bottom-k of its mails'), and the share of the smallest hashes of two sketches together that
 * both hold estimates the Jaccard resemblance of the two shingle sets. A sketch is written as a
 * string of 4 base64url characters per hash, in increasing order.
 */

export const SKETCH_SIZE = 24;
/** Shingles read per text at most: a treewide cover letter or a long log need no more to be told apart. */
const MAX_SHINGLES = 5000;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a, 32 bits, of a string's UTF-16 code units, cut to 24 bits. */
function hash24(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 8) & 0xffffff;
}

function encode(hashes: readonly number[]): string {
  let text = '';
  for (const hash of hashes) text += DIGITS[(hash >> 18) & 63]! + DIGITS[(hash >> 12) & 63]! + DIGITS[(hash >> 6) & 63]! + DIGITS[hash & 63]!;
  return text;
}

export function decodeSketch(sketch: string): number[] {
  const hashes: number[] = [];
  for (let i = 0; i + 4 <= sketch.length; i += 4) {
    let hash = 0;
    for (let j = 0; j < 4; j++) hash = (hash << 6) | Math.max(0, DIGITS.indexOf(sketch[i + j]!));
    hashes.push(hash);
  }
  return hashes;
}

function bottom(hashes: Iterable<number>): number[] {
  return [...new Set(hashes)].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** The sketch of a text's word 3-shingles (words: runs of letters and digits, lower-cased); empty for fewer than three words. */
export function sketchOf(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes: number[] = [];
  for (let i = 0; i + 3 <= words.length && i < MAX_SHINGLES; i++) hashes.push(hash24(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return encode(bottom(hashes));
}

/** The sketch of several texts together, from theirs. */
export function mergeSketches(sketches: Iterable<string>): number[] {
  return bottom([...sketches].flatMap(decodeSketch));
}

/**
 * The estimated resemblance (Jaccard) of the shingles two merged sketches stand for, 0 to 1; 0
 * when either is empty: of the `SKETCH_SIZE` smallest hashes of both together, the share both
 * hold. Merged sketches are sorted and distinct, so one walk over both finds them.
 */
export function resemblance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let [i, j, taken, shared] = [0, 0, 0, 0];
  while (taken < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const [left, right] = [a[i] ?? Infinity, b[j] ?? Infinity];
    if (left === right) shared++;
    if (left <= right) i++;
    if (right <= left) j++;
    taken++;
  }
  return shared / taken;
}
