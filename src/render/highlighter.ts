/**
 * The process's one shiki highlighter, and a line tokenizer on top of it.
 *
 * One highlighter is made, on first use, with a CSS-variables theme: every token colour is a
 * `var(--hl-token-…)`, which becomes a class (`hl-keyword`), so one tokenizing pass serves the
 * light and the dark theme and the markup stays small. It runs shiki's JavaScript regex engine:
 * no WebAssembly to load, and on kernel C it tokenized faster than Oniguruma (about 21,700
 * against 18,200 lines a second). Grammars load when a language is first needed, each closed over
 * the grammars it embeds (`closedGrammars`). Tokenizing a line depends only on the grammar state
 * before it and the line's text, so results are remembered by both: a hunk's context lines are
 * tokenized once for its old and new sides, and a hunk quoted in ten replies is tokenized once.
 */
import { bundledLanguages } from 'shiki/langs';
import { createCssVariablesTheme, createHighlighterCore, type HighlighterCore, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { EncodedTokenMetadata, INITIAL, type StateStack } from 'shiki/textmate';

const THEME = 'sheaf-css-variables';
/** Longer lines are not tokenized (minified data, base64): they are shown as plain text. */
export const MAX_TOKENIZED_LINE = 1000;
/** Milliseconds one line may take before the grammar gives up on it (shiki's default: the first lines also compile the grammar's expressions). */
const LINE_TIME_LIMIT = 500;
/** Remembered lines per generation; two generations are kept. */
const CACHE_SIZE = 100_000;

/** TextMate's font style bits (its `FontStyle` is a const enum, which erasable TypeScript cannot read). */
const ITALIC = 1;
const BOLD = 2;

/** A run of a line's text and the class that colours it (none for the default colour). */
export interface Token {
  text: string;
  className?: string;
}

let highlighter: Promise<HighlighterCore> | undefined;
const languages = new Map<string, Promise<boolean>>();

/** The highlighter, made on first call and shared by every later one. */
/**
 * The CPU time this thread has spent, in milliseconds. Highlighting's budgets count it rather
 * than wall time, so a body highlights the same whether the machine is busy or not (a build
 * gives the same pages as the last), and a body that is slow to highlight still stops on time.
 */
export function threadMilliseconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** Times a grammar may be given a line again when its wall-clock limit stopped it while this thread hardly ran. */
const BUSY_RETRIES = 3;

export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [createCssVariablesTheme({ name: THEME, variablePrefix: '--hl-', fontStyle: true })],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/**
 * Languages loaded without the grammars they embed: rst embeds some forty for its code blocks,
 * which take a second to load and compile; in a diff its own markup is what matters.
 */
const WITHOUT_EMBEDDED = new Set(['rst']);

type BundledLoader = (typeof bundledLanguages)[keyof typeof bundledLanguages];

/** The scope an include names (`source.c` of `source.c#comments`), or undefined for a rule of the grammar itself (`#name`, `$self`, `$base`). */
function includedScope(include: string): string | undefined {
  return /^[#$]/.test(include) ? undefined : include.split('#')[0];
}

const LEFT_OUT = Symbol('left out');

/** A copy of a grammar without its rules that include a scope outside `visible`, as vscode-textmate skips those that include a scope it lacks. */
function withIncludesWithin(node: unknown, visible: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => withIncludesWithin(item, visible)).filter((item) => item !== LEFT_OUT);
  if (typeof node !== 'object' || node === null) return node;
  const { include } = node as { include?: unknown };
  const scope = typeof include === 'string' ? includedScope(include) : undefined;
  if (scope !== undefined && !visible.has(scope)) return LEFT_OUT;
  const entries = Object.entries(node).map(([key, value]) => [key, withIncludesWithin(value, visible)] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== LEFT_OUT));
}

/**
 * The grammars of a language and of those it embeds, each closed over its own eager
 * `embeddedLangs`: an include of any other scope is left out, so it resolves to nothing however
 * many grammars the thread has loaded for other bodies, and lazily embedded languages
 * (`embeddedLangsLazy`) and injections into other scopes (`injectTo`) are dropped, so loading a
 * language never changes, nor reloads, one loaded before. A body's tokens then depend on the
 * body alone, not on the bodies its worker highlighted first.
 */
function closedGrammars(registrations: LanguageRegistration[]): LanguageRegistration[] {
  const byName = new Map(registrations.map((registration) => [registration.name, registration]));
  const scopesOf = (registration: LanguageRegistration, scopes = new Set<string>()): Set<string> => {
    if (scopes.has(registration.scopeName)) return scopes;
    scopes.add(registration.scopeName);
    for (const name of registration.embeddedLangs ?? []) {
      const embedded = byName.get(name);
      if (embedded) scopesOf(embedded, scopes);
    }
    return scopes;
  };
  return registrations.map((registration) => {
    const closed = withIncludesWithin(registration, scopesOf(registration)) as LanguageRegistration;
    delete closed.embeddedLangsLazy;
    delete closed.injectTo;
    return closed;
  });
}

/** Loads a language's grammar once; resolves false when shiki has no such language or cannot load it. */
export function loadLanguage(lang: string): Promise<boolean> {
  let loaded = languages.get(lang);
  if (!loaded) {
    const load = (bundledLanguages as Record<string, BundledLoader | undefined>)[lang];
    const grammars =
      load &&
      (() => load().then(({ default: all }) => closedGrammars(WITHOUT_EMBEDDED.has(lang) ? [{ ...all[all.length - 1]!, embeddedLangs: [] }] : all)));
    loaded = grammars
      ? getHighlighter()
          .then((shiki) => shiki.loadLanguage(grammars))
          .then(() => true, () => false)
      : Promise.resolve(false);
    languages.set(lang, loaded);
  }
  return loaded;
}

