/**
 * Subject lines the way kernel people write them. A subject is a run of response markers
 * (`Re:`, `AW:`, `Fwd:` …) and bracketed groups (`[PATCH v3 2/5]`, `[RFC PATCH net-next 0/3]`,
 * a list tag such as `[Intel-wired-lan]`), in any order, then the title. Every word of
 * every leading group is read:
 *
 * - `PATCH`, `PATCHv3`, `PATCH-v3` mark a patch, and the last two carry its version;
 * - `v3`, `V10`, `v5.1`, `v4a` give the version (`v5.1` is the number 5.1, `v4a` is 4);
 * - `2/5` or `2 of 5` give the patch number and the series total (`0/N` is a cover letter);
 * - `RFC`, `RESEND` (and its misspellings) are tags, written upper-case;
 * - `GIT PULL`, `PULL`, `PULL REQUEST` mark a pull request;
 * - a parenthesised part (`(corrected v2)`) is one tag, so its words change nothing else;
 * - any other word (`net-next`, `leds`, `AUTOSEL`, `6.1`) is a tag, kept as written;
 * - a tag naming a stable branch (`5.10`, `4.19.y`, `6.1-stable`, `stable-5.4`), or `AUTOSEL`,
 *   or a title such as `5.14.5-rc1 review` (a stable review series), marks a posting for a
 *   stable branch: `stable` gives its branch (`5.10`; `stable` when none is named).
 *
 * A subject is a patch when it has `PATCH`, a counter, `RFC` or `RESEND`; whether the mail
 * really carries a diff is for the caller to check.
 *
 * Numbers are bounded (`MAX_SERIES_PATCHES`, `MAX_VERSION`): a counter or version past them
 * is not read, and `problem` says why, so one hostile subject cannot make a series of four
 * billion slots.
 */

export type SubjectKind = 'patch' | 'pull' | 'other';

export interface ParsedSubject {
  /** The subject without response markers and leading bracketed groups. */
  title: string;
  /** The subject starts with a reply marker (`Re:`, `AW:`, `SV:` …). */
  isReply: boolean;
  /** The subject starts with a forward marker (`Fwd:`, `WG:` …). */
  isForward: boolean;
  /** Words of the groups that are not structure: `RFC`, `RESEND`, `net-next`, list names. */
  tags: string[];
  /** The version, 1 when none is given; `v5.1` is 5.1. */
  version: number;
  /** The patch number (0 for a cover letter), or null without a counter. */
  number: number | null;
  /** The number of patches in the series, or null without a counter. */
  total: number | null;
  kind: SubjectKind;
  /** Why a counter or version was not read (out of bounds), when one was refused. */
  problem?: string;
  /**
   * The stable branches a backport is posted for (`5.10`, `5.15 6.1` for several), `stable`
   * for AUTOSEL or a stable tag without a branch; null for mail to the mainline. Such postings are grouped per branch and
   * never taken for versions of each other (versions.ts).
   */
  stable: string | null;
}

/**
 * More patches than this is no series. git numbers patches with as many digits as the total
 * needs; the largest series sent to a kernel list have four (Ingo Molnar's 0000/2297, stable
 * reviews near 1,000), and five digits would be 100,000 mails.
 */
export const MAX_SERIES_PATCHES = 9999;
/** Higher versions are not read as versions: real series stop well below v100. */
export const MAX_VERSION = 999;

const REPLY_MARKERS = new Set(['re', 'aw', 'sv', 'antw', 'odp', 'vs', 'ynt']);
const FORWARD_MARKERS = new Set(['fwd', 'fw', 'wg', 'tr', 'rv', 'enc']);
const RESPONSE_MARKER = /^([a-z]{2,4})\s*(?:\[\d+\]|\(\d+\))?\s*:+\s*/i;
const RESEND_WORDS = new Set(['resend', 'resent', 're-send', 'resubmit', 'resned', 'repost']);
const VERSION = /^v(\d+(?:\.\d+)?)(?:[a-z]|-bis)?$/i;
const PATCH_WITH_VERSION = /^patch-?v?(\d+(?:\.\d+)?)$/i;
const RFC_WITH_VERSION = /^rfc-?v(\d+(?:\.\d+)?)$/i;
const COUNTER = /^(\d+)\/(\d+)$/;
/** `5.10`, `4.19.y`, `6.1-stable`, `stable-5.4`, `linux-5.15.y`: a stable branch named in a tag. */
const STABLE_BRANCH = /^(?:stable-|linux-)?(\d{1,2}\.\d{1,3})(?:\.\d{1,3})?(?:\.y|-stable|-y)?$/i;
/** Greg's review series: `[PATCH 5.14 000/334] 5.14.5-rc1 review`. */
const STABLE_REVIEW = /^(\d{1,2}\.\d{1,3})(?:\.\d{1,3}){0,2}-rc\d{1,3} review$/i;

