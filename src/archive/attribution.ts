/**
 * Attribution lines: the line a mail client writes above a quote, naming who wrote the
 * quoted mail and when. They are all the threading a mail saved from a web archive
 * keeps. Shapes read (the date words end where the name starts):
 *
 *   On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:   (mutt)
 *   On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:                            (Thunderbird)
 *   On Mon, 10 Jan 2023 08:31:36 -0600 Name <address> wrote:                 (Claws)
 *   On Tue, Jan 10, 2023 at 3:31 PM Name <address> wrote:                    (Gmail, often wrapped)
 *   On Tue, 2023-01-10 at 08:31 -0600, Name wrote:                           (Evolution)
 *   Name <address> writes:                                                   (Gnus, no date)
 */
import type { Address } from '../parse/types.ts';
import { parseMailDate } from '../parse/date.ts';
import { isQuoted } from './body.ts';
import { holdsAngleAddress, parsePerson, samePerson } from './person.ts';

export interface Attribution {
  /** Who wrote the quoted mail. */
  author: Address;
  /** When, in ISO 8601 UTC, or null when the line gives no readable date. */
  date: string | null;
  /** Whether the line gave the zone; without one, `date` is read as UTC and may be off by 14 hours. */
  exact: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Whole words only: `Jane` and `Mark` are names, not January and March.
const WEEKDAY = /^(mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs?|rsday)?|fri(day)?|sat(urday)?|sun(day)?)\.?$/i;
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;
const NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?([ap]m)?$/i;
const MERIDIEM = /^([ap])\.?m\.?$/i;
const OFFSET = /^(?:(?:utc|gmt)?([+-]\d{4})|(?:utc|gmt)([+-]\d{1,2})(?::?(\d{2}))?)$/i;
const ZONE_NAME = /^\(?([A-Z]{1,4}T|UT|Z)\)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC_DATE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$/;

function isDateWord(word: string): boolean {
  return [WEEKDAY, MONTH, NUMBER, TIME, MERIDIEM, OFFSET, ZONE_NAME, ISO_DATE, NUMERIC_DATE].some((pattern) => pattern.test(word)) || /^(at|um|,)$/i.test(word);
}

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  meridiem?: string;
  zone?: string;
}

function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

