/** How values read on a page. Plain functions: Astro escapes whatever they return. */
import type { Address } from '../parse/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Tue, 17 January 2023 14:20:08 UTC` */
export function formatUtc(iso: string | null): string {
  if (!iso) return 'unknown date';
  const date = new Date(iso);
  const time = date.toISOString().slice(11, 19);
  return `${WEEKDAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${time} UTC`;
}

/** `2023-01-17`, for lists. */
export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** `Jason Gunthorpe <jgg@nvidia.com>`, or whichever half is known. */
export function formatAddress(address: Address): string {
  if (address.name && address.email) return `${address.name} <${address.email}>`;
  return address.name || address.email || 'unknown';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
