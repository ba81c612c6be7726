/** Dates as web archives print them, with zone abbreviations instead of offsets. */
import { replaceBracketed } from './text.ts';

const ZONE_OFFSETS: Record<string, string> = {
  UT: '+00:00', UTC: '+00:00', GMT: '+00:00', Z: '+00:00', WET: '+00:00', WEST: '+01:00', BST: '+01:00',
  CET: '+01:00', CEST: '+02:00', MET: '+01:00', MEST: '+02:00', EET: '+02:00', EEST: '+03:00', MSK: '+03:00',
  IST: '+05:30', CST: '-06:00', CDT: '-05:00', EST: '-05:00', EDT: '-04:00', MST: '-07:00', MDT: '-06:00',
  PST: '-08:00', PDT: '-07:00', AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', JST: '+09:00', KST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00', NZST: '+12:00', NZDT: '+13:00',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function toIso(year: string, month: string, day: string, time: string, zone: string | undefined): string | null {
  const monthIndex = MONTHS.indexOf(month);
  const offset = zone === undefined ? '+00:00' : ZONE_OFFSETS[zone];
  if (monthIndex < 0 || offset === undefined) return null;
  const [hours = '0', minutes = '0', seconds = '0'] = time.split(':');
  const pad = (value: string) => value.padStart(2, '0');
  const local = `${year}-${pad(String(monthIndex + 1))}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${offset}`;
  return inRange(new Date(local));
}

/**
 * The date in ISO 8601 UTC, or null when it is not one or falls outside 1900–9999: years past
 * 9999 cannot be written in ISO 8601, and years before e-mail existed are broken clocks.
 */
function inRange(date: Date): string | null {
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year > 9999 || year < 1900 ? null : date.toISOString();
}

/** `Tue Jan 17 2023 - 09:20:08 EST` (Hypermail) to ISO 8601 UTC, or null. */
export function parseHypermailDate(text: string): string | null {
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{4}) - (\d{1,2}:\d\d(?::\d\d)?)(?: ([A-Z]{1,5}))?$/.exec(text.trim());
  return match ? toIso(match[3]!, match[1]!, match[2]!, match[4]!, match[5]) : null;
}

/** `Sat Nov 14 21:29:28 CET 2015` (ctime, as pipermail prints it) to ISO 8601 UTC, or null. */
export function parseCtimeDate(text: string): string | null {
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{1,2}:\d\d:\d\d)(?: ([A-Z]{1,5}))? (\d{4})$/.exec(text.trim());
  return match ? toIso(match[5]!, match[1]!, match[2]!, match[3]!, match[4]) : null;
}

/** An RFC 5322 date (or anything Date can read) to ISO 8601 UTC, or null. */
export function parseMailDate(text: string | null | undefined): string | null {
  if (!text) return null;
  // Comments such as "(EST)" and a doubled weekday confuse Date; the offset carries the zone.
  return inRange(new Date(replaceBracketed(text, ['()'], ' ').trim()));
}
