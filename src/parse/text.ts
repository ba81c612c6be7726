/**
 * Plain character scans over mail text, for what a regular expression would do with
 * backtracking: `/[ \t]+$/gm` retries from every blank of a long run, so 40,000 blanks
 * before a letter cost seconds, growing with the square of the run.
 */

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Where `$` matches in a multiline regular expression: before a line terminator. */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The text with the spaces and tabs before every line end removed: what `text.replace(/[ \t]+$/gm, '')` gives, in one pass. */
export function trimLineEnds(text: string): string {
  const kept: string[] = [];
  let from = 0;
  let index = 0;
  while (index < text.length) {
    if (!isBlank(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    while (index < text.length && isBlank(text.charCodeAt(index))) index++;
    if (index === text.length || isLineTerminator(text.charCodeAt(index))) {
      kept.push(text.slice(from, start));
      from = index;
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/**
 * The text with every bracketed part (from an opening bracket to the first closing one after
 * it) replaced: what `/\([^)]*\)|\[[^\]]*\]/g` does for `pairs` `()` and `[]`, without
 * rescanning to the end from every unclosed bracket.
 */
export function replaceBracketed(text: string, pairs: readonly string[], replacement: string): string {
  const parts: string[] = [];
  // Brackets whose closing one no longer occurs: later ones of that kind cannot close either.
  const unclosed = new Set<string>();
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const pair = pairs.find((candidate) => candidate[0] === text[index]);
    if (!pair || unclosed.has(pair)) continue;
    const close = text.indexOf(pair[1]!, index + 1);
    if (close === -1) {
      unclosed.add(pair);
      continue;
    }
    parts.push(text.slice(from, index), replacement);
    from = close + 1;
    index = close;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
