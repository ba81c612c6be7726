/**
 * What an attribution says: who wrote the quoted mail, and when. Read from the lines
 * `remarkAttribution` found above a quote, in every shape it finds (the date words end where
 * the name starts):
 *
 *   On Tue, Jan 17, 2023 at 12:31:07PM +0700, Suthikulpanit, Suravee wrote:   (mutt)
 *   On 1/13/2023 10:35 PM, Jason Gunthorpe wrote:                            (Thunderbird)
 *   On Tue, Jan 10, 2023 at 3:31 PM Name <address> wrote:                    (Gmail, often wrapped)
 *   Name <address> writes:                                                   (Gnus, no date)
 *   Am 12.03.23 um 10:00 schrieb Name:   Le 06/12/2023 à 23:14, Name a écrit :
 *   Il 17/01/23 12:31, Name ha scritto:  08.06.19 00:23, Name пише:   在 2024/8/22 21:50, Name 写道:
 *   2019年10月5日(土) 0:40 Name <address>:   Quoting Name (2023-01-17 12:31:07):
 *   * Name <address> [190820 19:53]:     an Outlook block's From: and Sent: lines
 */
import { parseMailDate } from '../parse/date.ts';
import { holdsAngleAddress, parsePerson } from '../parse/person.ts';
import type { Address } from '../parse/types.ts';

export interface AttributionSays {
  /** Who wrote the quoted mail. */
  author: Address;
  /** When, in ISO 8601 UTC, or null when the line gives no readable date. */
  date: string | null;
  /** Whether the line gave the zone; without one, `date` is read as UTC and may be off by 14 hours. */
  exact: boolean;
}

/** How mailers end an attribution, in the languages seen on kernel lists (`\b` is blind to non-Latin letters). */
export const SAID =
  /(?:(?<!\p{L})(?:wrote|writes|said|says|escribió|escreveu|ha scritto|a écrit|schreef|skrev|kirjoitti|napisał|napisala|napsal|пише|писал|написал|написала|написали)|寫道|写道|書きました)\s*[:：]\s*$/iu;
/** German mailers name the writer after the verb: "Am …, schrieb X:". */
export const SCHRIEB = /\bschrieb\b.*:\s*$/u;
/** Horde's "Quoting X (date):" and mutt's "* X <x@y> [date]:". */
export const QUOTING = /^(?:Quoting\b.*|\*\s.*(?:<[^<>\s]+@[^<>\s]+>|\[[^\]]*\d[^\]]*\]).*):\s*$/u;
/** How the first line of an attribution begins: the word before its date. */
export const OPENING = /^(?:On|At|Am|Le|El|Em|Il|Op|Den|Dne|W dniu|Dnia|Quoting|在)\s/u;

/** Month names and abbreviations of the languages above, to their numbers (`mar` is March: a weekday `mar.` comes before the month). */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['jan january janv janvier januar jänner ene enero gen gennaio janeiro', 1],
    ['feb february févr février februar febrero febbraio fev fevereiro', 2],
    ['mar march mars märz mär marzo março', 3],
    ['apr april avr avril abr abril aprile', 4],
    ['may mai mayo mag maggio maio', 5],
    ['jun june juin juni junio giu giugno junho', 6],
    ['jul july juil juillet juli julio lug luglio julho', 7],
    ['aug august août ago agosto', 8],
    ['sep sept september septembre septiembre set settembre setembro', 9],
    ['oct october octobre okt oktober octubre ott ottobre out outubro', 10],
    ['nov november novembre noviembre novembro', 11],
    ['dec december déc décembre dez dezember dic diciembre dicembre dezembro', 12],
  ].flatMap(([names, month]) => String(names).split(' ').map((name) => [name, Number(month)] as const)),
);
/** Weekdays and the small words between date parts, in the same languages. */
const DATE_FILLERS = new Set(
  (
    'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday ' +
    'mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'lun mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'mié jue vie sáb dom lunes martes miércoles jueves viernes sábado domingo gio sab ' +
    'seg ter qua qui sex ' +
    'at um uhr à a las às alle ore om kl klo o v de del do da , г р'
  ).split(' '),
);

