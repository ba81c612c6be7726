/**
 * Stable orders for dated things (messages, threads, series): by date, undated last, then
 * by id, so an order never depends on the order mail was loaded in.
 */

export interface Dated {
  /** ISO 8601 UTC, or null when unknown. */
  date: string | null;
  id: string;
}

function compareIds(a: Dated, b: Dated): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first, undated last, then by id. */
export function compareOldestFirst(a: Dated, b: Dated): number {
  if (a.date === b.date) return compareIds(a, b);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/** How far apart two dates are, in milliseconds; Infinity when either is unknown. */
export function timeApart(a: string | null, b: string | null): number {
  return a === null || b === null ? Infinity : Math.abs(Date.parse(a) - Date.parse(b));
}

/** Newest first, undated last, then by id. */
export function compareNewestFirst(a: Dated, b: Dated): number {
  if (a.date === b.date) return compareIds(a, b);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date > b.date ? -1 : 1;
}
