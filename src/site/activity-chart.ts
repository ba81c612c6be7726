/**
 * The list's activity as a small static chart: messages per month above, series started per
 * month below, one bar per month from the first month with mail to the last (months without
 * mail included, so the time axis is even). Plain numbers in SVG user units: the page draws
 * it as inline SVG, coloured by classes (the Content-Security-Policy allows no style
 * attribute), readable without JavaScript; the page lists the same numbers as text.
 */
import { monthBucket } from './pagination.ts';
import { counted } from './words.ts';

export interface MonthActivity {
  /** `2025-03`. */
  month: string;
  messages: number;
  series: number;
}

export interface ChartBar {
  x: number;
  y: number;
  height: number;
  /** What the bar shows, for its `<title>`: `March 2025: 120 messages`. */
  text: string;
}

export interface ChartPanel {
  label: string;
  /** The top of the panel's scale. */
  max: number;
  top: number;
  height: number;
  bars: ChartBar[];
}

export interface ActivityChartView {
  width: number;
  /** Where the bars start: the axis labels stand left of it. */
  left: number;
  height: number;
  barWidth: number;
  panels: ChartPanel[];
  /** A tick at each January (every few years on a long list), and its label. */
  ticks: { x: number; label: string }[];
  /** One sentence for the chart's `<desc>`. */
  summary: string;
}

const BAR = 4;
const LEFT = 56;
const PANEL_HEIGHTS = [70, 36];
const GAP = 18;
const AXIS = 16;

/** `March 2025` for `2025-03`. */
function monthLabel(month: string): string {
  return monthBucket(month).label;
}

/** Every month from the first to the last given, in order: `2024-11`, `2024-12`, `2025-01`. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 12 * 1000; guard++) {
    const name = `${year}-${String(month).padStart(2, '0')}`;
    months.push(name);
    if (name >= last) break;
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The chart of some months' activity (in any order; months without mail are filled in). */
export function activityChart(activity: readonly MonthActivity[]): ActivityChartView | null {
  if (activity.length === 0) return null;
  const byMonth = new Map(activity.map((entry) => [entry.month, entry]));
  const sorted = [...byMonth.keys()].sort();
  const months = monthRange(sorted[0]!, sorted.at(-1)!);
  const width = LEFT + months.length * BAR;
  const yearStep = Math.max(1, Math.ceil(months.length / 12 / 12));
  const panels: ChartPanel[] = [];
  let top = 4;
  for (const [index, field] of (['messages', 'series'] as const).entries()) {
    const height = PANEL_HEIGHTS[index]!;
    const max = Math.max(1, ...months.map((month) => byMonth.get(month)?.[field] ?? 0));
    const bars = months.flatMap((month, at): ChartBar[] => {
      const count = byMonth.get(month)?.[field] ?? 0;
      if (count === 0) return [];
      const barHeight = Math.max(1, Math.round((count / max) * height * 10) / 10);
      return [{ x: LEFT + at * BAR, y: Math.round((top + height - barHeight) * 10) / 10, height: barHeight, text: `${monthLabel(month)}: ${field === 'messages' ? counted(count, 'message', 'messages') : `${count} series started`}` }];
    });
    panels.push({ label: field === 'messages' ? 'messages' : 'series', max, top, height, bars });
    top += height + GAP;
  }
  const ticks = months.flatMap((month, at) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    return number === 1 && year % yearStep === 0 ? [{ x: LEFT + at * BAR, label: String(year) }] : [];
  });
  const busiest = months.reduce((best, month) => ((byMonth.get(month)?.messages ?? 0) > (byMonth.get(best)?.messages ?? 0) ? month : best));
  const total = activity.reduce((sum, entry) => sum + entry.messages, 0);
  return {
    width,
    left: LEFT,
    height: top - GAP + AXIS,
    barWidth: BAR - 1,
    panels,
    ticks,
    summary: `${total} messages from ${monthLabel(months[0]!)} to ${monthLabel(months.at(-1)!)}; the busiest month, ${monthLabel(busiest)}, had ${byMonth.get(busiest)!.messages}.`,
  };
}
