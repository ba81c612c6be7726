/**
 * Highlights the code inside diffs, in the language of each diff's file. A hunk is not
 * highlighted line by line: its old side (context and removed lines) and its new side (context
 * and added lines) are each read as one fragment of code, and the tokens go back to the diff
 * lines they came from, so a comment or string over several lines is coloured right.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';
import { LineTokenizer, MAX_TOKENIZED_LINE, threadMilliseconds, type Token } from './highlighter.ts';
import { PLAIN } from './languages.ts';

export interface HighlightOptions {
  /** Lines of code highlighted per body at most; the rest of a huge patch keeps its diff colours only (default 6000). */
  maxLines?: number;
  /**
   * Milliseconds of highlighting per body at most, in this thread's CPU time (default 1000): a
   * grammar can take far longer on some lines than on kernel C, so lines are not a bound on
   * time. The lines after it keep their diff colours only.
   */
  maxMilliseconds?: number;
}

interface CodeLine {
  element: Element;
  kind: 'add' | 'del' | 'ctx';
  /** The diff marker (`+`, `-`, a space or no-break space, or nothing for context that lost its space). */
  marker: string;
  code: string;
}

/** Languages whose comments open with `/*`, where a hunk may start inside a comment. */
const BLOCK_COMMENTS = new Set(['c', 'cpp', 'rust', 'javascript', 'typescript', 'css', 'go']);

function classList(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(element: Element): string {
  const first = element.children[0];
  return first?.type === 'text' ? first.value : '';
}

/** The runs of code lines of a diff, split at hunk headers and elisions, where the code is cut. */
function segments(code: Element): CodeLine[][] {
  const result: CodeLine[][] = [];
  let segment: CodeLine[] = [];
  const cut = () => {
    if (segment.length > 0) result.push(segment);
    segment = [];
  };
  for (const child of code.children) {
    if (child.type !== 'element') continue;
    const kind = classList(child)[1];
    if (kind === 'note') continue;
    if (kind !== 'add' && kind !== 'del' && kind !== 'ctx') {
      cut();
      continue;
    }
    const text = textOf(child);
    const marker = kind === 'ctx' && !/^[ \u00a0]/.test(text) ? '' : text.slice(0, 1);
    segment.push({ element: child, kind, marker, code: text.slice(marker.length) });
  }
  cut();
  return result;
}

/**
 * Whether a fragment starts inside a block comment: the first delimiter in it closes one, or
 * it has none and opens with a ` * ` line.
 */
export function startsInComment(lines: string[]): boolean {
  for (const line of lines) {
    const open = line.indexOf('/*');
    const close = line.indexOf('*/');
    if (close !== -1 && (open === -1 || close < open)) return true;
    if (open !== -1) return false;
  }
  const first = lines.find((line) => line.trim() !== '');
  return first !== undefined && /^\s*\*(?:\s|$)/.test(first);
}

/** Tokenizes one side of a segment as a fragment, until the `deadline` (a `threadMilliseconds()` time) passes. */
function side(tokenizer: LineTokenizer, lang: string, lines: CodeLine[], deadline: number): Map<CodeLine, Token[]> {
  const codes = lines.map((line) => line.code);
  tokenizer.reset(BLOCK_COMMENTS.has(lang) && startsInComment(codes) ? '/*' : undefined);
  const tokens = new Map<CodeLine, Token[]>();
  for (const line of lines) {
    const left = deadline - threadMilliseconds();
    if (left <= 0) break;
    tokens.set(line, tokenizer.line(line.code, left));
  }
  return tokens;
}

function tokenElements(tokens: Token[]): ElementContent[] {
  return tokens.map((token) =>
    token.className
      ? { type: 'element', tagName: 'span', properties: { className: token.className.split(' ') }, children: [{ type: 'text', value: token.text }] }
      : { type: 'text', value: token.text },
  );
}

/** Highlights a segment; lines left when the deadline passes keep their text as it was. */
function highlightSegment(tokenizer: LineTokenizer, lang: string, lines: CodeLine[], deadline: number): void {
  const hasAdded = lines.some((line) => line.kind === 'add');
  const hasRemoved = lines.some((line) => line.kind === 'del');
  const newSide = hasAdded || !hasRemoved ? side(tokenizer, lang, lines.filter((line) => line.kind !== 'del'), deadline) : undefined;
  const oldSide = hasRemoved ? side(tokenizer, lang, lines.filter((line) => line.kind !== 'add'), deadline) : undefined;
  for (const line of lines) {
    const tokens = line.kind === 'del' ? oldSide?.get(line) : (newSide?.get(line) ?? oldSide?.get(line));
    if (!tokens) continue;
    line.element.children = [...(line.marker ? [{ type: 'text', value: line.marker } as const] : []), ...tokenElements(tokens)];
  }
}

/** The `pre.diff` elements of a tree, in document order (nothing inside a `pre` is searched). */
function diffBlocks(node: Root | Element): Element[] {
  return node.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    if (child.tagName === 'pre') return classList(child).includes('diff') ? [child] : [];
    return diffBlocks(child);
  });
}

/** unified plugin (hast): highlight the code in `pre.diff` blocks with shiki; the file's messages say where a bound stopped it. */
export function rehypeHighlightDiff(options: HighlightOptions = {}): Transformer<Root> {
  const { maxLines = 6000, maxMilliseconds = 1000 } = options;
  return async (tree: Root, file: VFile): Promise<void> => {
    let budget = maxLines;
    // Loading a grammar is not counted: it happens once per build, not once per body.
    let spent = 0;
    const unknown = new Set<string>();
    let longLines = 0;
    for (const pre of diffBlocks(tree)) {
      const lang = String(pre.properties.dataLang ?? PLAIN);
      const code = pre.children[0];
      if (lang === PLAIN || code?.type !== 'element') continue;
      const tokenizer = await LineTokenizer.create(lang);
      if (!tokenizer) {
        unknown.add(lang);
        continue;
      }
      const start = threadMilliseconds();
      const deadline = start + maxMilliseconds - spent;
      for (const segment of segments(code)) {
        budget -= segment.length;
        const stop = budget < 0 ? `${maxLines} lines of code` : threadMilliseconds() >= deadline ? `${maxMilliseconds} ms` : undefined;
        if (stop) {
          file.message(`highlighting stopped after ${stop}: the rest keeps its diff colours only`, { ruleId: budget < 0 ? 'highlight-lines' : 'highlight-time', source: 'sheaf' });
          return;
        }
        longLines += segment.filter((line) => line.code.length > MAX_TOKENIZED_LINE).length;
        highlightSegment(tokenizer, lang, segment, deadline);
      }
      spent += threadMilliseconds() - start;
    }
    if (unknown.size > 0) file.message(`no grammar for ${[...unknown].join(', ')}: shown in diff colours only`, { ruleId: 'highlight-grammar', source: 'sheaf' });
    if (longLines > 0) file.message(`${longLines} code lines over ${MAX_TOKENIZED_LINE} characters shown plain`, { ruleId: 'highlight-line-length', source: 'sheaf' });
  };
}