const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\.\d+)?([ap]m)?$/i;
const MERIDIEM = /^([ap])\.?m\.?$/i;
const OFFSET = /^(?:(?:utc|gmt)?([+-]\d{4})|(?:utc|gmt)([+-]\d{1,2})(?::?(\d{2}))?)$/i;
const ZONE_NAME = /^\(?([A-Z]{1,4}T|UT|Z)\)?$/;
const NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/i;
const YEAR_FIRST = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
/** `2019年10月5日(土)`: a CJK date with its weekday. */
const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:[(（].[)）])?$/u;
/** `190820`: mutt's `%y%m%d`, inside its brackets only. */
const COMPACT_DATE = /^(\d{2})(\d{2})(\d{2})$/;

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

/** The text without the characters of `trimmed` at its ends (a loop: `/[\s,]+$/` would retry a long run of them from each). */
function trim(text: string, trimmed: string, { start = true } = {}): string {
  const cut = (char: string | undefined) => char !== undefined && (trimmed.includes(char) || (trimmed.includes(' ') && /\s/.test(char)));
  let [first, end] = [0, text.length];
  while (start && first < end && cut(text[first])) first++;
  while (end > first && cut(text[end - 1])) end--;
  return text.slice(first, end);
}

/** The text with commas and blanks trimmed off both ends. */
const trimCommas = (text: string) => trim(text, ' ,');
/** The text without the colons and blanks that end an attribution. */
const trimColons = (text: string) => trim(text, ' :：', { start: false });

/** A word as date words are compared: lower case, without the dots and commas that end abbreviations. */
function bare(word: string): string {
  return trim(word.toLowerCase(), '.,', { start: false });
}

function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

/** How numbers are read: `dayFirst` when the language writes 17/01 (all but English), `compact` inside mutt's brackets. */
interface Reading {
  dayFirst?: boolean;
  compact?: boolean;
}