/** The stable branches tags and title name, in order, space-separated (see `ParsedSubject.stable`). */
function stableBranch(tags: readonly string[], title: string): string | null {
  const branches: string[] = [];
  let stable = false;
  for (const tag of tags) {
    const match = STABLE_BRANCH.exec(tag);
    if (match) {
      if (!branches.includes(match[1]!)) branches.push(match[1]!);
    } else if (/^(?:autosel|stable)$/i.test(tag)) stable = true;
  }
  const review = STABLE_REVIEW.exec(title);
  if (review && branches.length === 0) branches.push(review[1]!);
  // A branch tag alone is a stable posting: mainline patches name no release in their prefix.
  return branches.length > 0 ? branches.join(' ') : stable ? 'stable' : null;
}

/** The closing bracket matching the `[` at `start`, or -1 when the group never closes. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The words of one group: parenthesised parts whole, inner brackets flattened, split at blanks and commas. */
function groupWords(group: string): string[] {
  const words: string[] = [];
  const rest = group.replace(/\([^()]*\)/g, (part) => {
    words.push(part.slice(1, -1).trim());
    return ' ';
  });
  return [...rest.split(/[\s,[\]]+/), ...words].filter((word) => /[\p{L}\p{N}]/u.test(word));
}

interface Prefix {
  isReply: boolean;
  isForward: boolean;
  words: string[];
  title: string;
}

/** Splits the response markers and leading groups off the title. */
function splitPrefix(subject: string): Prefix {
  const prefix: Prefix = { isReply: false, isForward: false, words: [], title: '' };
  let rest = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const marker = RESPONSE_MARKER.exec(rest);
    const word = marker?.[1]?.toLowerCase() ?? '';
    if (marker && (REPLY_MARKERS.has(word) || FORWARD_MARKERS.has(word))) {
      if (REPLY_MARKERS.has(word)) prefix.isReply = true;
      else prefix.isForward = true;
      rest = rest.slice(marker[0].length);
      continue;
    }
    // b4 thanks for applying part of a series with "Re: (subset) [PATCH …]".
    if (rest.startsWith('(subset) ')) {
      prefix.words.push('subset');
      rest = rest.slice('(subset) '.length);
      continue;
    }
    if (!rest.startsWith('[')) break;
    const end = closingBracket(rest, 0);
    if (end === -1) {
      // An unclosed group (`[PATCH v2 1/3 leds: foo`): its structural words are the prefix.
      const words = rest.slice(1).split(' ');
      const structural = words.findIndex((word) => !isStructural(word));
      const taken = structural === -1 ? words.length : structural;
      prefix.words.push(...words.slice(0, taken));
      rest = words.slice(taken).join(' ');
      break;
    }
    prefix.words.push(...groupWords(rest.slice(1, end)));
    rest = rest.slice(end + 1).trimStart();
  }
  prefix.title = rest.trim();
  return prefix;
}

function isStructural(word: string): boolean {
  return /^(patch|rfc)$/i.test(word) || PATCH_WITH_VERSION.test(word) || VERSION.test(word) || COUNTER.test(word) || RESEND_WORDS.has(word.toLowerCase());
}

/** Reads a subject line; see the module comment for the rules. */
export function parseSubject(subject: string): ParsedSubject {
  const { isReply, isForward, words, title } = splitPrefix(subject);
  const tags: string[] = [];
  let version: number | null = null;
  let number: number | null = null;
  let total: number | null = null;
  let patch = false;
  let pull = false;
  let problem: string | undefined;
  let counted = false;
  const addTag = (tag: string) => {
    if (!tags.includes(tag)) tags.push(tag);
  };
  const setVersion = (text: string) => {
    const value = Number(text);
    if (value <= MAX_VERSION) version ??= value;
    else problem ??= `version ${text.slice(0, 20)} not read: versions stop at ${MAX_VERSION}`;
  };
  const setCounter = (numberText: string, totalText: string) => {
    if (counted) return;
    counted = true;
    const [first, last] = [Number(numberText), Number(totalText)];
    if (first <= MAX_SERIES_PATCHES && last <= MAX_SERIES_PATCHES) [number, total] = [first, last];
    else problem ??= `patch counter ${numberText.slice(0, 20)}/${totalText.slice(0, 20)} not read: a series has at most ${MAX_SERIES_PATCHES} patches`;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const next = words[i + 1]?.toLowerCase();
    let match: RegExpExecArray | null;
    if (lower === 'patch' || lower === 'patches') patch = true;
    else if ((match = PATCH_WITH_VERSION.exec(word))) {
      patch = true;
      setVersion(match[1]!);
    } else if (lower === 'rfc') addTag('RFC');
    else if ((match = RFC_WITH_VERSION.exec(word))) {
      addTag('RFC');
      setVersion(match[1]!);
    } else if ((match = VERSION.exec(word))) setVersion(match[1]!);
    else if ((match = COUNTER.exec(word))) {
      patch = true;
      setCounter(match[1]!, match[2]!);
    } else if (/^\d+$/.test(word) && next === 'of' && /^\d+$/.test(words[i + 2] ?? '')) {
      patch = true;
      setCounter(word, words[i + 2]!);
      i += 2;
    } else if (RESEND_WORDS.has(lower)) addTag('RESEND');
    else if (lower === 'git' && next === 'pull') {
      pull = true;
      i++;
    } else if (lower === 'pull' || lower === 'git-pull') pull = true;
    else if (lower === 'request' && pull) continue;
    else addTag(word);
  }
  const looksLikePatch = patch || tags.includes('RFC') || tags.includes('RESEND');
  const kind: SubjectKind = pull ? 'pull' : looksLikePatch ? 'patch' : 'other';
  const parsed: ParsedSubject = { title, isReply, isForward, tags, version: version ?? 1, number, total, kind, stable: stableBranch(tags, title) };
  if (problem !== undefined) parsed.problem = problem;
  return parsed;
}