/** `var(--hl-token-keyword)` → `hl-keyword`; the default foreground has no class. */
function classOfColor(color: string | undefined): string | undefined {
  const name = /^var\(--hl-(?:token-)?([\w-]+)\)$/.exec(color ?? '')?.[1];
  return name && name !== 'foreground' ? `hl-${name}` : undefined;
}

function classOf(metadata: number, colors: Array<string | undefined>): string | undefined {
  const color = colors[EncodedTokenMetadata.getForeground(metadata)];
  const style = EncodedTokenMetadata.getFontStyle(metadata);
  const classes = [color, style & ITALIC ? 'hl-italic' : undefined, style & BOLD ? 'hl-bold' : undefined].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

interface Tokenized {
  tokens: Token[];
  state: StateStack;
}

let cache = new Map<string, Tokenized>();
let previous = new Map<string, Tokenized>();
const stateIds = new WeakMap<StateStack, number>();
let nextStateId = 0;

function stateId(state: StateStack): number {
  let id = stateIds.get(state);
  if (id === undefined) stateIds.set(state, (id = nextStateId++));
  return id;
}

function remember(key: string, value: Tokenized): void {
  if (cache.size >= CACHE_SIZE) {
    previous = cache;
    cache = new Map();
  }
  cache.set(key, value);
}

function recall(key: string): Tokenized | undefined {
  const hit = cache.get(key);
  if (hit) return hit;
  const old = previous.get(key);
  if (old) remember(key, old);
  return old;
}

/** The class of each colour of the theme's colour map; shiki stands placeholders in for `var(…)` colours and lists the replacements. */
let colorClasses: Array<string | undefined> | undefined;

function colorClassesOf(shiki: HighlighterCore): Array<string | undefined> {
  if (!colorClasses) {
    const { theme, colorMap } = shiki.setTheme(THEME);
    colorClasses = colorMap.map((color) => classOfColor(color && (theme.colorReplacements?.[color.toLowerCase()] ?? color)));
  }
  return colorClasses;
}

/**
 * A line tokenizer for one language, carrying the grammar state from line to line as a
 * fragment of code is read top to bottom. Made by `LineTokenizer.create`.
 */
export class LineTokenizer {
  readonly #lang: string;
  readonly #shiki: HighlighterCore;
  readonly #colors: Array<string | undefined>;
  #state: StateStack = INITIAL;

  private constructor(lang: string, shiki: HighlighterCore) {
    this.#lang = lang;
    this.#shiki = shiki;
    this.#colors = colorClassesOf(shiki);
  }

  /** A tokenizer for `lang`, or undefined when shiki has no grammar for it. */
  static async create(lang: string): Promise<LineTokenizer | undefined> {
    if (!(await loadLanguage(lang))) return undefined;
    return new LineTokenizer(lang, await getHighlighter());
  }

  /** Starts a new fragment; `opening` is code to read first without output (such as `/*`). */
  reset(opening?: string): void {
    this.#state = INITIAL;
    if (opening !== undefined) this.line(opening);
  }

  /** Tokenizes the next line of the fragment, giving the grammar `timeLimit` milliseconds at most (it then leaves the rest of the line as one token). */
  line(text: string, timeLimit = LINE_TIME_LIMIT): Token[] {
    if (text === '') return [];
    if (text.length > MAX_TOKENIZED_LINE) return [{ text }];
    const key = `${this.#lang}\u0000${stateId(this.#state)}\u0000${text}`;
    let result = recall(key);
    if (!result) {
      const grammar = this.#shiki.getLanguage(this.#lang);
      const limit = Math.max(1, Math.min(LINE_TIME_LIMIT, timeLimit));
      // The grammar's limit is wall time: on a busy machine it can stop a line this thread spent
      // little CPU on. Such a stop says the machine was busy, not the line slow, so the line is
      // tokenized again; a line that really costs its limit in CPU stops as before.
      let tokenized: ReturnType<typeof grammar.tokenizeLine2>;
      for (let attempt = 0; ; attempt++) {
        const before = threadMilliseconds();
        tokenized = grammar.tokenizeLine2(text, this.#state, limit);
        if (!tokenized.stoppedEarly || attempt === BUSY_RETRIES || threadMilliseconds() - before >= limit / 2) break;
      }
      const { tokens: encoded, ruleStack, stoppedEarly } = tokenized;
      const tokens: Token[] = [];
      for (let i = 0; i < encoded.length; i += 2) {
        const start = encoded[i]!;
        const end = i + 2 < encoded.length ? encoded[i + 2]! : text.length;
        if (end <= start) continue;
        const className = classOf(encoded[i + 1]!, this.#colors);
        const previousToken = tokens[tokens.length - 1];
        // Neighbours of one colour, or white space, join the token before them.
        if (previousToken && (previousToken.className === className || /^\s+$/.test(text.slice(start, end)))) previousToken.text += text.slice(start, end);
        else tokens.push(className ? { text: text.slice(start, end), className } : { text: text.slice(start, end) });
      }
      result = { tokens, state: ruleStack };
      if (!stoppedEarly) remember(key, result);
    }
    this.#state = result.state;
    return result.tokens;
  }
}
