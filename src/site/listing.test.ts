import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diff, reviewOf } from '../archive/test-support.ts';
import { listingRows, type SeriesRow, type ThreadRow } from './listing.ts';

const ada = 'Ada Author <ada@example.org>';
const lee = 'Lee Reviewer <lee@example.org>';
const pat = 'Pat Tester <pat@example.org>';

describe('listingRows', () => {
  it('shows a series with its archived patches and review counts, and other mail as threads', () => {
    const review = reviewOf([
      { id: 'cover', subject: '[PATCH v2 0/3] leds: demo', from: ada, body: 'Cover.\n' },
      { id: 'p1', subject: '[PATCH v2 1/3] leds: one', from: ada, inReplyTo: 'cover', references: ['cover'], body: `one\n${diff('a.c')}` },
      { id: 'p3', subject: '[PATCH v2 3/3] leds: three', from: ada, inReplyTo: 'cover', references: ['cover'], body: `three\n${diff('c.c')}` },
      { id: 'r1', subject: 'Re: [PATCH v2 1/3] leds: one', from: lee, inReplyTo: 'p1', references: ['cover', 'p1'], body: 'Reviewed-by: Lee Reviewer <lee@example.org>\n' },
      { id: 'r2', subject: 'Re: [PATCH v2 0/3] leds: demo', from: pat, inReplyTo: 'cover', references: ['cover'], body: 'Tested-by: Pat Tester <pat@example.org>\n' },
      { id: 'r3', subject: 'Re: [PATCH v2 3/3] leds: three', from: lee, inReplyTo: 'p3', references: ['cover', 'p3'], body: 'NAK.\n' },
      { id: 'q', subject: 'How do I blink?', from: pat, body: 'A question.\n' },
    ]);
    const rows = listingRows(review.listing, review);
    assert.deepEqual(rows.map((row) => row.kind), ['thread', 'series']);
    const thread = rows[0] as ThreadRow;
    assert.equal(thread.lead.id, 'q');
    const series = rows[1] as SeriesRow;
    assert.equal(series.series.id, 'cover');
    assert.equal(series.present, 2);
    assert.deepEqual(series.review.map((count) => count.text), ['1 reviewed', '1 tested', '1 NAKed']);
  });

  it('lists a thread whose root is not in the archive by its first message outside any series', () => {
    const review = reviewOf([
      { id: 'a', subject: 'Re: lost question', from: lee, inReplyTo: 'lost', references: ['lost'], body: 'An answer.\n' },
      { id: 'b', subject: 'Re: lost question', from: pat, inReplyTo: 'a', references: ['lost', 'a'], body: 'Thanks.\n' },
    ]);
    const [row] = listingRows(review.listing, review) as [ThreadRow];
    assert.equal(row.thread.root.id, 'lost');
    assert.equal(row.lead.id, 'a');
  });
});
