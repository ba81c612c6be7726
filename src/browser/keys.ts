/**
 * The keys that move through the archive, as the help overlay lists them and the page script
 * obeys them. Pages say what each key does there with plain markup, so nothing here knows
 * about threads or series:
 *
 * - a link `a[data-key="j"]` is followed by `j` (the message page's "Next in thread");
 * - a list `[data-key-items="n p"]` of `[data-key-item]` elements is walked by those keys,
 *   the first moving focus forward, the second back (the rows of the index, the messages of
 *   a thread read whole), when no link claims the key.
 */
export interface KeyHelp {
  key: string;
  does: string;
}

export const KEYS: readonly KeyHelp[] = [
  { key: 'j', does: 'next message in thread order' },
  { key: 'k', does: 'previous message in thread order' },
  { key: 'n', does: 'next series (on a list: the next row)' },
  { key: 'p', does: 'previous series (on a list: the previous row)' },
  { key: 'u', does: 'up to the parent message' },
  { key: 't', does: "the thread's first message" },
  { key: '/', does: 'search' },
  { key: '?', does: 'this help' },
];

/** Whether a key press belongs to what the reader is typing, or to the browser, rather than to the page. */
export function isTyping(target: EventTarget | null, event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
