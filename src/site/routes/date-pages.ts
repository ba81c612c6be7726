/**
 * The archive by date, as plain data: a page per month (`/d/2025-03/`) listing every series and
 * thread with mail sent that month, newest first, and an overview of the years (`/d/`) with the
 * list's activity as a chart and as text.
 *
 * A month's row says only what happened that month (its messages then, whether it started
 * then), never the series' whole review or reply counts: so a new mail changes the page of the
 * month it was sent in and the overview's counts, not every month its series was active in.
 * Each message counts once: for its series (as cover letter, patch or reply), else for its
 * thread. A month of more than DATE_PAGES.size rows is cut into pages (`/d/2025-03/2/`).
 */
import { authorUrl, messageAuthor } from '../../archive/author.ts';
import type { ArchivedMessage } from '../../archive/group.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { compareNewestFirst, compareOldestFirst } from '../../archive/order.ts';
import type { Series } from '../../archive/series.ts';
import type { Thread } from '../../archive/thread.ts';
import { displayName } from '../../parse/address.ts';
import { activityChart, type ActivityChartView, type MonthActivity } from '../activity-chart.ts';
import { formatDay } from '../format.ts';
import { leadOf } from '../listing.ts';
import { DATE_PAGES, anchoredPageUrl, monthBucket } from '../pagination.ts';
import { counted, namesVersion } from '../words.ts';
import { pagedList, type BucketPageData, type PagedList } from './list-pages.ts';

export interface MonthRowView {
  kind: 'series' | 'thread';
  url: string;
  title: string;
  /** `v3` for a series whose title does not name its version; null otherwise. */
  version: string | null;
  tags: string[];
  author: string;
  authorUrl: string | null;
  /** Its first mail is of this month; else it went on from an earlier one. */
  started: boolean;
  /** Its first and last mail of this month. */
  first: { date: string; day: string };
  last: { date: string; day: string } | null;
  /** `4 messages` sent this month. */
  messages: string;
}

export type MonthPageData = BucketPageData<MonthRowView>;

export interface YearView {
  year: string;
  /** `1,204 messages, 31 series`. */
  counts: string;
  /** January to December; `url` null for a month without mail. */
  months: { label: string; url: string | null; counts: string }[];
}

export interface DateOverviewData {
  heading: string;
  chart: ActivityChartView | null;
  /** Newest first. */
  years: YearView[];
  /** Mail without a readable date, on no month page. */
  undated: { count: string; url: string } | null;
}

type Entry = { kind: 'series'; series: Series } | { kind: 'thread'; thread: Thread };

