import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activityChart, monthRange } from './activity-chart.ts';

test('months run from the first to the last, across years', () => {
  assert.deepEqual(monthRange('2024-11', '2025-02'), ['2024-11', '2024-12', '2025-01', '2025-02']);
  assert.deepEqual(monthRange('2025-03', '2025-03'), ['2025-03']);
});

test('one bar per month with mail, scaled to the busiest, months without mail left empty', () => {
  const chart = activityChart([
    { month: '2025-03', messages: 10, series: 1 },
    { month: '2024-12', messages: 40, series: 4 },
  ])!;
  const [messages, series] = chart.panels;
  assert.equal(messages!.max, 40);
  assert.deepEqual(messages!.bars.map((bar) => bar.text), ['December 2024: 40 messages', 'March 2025: 10 messages']);
  assert.equal(messages!.bars[0]!.height, messages!.height);
  assert.equal(messages!.bars[1]!.height, messages!.height / 4);
  assert.equal(messages!.bars[1]!.x - messages!.bars[0]!.x, 3 * (chart.barWidth + 1), 'three months apart: the empty ones keep their place');
  assert.deepEqual(series!.bars.map((bar) => bar.text), ['December 2024: 4 series started', 'March 2025: 1 series started']);
  assert.deepEqual(chart.ticks.map((tick) => tick.label), ['2025']);
  assert.match(chart.summary, /^50 messages from December 2024 to March 2025; the busiest month, December 2024, had 40\.$/);
  assert.equal(activityChart([]), null);
});
