/**
 * Which patches of a series a trailer given on its cover letter is for, when it says (its
 * `scope`, read in trailers.ts): patch numbers and ranges (`5/8 and 6/8`, `patches 1-3`,
 * `#2, #4`), or words that name patches by their title's prefix or the files they change (`the
 * hwmon and watchdog patches`, `the DT patches`, `the dt-bindings`, `drivers/leds/`). A scope
 * that names no patch of the series (`for the whole series`, `for all`) is for all of it.
 */
import type { MailFacts } from './facts.ts';
import type { Series } from './series.ts';
import { splitTitlePrefix } from './subject.ts';
import { patchTitle } from './versions.ts';

/** Words of a scope that name no patch. */
const FILLER = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'for', 'all', 'patch', 'patches', 'series', 'whole', 'rest', 'these', 'this', 'those', 'changes', 'change', 'bits', 'parts', 'part', 'only', 'both', 'me', 'from', 'with', 'in', 'my', 'side', 'ones', 'one', 'bindings', 'binding', 'driver', 'drivers']);

/** `DT` names device-tree patches, whichever prefix they carry. */
const ALIASES: Record<string, string[]> = { dt: ['dt-bindings', 'dts', 'dt'], devicetree: ['dt-bindings', 'dts'], bindings: ['dt-bindings'], binding: ['dt-bindings'] };

/** The patch numbers a scope names: `5/8`, `1-3`, `2 to 4`, `#2`, bare numbers; at most `total`. */
function numbersIn(scope: string, total: number): Set<number> {
  const numbers = new Set<number>();
  for (const match of scope.matchAll(/(\d{1,4})(?:\/\d{1,4})?(?:\s*(?:-|–|to)\s*(\d{1,4})(?:\/\d{1,4})?)?/g)) {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let number = Math.max(1, first); number <= Math.min(last, total); number++) numbers.add(number);
  }
  return numbers;
}

/**
 * The patches a cover letter's trailer with `scope` is for, in order; null when the scope names
 * none of them (the trailer is for the whole series).
 */
export function scopePatches(scope: string, series: Series, facts: MailFacts): number[] | null {
  const numbers = numbersIn(scope, series.total);
  const words = scope
    .toLowerCase()
    .split(/[\s,;&+]+/)
    .map((word) => word.replace(/^[#("']+|[)"'.:!?]+$/g, ''))
    .filter((word) => word !== '' && !FILLER.has(word) && !/^\d/.test(word));
  for (const patch of series.patches) {
    const title = patchTitle(patch, facts);
    if (title === null || words.length === 0) continue;
    const prefixes = splitTitlePrefix(title)
      .prefix.toLowerCase()
      .split(/[:\s]+/)
      .filter((part) => part !== '');
    const files = patch.node?.message ? facts.bodyFactsOf(patch.node.message).files : [];
    const named = words.some((word) => {
      const names = ALIASES[word] ?? [word];
      return names.some((name) => prefixes.includes(name) || (word.length >= 3 && word.includes('/') && files.some((file) => file.includes(word))));
    });
    if (named) numbers.add(patch.number);
  }
  return numbers.size === 0 ? null : [...numbers].sort((a, b) => a - b);
}