/** Reads one date word into `parts`; false when it is no date word (where the name starts). */
function readDateWord(word: string, parts: DateParts, { dayFirst = false, compact = false }: Reading): boolean {
  const plain = bare(word);
  let match: RegExpExecArray | null;
  if ((match = YEAR_FIRST.exec(plain)) || (match = CJK_DATE.exec(plain))) Object.assign(parts, { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  else if ((match = NUMERIC_DATE.exec(plain))) {
    const [first, second] = [Number(match[1]), Number(match[3])];
    // Month first in English (US) unless the separator is European or the first number cannot be a month.
    const byDay = dayFirst || match[2] !== '/' || first > 12;
    Object.assign(parts, { year: fullYear(match[4]!), month: byDay ? second : first, day: byDay ? first : second });
  } else if (compact && (match = COMPACT_DATE.exec(plain))) Object.assign(parts, { year: fullYear(match[1]!), month: Number(match[2]), day: Number(match[3]) });
  else if ((match = TIME.exec(plain)) && (plain.includes(':') || parts.day !== undefined)) {
    Object.assign(parts, { hours: Number(match[1]), minutes: Number(match[2]), seconds: Number(match[3] ?? 0) });
    if (match[4]) parts.meridiem = match[4][0]!;
  } else if ((match = MERIDIEM.exec(plain))) parts.meridiem = match[1]!;
  else if ((match = OFFSET.exec(plain))) parts.zone = match[1] ?? `${match[2]!.slice(0, 1)}${match[2]!.slice(1).padStart(2, '0')}${match[3] ?? '00'}`;
  else if ((match = ZONE_NAME.exec(trim(word, '.,', { start: false })))) parts.zone = match[1];
  else if (MONTH_NAMES.has(plain)) parts.month = MONTH_NAMES.get(plain);
  else if (NUMBER.test(plain)) {
    const value = Number.parseInt(plain, 10);
    if (plain.length === 4) parts.year = value;
    else parts.day ??= value;
  } else if (!DATE_FILLERS.has(plain) && plain !== '') return false;
  return true;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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

/** The date words at the start of `words` and the words after them. */
function splitDate(words: readonly string[], reading: Reading = {}): { parts: DateParts; taken: number } {
  const parts: DateParts = {};
  let taken = 0;
  while (taken < words.length && readDateWord(words[taken]!, parts, reading)) taken++;
  return { parts, taken };
}


function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * `<date words> <name>`, after the opening word when there is one (`On`, `Le`…). Without a
 * date, only an address or a capitalised name of two words or more is taken for a name:
 * "On the other hand, I wrote:" and "As I wrote:" are prose.
 */
function dateThenName(text: string, opening: string | undefined): AttributionSays | null {
  const words = wordsOf(text);
  const { parts, taken } = splitDate(words, { dayFirst: opening !== undefined && !/^(?:On|At)$/.test(opening) });
  const says = named(words.slice(taken).join(' '), parts);
  if (taken > 0 || !says || says.author.email !== '') return says;
  const name = wordsOf(says.author.name);
  return opening === undefined && name.length >= 2 && name.every((word) => /^\p{Lu}/u.test(word) && word !== 'I') ? says : null;
}

function named(name: string, parts: DateParts): AttributionSays | null {
  // Japanese: "X さんは書きました" (Mr or Ms X wrote).
  const author = parsePerson(trimCommas(trimCommas(name).replace(/さんは?$/u, '')));
  if (author.name === '' && author.email === '') return null;
  return { author, ...dateOf(parts) };
}

/** "Quoting X (date):" and "* X <x@y> [date]:": who, then when in brackets. */
function bracketedDate(text: string): AttributionSays | null {
  const said = trimColons(text.replace(/^(?:Quoting|\*)\s+/u, ''));
  const close = said.at(-1);
  const open = close === ')' ? said.lastIndexOf('(') : close === ']' ? said.lastIndexOf('[') : -1;
  if (open === -1) return named(said, {});
  return named(said.slice(0, open), splitDate(wordsOf(said.slice(open + 1, -1)), { compact: close === ']' }).parts);
}

/** A `From:` / `Sent:` header block (Outlook, "-----Original Message-----"). */
function headerBlock(lines: readonly string[]): AttributionSays | null {
  const value = (field: RegExp) => lines.map((line) => field.exec(line)).find(Boolean)?.[1]?.trim();
  const from = value(/^\s*From\s*:(.*)$/i);
  if (from === undefined) return null;
  const date = value(/^\s*(?:Sent|Date)\s*:(.*)$/i);
  const author = parsePerson(from);
  return { author, ...(date === undefined ? { date: null, exact: false } : dateOf(splitDate(wordsOf(date)).parts)) };
}

/** Longer attributions are not read (real ones, unwrapped, stay under a few hundred characters). */
const MAX_ATTRIBUTION_LENGTH = 1000;

/** Reads the lines of an attribution (one, a wrapped one's two or three, or a header block), or returns null. */
export function readAttribution(lines: readonly string[]): AttributionSays | null {
  if (lines.some((line) => /^\s*From\s*:/i.test(line))) return headerBlock(lines);
  const text = lines.map((line) => line.trim()).join(' ');
  if (text.length > MAX_ATTRIBUTION_LENGTH) return null;
  const said = SAID.exec(text);
  if (said) {
    const before = text.slice(0, said.index);
    const opening = OPENING.exec(before);
    return dateThenName(opening ? before.slice(opening[0].length) : before, opening?.[0].trim());
  }
  const schrieb = /\bschrieb\b/u.exec(text);
  if (schrieb) {
    const date = splitDate(wordsOf(text.slice(0, schrieb.index).replace(OPENING, '')), { dayFirst: true });
    return named(trimColons(text.slice(schrieb.index + schrieb[0].length)), date.parts);
  }
  if (/^(?:Quoting|\*)\s/u.test(text)) return bracketedDate(text);
  // "2019年10月5日(土) 0:40 Name <address>:": a date, then who.
  const bareColon = trimColons(text);
  return holdsAngleAddress(bareColon) ? dateThenName(bareColon, undefined) : null;
}
