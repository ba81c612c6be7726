/** How a search result reads: plain text pieces, shared by the browser and tests. */
import { counted, patchCount } from '../site/words.ts';
import type { StoredRow } from './types.ts';

export interface ResultView {
  url: string;
  title: string;
  kind: 'series' | 'thread';
  /** `v1 → v3 → v4`, or '' for threads and single unversioned series. */
  versions: string;
  author: string;
  date: string;
  /** `3/4 patches` (and `2 replies`), or `5 messages` for threads. */
  size: string;
  /** `2 Reviewed-by · 1 Acked-by · NAK`, or ''. */
  review: string;
  /** The page that reads it whole, or null. */
  reading: string | null;
}

export function presentRow(row: StoredRow): ResultView {
  const [kind, url, title, versions, author, date, present, total, replies, reviewed, acked, tested, nacked, reading] = row;
  const review = [
    reviewed ? `${reviewed} Reviewed-by` : '',
    acked ? `${acked} Acked-by` : '',
    tested ? `${tested} Tested-by` : '',
    nacked ? (nacked === 1 ? 'NAK' : `${nacked} NAKs`) : '',
  ].filter(Boolean);
  return {
    url,
    title,
    kind: kind === 0 ? 'series' : 'thread',
    versions: kind === 0 && (versions.length > 1 || (versions[0] ?? 1) > 1) ? versions.map((v) => `v${v}`).join(' → ') : '',
    author,
    date,
    size: kind === 0 ? `${patchCount(present, total)}${replies ? `, ${counted(replies, 'reply', 'replies')}` : ''}` : counted(replies + 1, 'message', 'messages'),
    review: review.join(' · '),
    reading: reading || null,
  };
}

/** A message a result names, as the engine gives it. */
export interface MatchedMessage {
  url: string;
  day: string;
  sender: string;
}

/**
 * What matched in a row, for per-message terms: `3 messages from Lee Jones, latest 2024-07-09`
 * when the query names a sender (`f:`), else `3 matching messages, latest …`.
 */
export function presentMatch(match: { count: number; first: MatchedMessage; latest: MatchedMessage }, bySender: boolean): string {
  const { count, first, latest } = match;
  let text = bySender ? counted(count, 'message', 'messages') : `${count} matching message${count === 1 ? '' : 's'}`;
  if (bySender) {
    const senders = [...new Set([latest.sender, first.sender])];
    text += ` from ${senders.length === 1 ? senders[0] : count > 2 ? `${senders.join(', ')}, …` : senders.join(' and ')}`;
  }
  const day = latest.day || 'undated';
  return `${text}, ${count === 1 ? day : `latest ${day}`}`;
}
