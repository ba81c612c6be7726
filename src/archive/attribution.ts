/**
 * Attribution lines as threading reads them: the line a mail client writes above a quote,
 * naming who wrote the quoted mail and when, is all the threading a mail saved from a web
 * archive keeps. The render plugin that shows it on the page reads its author and time
 * (src/render/attribution-line.ts, every language it knows); threading takes them from there.
 */
import type { Root } from 'mdast';
import type { Address } from '../parse/types.ts';
import type { AttributionSays } from '../render/attribution-line.ts';
import { samePerson } from './person.ts';

export type { AttributionSays } from '../render/attribution-line.ts';

/**
 * What the attribution of the mail's own first attributed quote names (quoted attributions
 * belong to older mails), or null: none, or one that names nobody ("-----Original Message-----").
 */
export function replyAttribution(tree: Root): AttributionSays | null {
  for (const block of tree.children) {
    const first = block.type === 'quote' ? block.children[0] : undefined;
    if (first?.type === 'attribution') return first.author ? { author: first.author, date: first.date, exact: first.exact } : null;
  }
  return null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whether a mail from `from`, sent at `date`, is the one the attribution names. */
export function attributionMatches(attribution: AttributionSays, from: Address, date: string | null): boolean {
  if (!samePerson(attribution.author, from)) return false;
  if (attribution.date === null || date === null) return true;
  const slack = attribution.exact ? 2 * MINUTE : 14 * HOUR + 2 * MINUTE;
  return Math.abs(Date.parse(attribution.date) - Date.parse(date)) <= slack;
}