/** Reads the date words into parts; numeric `a/b/y` is month first unless `a` cannot be a month. */
function dateParts(words: readonly string[]): DateParts {
  const parts: DateParts = {};
  for (const word of words) {
    let match: RegExpExecArray | null;
    if ((match = ISO_DATE.exec(word))) Object.assign(parts, { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
    else if ((match = NUMERIC_DATE.exec(word))) {
      const [first, second] = [Number(match[1]), Number(match[3])];
      const dayFirst = match[2] === '.' || first > 12;
      Object.assign(parts, { year: fullYear(match[4]!), month: dayFirst ? second : first, day: dayFirst ? first : second });
    } else if ((match = TIME.exec(word))) {
      Object.assign(parts, { hours: Number(match[1]), minutes: Number(match[2]), seconds: Number(match[3] ?? 0) });
      if (match[4]) parts.meridiem = match[4][0]!.toLowerCase();
    } else if ((match = MERIDIEM.exec(word))) parts.meridiem = match[1]!.toLowerCase();
    else if ((match = OFFSET.exec(word))) {
      parts.zone = match[1] ?? `${match[2]!.slice(0, 1)}${match[2]!.slice(1).padStart(2, '0')}${match[3] ?? '00'}`;
    } else if ((match = ZONE_NAME.exec(word))) parts.zone = match[1];
    else if (MONTH.test(word)) parts.month = MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
    else if (NUMBER.test(word)) {
      const value = Number.parseInt(word, 10);
      if (word.length === 4) parts.year = value;
      else parts.day ??= value;
    }
  }
  return parts;
}

/** The date as ISO 8601 UTC, read as UTC when the zone is missing or unknown. */
function dateOf(parts: DateParts): { date: string | null; exact: boolean } {
  const { year, month, day, minutes = 0, seconds = 0, meridiem, zone } = parts;
  if (year === undefined || month === undefined || day === undefined || parts.hours === undefined) return { date: null, exact: false };
  let hours = parts.hours % 12 === 0 && meridiem ? 0 : parts.hours;
  if (meridiem === 'p') hours += 12;
  const pad = (value: number) => String(value).padStart(2, '0');
  const base = `${pad(day)} ${MONTHS[month - 1] ?? ''} ${year} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  const zoned = zone === undefined ? null : parseMailDate(`${base} ${zone}`);
  if (zoned) return { date: zoned, exact: true };
  return { date: parseMailDate(`${base} +0000`), exact: false };
}

/** Longer lines are not attributions (real ones, unwrapped, stay under two hundred characters). */
const MAX_ATTRIBUTION_LENGTH = 1000;

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * What a trimmed line says before a closing `wrote:` or `writes:` (blanks allowed before the
 * colon), or null: read back from the end, as `/^(.+?)\s+(?:wrote|writes)\s*:\s*$/i` would
 * with a retry from every blank of the line.
 */
function beforeWrote(text: string): string | null {
  if (!text.endsWith(':')) return null;
  let end = text.length - 1;
  while (isSpace(text[end - 1])) end--;
  const verb = ['wrote', 'writes'].find((word) => text.slice(end - word.length, end).toLowerCase() === word);
  if (!verb || !isSpace(text[end - verb.length - 1])) return null;
  const said = text.slice(0, end - verb.length).trimEnd();
  return said === '' ? null : said;
}

/** The text with commas and blanks trimmed off both ends. */
function trimCommas(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ',' || isSpace(text[start]))) start++;
  while (end > start && (text[end - 1] === ',' || isSpace(text[end - 1]))) end--;
  return text.slice(start, end);
}

/** Reads one attribution line (already unwrapped), or returns null. */
export function parseAttribution(line: string): Attribution | null {
  if (line.length > MAX_ATTRIBUTION_LENGTH) return null;
  const said = beforeWrote(line.trim());
  if (said === null) return null;
  const afterOn = /^on\s/i.test(said) ? said.slice(2).trimStart() : '';
  // As `.` in a regular expression, the name and date stop at line terminators (only the blanks after `On` may hold one).
  if (afterOn !== '' && !LINE_TERMINATOR.test(afterOn)) {
    const words = afterOn.split(/\s+/);
    let taken = 0;
    while (taken < words.length && isDateWord(words[taken]!.replace(/,$/, ''))) taken++;
    // "On the other hand, I wrote:" is prose, not an attribution.
    if (taken === 0) return null;
    const author = parsePerson(trimCommas(words.slice(taken).join(' ')));
    if (author.name === '' && author.email === '') return null;
    return { author, ...dateOf(dateParts(words.slice(0, taken).map((word) => word.replace(/,$/, '')))) };
  }
  if (!LINE_TERMINATOR.test(said) && holdsAngleAddress(said)) return { author: parsePerson(said), date: null, exact: false };
  return null;
}

/**
 * The first attribution line the mail writes itself (quoted ones belong to older mails).
 * A line starting with `On` is joined with the next when the client wrapped it.
 */
export function findAttribution(text: string): Attribution | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isQuoted(line) || line.trim() === '') continue;
    const attribution = parseAttribution(line) ?? (/^On\s/.test(line) ? parseAttribution(`${line} ${lines[i + 1] ?? ''}`) : null);
    if (attribution) return attribution;
  }
  return null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whether a mail from `from`, sent at `date`, is the one the attribution names. */
export function attributionMatches(attribution: Attribution, from: Address, date: string | null): boolean {
  if (!samePerson(attribution.author, from)) return false;
  if (attribution.date === null || date === null) return true;
  const slack = attribution.exact ? 2 * MINUTE : 14 * HOUR + 2 * MINUTE;
  return Math.abs(Date.parse(attribution.date) - Date.parse(date)) <= slack;
}