/** The subject with its leading response markers (`Re:`, `Fwd:` …) removed: what the mail answered was called. */
export function stripResponseMarkers(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim();
  for (let marker = RESPONSE_MARKER.exec(rest); marker; marker = RESPONSE_MARKER.exec(rest)) {
    const word = marker[1]!.toLowerCase();
    if (!REPLY_MARKERS.has(word) && !FORWARD_MARKERS.has(word)) break;
    rest = rest.slice(marker[0].length);
  }
  return rest;
}

/**
 * A title reduced for comparing versions of one series: case, accents and punctuation
 * dropped, and a trailing version (`Multicolor Framework v25`) removed.
 */
export function normalizeTitle(title: string): string {
  return withoutTrailingVersion(title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A title's subsystem and driver prefix and the rest: `leds: is31fl319x: Add X` gives
 * `leds: is31fl319x` and `Add X`. The prefix is up to four leading parts, each ending in `:`,
 * of at most 40 characters without more than two blanks; a title without one has prefix `''`.
 */
export function splitTitlePrefix(title: string): { prefix: string; topic: string } {
  let end = 0;
  for (let parts = 0; parts < 4; parts++) {
    const colon = title.indexOf(':', end);
    if (colon === -1 || colon - end > 40) break;
    const part = title.slice(end, colon).trim();
    if (part === '' || (part.match(/ /g)?.length ?? 0) > 2 || !/^[\p{L}\p{N} ,./+_-]+$/u.test(part)) break;
    end = colon + 1;
  }
  return { prefix: title.slice(0, Math.max(0, end - 1)).trim(), topic: title.slice(end).trim() };
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isWordChar = (char: string | undefined) => char !== undefined && /\w/.test(char);
const isVersionSeparator = (char: string | undefined) => char !== undefined && /[\s,:;([-]/.test(char);

/**
 * The text without a trailing version and the separators before it (`foo (v25)`, `foo, v2.1`):
 * what `/[\s,:;([-]*\bv\d+(?:\.\d+)?[)\]]?\s*$/` removes, read backwards from the end in one
 * pass, since that expression retries from every separator of a long run.
 */
function withoutTrailingVersion(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === ')' || text[end - 1] === ']') end--;
  let digits = end;
  while (isDigit(text[digits - 1])) digits--;
  if (digits === end) return text;
  let v = digits - 1;
  if (text[v] === '.') {
    let whole = v;
    while (isDigit(text[whole - 1])) whole--;
    if (whole === v) return text;
    v = whole - 1;
  }
  if (text[v] !== 'v' || isWordChar(text[v - 1])) return text;
  let start = v;
  while (isVersionSeparator(text[start - 1])) start--;
  return text.slice(0, start);
}

/** A title as `titleSimilarity` compares it: normalised, and its character pairs counted. */
export interface TitleShape {
  normalized: string;
  pairs: Map<string, number>;
}

/** The shape of a title, to compare it with many others without reading it again each time. */
export function titleShape(title: string): TitleShape {
  const normalized = normalizeTitle(title);
  const pairs = new Map<string, number>();
  for (let i = 0; i < normalized.length - 1; i++) {
    const pair = normalized.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return { normalized, pairs };
}

/** `titleSimilarity` of two titles' shapes. */
export function shapeSimilarity(a: TitleShape, b: TitleShape): number {
  const [left, right] = [a.normalized, b.normalized];
  if (left === right) return 1;
  if (left.length < 2 || right.length < 2) return 0;
  let shared = 0;
  for (const [pair, count] of a.pairs) shared += Math.min(count, b.pairs.get(pair) ?? 0);
  return (2 * shared) / (left.length - 1 + right.length - 1);
}

/**
 * How alike two titles are, from 0 to 1 (the Sørensen–Dice coefficient over character
 * pairs of the normalised titles), so a fixed typo or a reworded word still matches.
 */
export function titleSimilarity(a: string, b: string): number {
  return shapeSimilarity(titleShape(a), titleShape(b));
}
