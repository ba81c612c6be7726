/**
 * Words as search sees them, shared by the index builder and the browser, so both cut text
 * the same way. Accents and case are folded. A **token** is a run of letters, digits and `_`,
 * or several such runs joined by single `.`, `/`, `-` or `@` (`v6.4`, `4/4`, `qcom-wled`,
 * `leds-pca963x.c`, `drivers/leds/leds-pca963x.c`, `pavel@ucw.cz`, `pca963x_led_mc_set`):
 * a version, a patch number, a path, an identifier or an address is one token of its own.
 * Text is indexed under each token, the pieces of a token between its `/` and `@`
 * (`leds-pca963x.c`, `ucw.cz`), and its plain words (`leds`, `pca963x`, `c`), so `wled` still
 * finds `qcom-wled`; a query looks each typed token up whole, so `v6.4` is not `v6 4/4`.
 */

/** Lower case, accents removed (é → e), compatibility forms unified (ﬁ → fi). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The plain words of a text, in order: runs of letters and digits (phrases are made of these). */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Tokens. Linear: a connector is taken only with the word run after it, and a word run holds
 * no connector, so no character is tried twice.
 */
const TOKEN = /[\p{L}\p{N}_]+(?:[./@-][\p{L}\p{N}_]+)*/gu;
/** Longer tokens are base64, armour or other noise that no one types: they are not indexed. */
export const MAX_TOKEN_LENGTH = 100;

/** The tokens of a text, folded, in order (those longer than MAX_TOKEN_LENGTH left out). */
export function tokens(text: string): string[] {
  const found = foldText(text).match(TOKEN) ?? [];
  return found.length === 0 ? found : found.filter((token) => token.length <= MAX_TOKEN_LENGTH);
}

/** `patchv3`, `rfcv2`: a version tag run into its bracket word, indexed as `v3` too. */
const RUN_IN_VERSION = /^(?:patch|rfc|resend)(v\d+)$/;
const CONNECTOR = /[./@_-]/;

/** Adds what a token is indexed under: itself, its pieces between `/` and `@`, and its words. */
export function addTokenTerms(token: string, into: Set<string>): void {
  into.add(token);
  if (!CONNECTOR.test(token)) {
    const version = RUN_IN_VERSION.exec(token);
    if (version) into.add(version[1]!);
    return;
  }
  if (token.includes('/') || token.includes('@')) for (const piece of token.split(/[/@]/)) if (piece) into.add(piece);
  for (const word of token.split(/[./@_-]/)) if (word) into.add(word);
}

/** Every term a text is indexed under, once each, in the order first met. */
export function indexTerms(text: string, into = new Set<string>()): Set<string> {
  for (const token of tokens(text)) addTokenTerms(token, into);
  return into;
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

/** Title terms are indexed a second time as `=term`, in the term's own shard, so title matches can rank first. */
export const TITLE_MARK = '=';

/** Adjacent word pairs, for phrase search (`"multicolor framework"`). */
export function wordPairs(list: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < list.length; i++) pairs.push(`${list[i]} ${list[i + 1]}`);
  return pairs;
}