interface MonthRow {
  entry: Entry;
  month: string;
  started: boolean;
  /** Its messages of the month, oldest first. */
  messages: ArchivedMessage[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function byDate(a: ArchivedMessage, b: ArchivedMessage): number {
  return compareOldestFirst({ date: a.mail.date, id: a.id }, { date: b.mail.date, id: b.id });
}

/** The series or thread each message counts for, with its messages oldest first. */
function entriesOfMessages(review: ReviewArchive): Map<Series | Thread, { entry: Entry; messages: ArchivedMessage[] }> {
  const entries = new Map<Series | Thread, { entry: Entry; messages: ArchivedMessage[] }>();
  for (const message of review.archive.messages) {
    const series = review.seriesByMessage.get(message.id);
    const owner = series ?? review.threadByMessage.get(message.id)!;
    let found = entries.get(owner);
    if (!found) entries.set(owner, (found = { entry: series ? { kind: 'series', series } : { kind: 'thread', thread: owner as Thread }, messages: [] }));
    found.messages.push(message);
  }
  for (const { messages } of entries.values()) messages.sort(byDate);
  return entries;
}

function monthOf(message: ArchivedMessage): string | null {
  const bucket = monthBucket(message.mail.date);
  return bucket.name === 'undated' ? null : bucket.name;
}

/** A row per entry and month it had mail in. */
function monthRows(review: ReviewArchive): MonthRow[] {
  const rows: MonthRow[] = [];
  for (const { entry, messages } of entriesOfMessages(review).values()) {
    const firstMonth = monthOf(messages[0]!);
    const byMonth = new Map<string, ArchivedMessage[]>();
    for (const message of messages) {
      const month = monthOf(message);
      if (month === null) continue;
      const inMonth = byMonth.get(month);
      if (inMonth) inMonth.push(message);
      else byMonth.set(month, [message]);
    }
    for (const [month, inMonth] of byMonth) rows.push({ entry, month, started: month === firstMonth, messages: inMonth });
  }
  return rows;
}

function rowView(row: MonthRow, review: ReviewArchive): MonthRowView {
  const first = row.messages[0]!;
  const last = row.messages.at(-1)!;
  const common = {
    started: row.started,
    first: { date: first.mail.date!, day: formatDay(first.mail.date) },
    last: last === first || formatDay(last.mail.date) === formatDay(first.mail.date) ? null : { date: last.mail.date!, day: formatDay(last.mail.date) },
    messages: counted(row.messages.length, 'message', 'messages'),
  };
  if (row.entry.kind === 'series') {
    const { series } = row.entry;
    const title = series.title || '(no title)';
    return { kind: 'series', url: series.url, title, version: namesVersion(title, series.version) ? null : `v${series.version}`, tags: series.tags, author: displayName(series.author), authorUrl: authorUrl(series.author), ...common };
  }
  const lead = leadOf(row.entry.thread, review);
  return { kind: 'thread', url: lead.url, title: lead.mail.subject || '(no subject)', version: null, tags: [], author: displayName(messageAuthor(lead)), authorUrl: authorUrl(messageAuthor(lead)), ...common };
}

function rowKey(row: MonthRow): string {
  return row.entry.kind === 'series' ? row.entry.series.id : row.entry.thread.id;
}

/** By month, oldest month first (so a month's pages come in order); within a month, newest last mail first. */
function compareRows(a: MonthRow, b: MonthRow): number {
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  return compareNewestFirst({ date: a.messages.at(-1)!.mail.date, id: rowKey(a) }, { date: b.messages.at(-1)!.mail.date, id: rowKey(b) });
}

function monthActivity(review: ReviewArchive, rows: readonly MonthRow[]): MonthActivity[] {
  const activity = new Map<string, MonthActivity>();
  const at = (month: string) => {
    let found = activity.get(month);
    if (!found) activity.set(month, (found = { month, messages: 0, series: 0 }));
    return found;
  };
  for (const message of review.archive.messages) {
    const month = monthOf(message);
    if (month !== null) at(month).messages++;
  }
  for (const row of rows) if (row.started && row.entry.kind === 'series') at(row.month).series++;
  return [...activity.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

function monthHeading(label: string, activity: MonthActivity | undefined, rows: readonly MonthRow[]): string {
  const series = rows.filter((row) => row.entry.kind === 'series').length;
  const parts = [counted(activity?.messages ?? 0, 'message', 'messages'), `${series} series`, counted(rows.length - series, 'other thread', 'other threads')];
  return `${label}: ${parts.join(', ')}`;
}

function yearViews(activity: readonly MonthActivity[]): YearView[] {
  const years = new Map<string, MonthActivity[]>();
  for (const month of activity) {
    const year = month.month.slice(0, 4);
    const found = years.get(year);
    if (found) found.push(month);
    else years.set(year, [month]);
  }
  return [...years].reverse().map(([year, months]) => {
    const byNumber = new Map(months.map((month) => [Number(month.month.slice(5)), month]));
    const total = (field: 'messages' | 'series') => months.reduce((sum, month) => sum + month[field], 0);
    return {
      year,
      counts: `${counted(total('messages'), 'message', 'messages')}, ${total('series')} series`,
      months: MONTH_NAMES.map((label, index) => {
        const month = byNumber.get(index + 1);
        if (!month) return { label, url: null, counts: 'no mail' };
        const counts = counted(month.messages, 'message', 'messages');
        return { label, url: anchoredPageUrl(DATE_PAGES, month.month), counts: month.series > 0 ? `${counts}, ${month.series} series` : counts };
      }),
    };
  });
}

export interface DatePages {
  overview: DateOverviewData;
  pages: PagedList<MonthRowView>['pages'];
}

/** The month pages and the overview of the years. */
export function datePages(review: ReviewArchive): DatePages {
  const rows = monthRows(review).sort(compareRows);
  const activity = monthActivity(review, rows);
  const activityOf = new Map(activity.map((month) => [month.month, month]));
  const rowsOf = new Map<string, MonthRow[]>();
  for (const row of rows) {
    const found = rowsOf.get(row.month);
    if (found) found.push(row);
    else rowsOf.set(row.month, [row]);
  }
  const list = pagedList(
    DATE_PAGES,
    rows,
    (row) => monthBucket(row.month),
    (entries) => entries.map((row) => rowView(row, review)),
    (page) => ({
      title: page.pages > 1 ? `${page.bucket.label}, page ${page.number}` : page.bucket.label,
      heading: `${monthHeading(page.bucket.label, activityOf.get(page.bucket.name), rowsOf.get(page.bucket.name)!)}${page.pages > 1 ? ` (page ${page.number} of ${page.pages})` : ''}`,
    }),
    { heading: '', rows: [] },
  );
  const undated = review.archive.messages.filter((message) => monthOf(message) === null).length;
  const series = activity.reduce((sum, month) => sum + month.series, 0);
  return {
    overview: {
      heading: `By date: ${counted(review.archive.messages.length, 'message', 'messages')} and ${series} series, by the month they were sent`,
      chart: activityChart(activity),
      years: yearViews(activity),
      undated: undated > 0 ? { count: counted(undated, 'message', 'messages'), url: '/messages/page/undated/' } : null,
    },
    pages: list.pages,
  };
}
