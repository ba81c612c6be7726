import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diff, reviewOf, type MailSpec } from '../../archive/test-support.ts';
import { resolveConfig } from '../config.ts';
import { routeContext } from './context.ts';
import { datePages } from './date-pages.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';

const archive: MailSpec[] = [
  { id: 'cover', subject: '[PATCH v2 0/1] leds: demo', from: ada, date: '2025-02-27T10:00:00.000Z', body: 'Cover.\n' },
  { id: 'p1', subject: '[PATCH v2 1/1] leds: one', from: ada, date: '2025-02-27T10:01:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `one\n${diff('a.c')}` },
  { id: 'r1', subject: 'Re: [PATCH v2 1/1] leds: one', from: lee, date: '2025-03-02T08:00:00.000Z', inReplyTo: 'p1', references: ['cover', 'p1'], body: 'Reviewed-by: Lee Reviewer <lee@example.org>\n' },
  { id: 'q', subject: 'How do I blink?', from: lee, date: '2025-03-05T09:00:00.000Z', body: 'A question.\n' },
  { id: 'qa', subject: 'Re: How do I blink?', from: ada, date: '2025-03-05T10:00:00.000Z', inReplyTo: 'q', references: ['q'], body: 'Like this.\n' },
  { id: 'old', subject: 'Much older', from: lee, date: '2023-11-05T09:00:00.000Z', body: 'Old.\n' },
];

describe('datePages', () => {
  const { overview, pages } = datePages(reviewOf(archive), routeContext(resolveConfig({}, {})));

  it('gives a page to each month with mail, listing what had mail then, newest first, with that month only', () => {
    assert.deepEqual(pages.map((page) => page.path), ['2023-11', '2025-02', '2025-03']);
    const march = pages.find((page) => page.path === '2025-03')!.data;
    assert.equal(march.heading, 'March 2025: 3 messages, 1 series, 1 other thread');
    assert.deepEqual(
      march.rows.map((row) => [row.kind, row.url, row.messages, row.started]),
      [['thread', '/m/q/', '2 messages', true], ['series', '/s/cover/', '1 message', false]],
    );
    const february = pages.find((page) => page.path === '2025-02')!.data;
    assert.deepEqual(february.rows.map((row) => [row.title, row.version, row.messages, row.started]), [['leds: demo', 'v2', '2 messages', true]]);
    assert.deepEqual(march.pager.previous, { url: '/d/2025-02/', label: 'February 2025' });
    assert.equal(march.pager.next, null);
    assert.equal(march.pager.overview.url, '/d/');
  });

  it('draws the months from the first to the last, and lists each year as text', () => {
    assert.equal(overview.heading, 'By date: 6 messages and 1 series, by the month they were sent');
    assert.deepEqual(overview.years.map((year) => [year.year, year.counts]), [['2025', '5 messages, 1 series'], ['2023', '1 message, 0 series']]);
    assert.deepEqual(overview.years[0]!.months.slice(0, 4), [
      { label: 'Jan', url: null, counts: 'no mail' },
      { label: 'Feb', url: '/d/2025-02/', counts: '2 messages, 1 series' },
      { label: 'Mar', url: '/d/2025-03/', counts: '3 messages' },
      { label: 'Apr', url: null, counts: 'no mail' },
    ]);
    assert.equal(overview.chart!.panels[0]!.bars.length, 3);
    assert.equal(overview.undated, null);
  });
});
