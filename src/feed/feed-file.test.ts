import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { writeBody } from '../loader/cache.ts';
import { bodySummary, feedXml, SUMMARY_CHARACTERS, type FeedData } from './feed-file.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

describe('bodySummary', () => {
  it('keeps a short body whole, and cuts a long one after its last whole line', () => {
    assert.equal(bodySummary('\nShort.\n\n'), 'Short.');
    const line = `${'x'.repeat(99)}\n`;
    const summary = bodySummary(line.repeat(40));
    assert.equal(summary, `${line.repeat(15).trimEnd()}\n…`);
    assert.ok(summary.length <= SUMMARY_CHARACTERS + 2);
    const long = bodySummary(`${'y'.repeat(SUMMARY_CHARACTERS - 1)}😀 and more`);
    assert.equal(long, `${'y'.repeat(SUMMARY_CHARACTERS - 1)}\n…`, 'a long line is cut inside, never inside a pair');
  });
});

describe('feedXml', () => {
  const { cache } = scratchCache('sheaf-feed-');

  it('reads each message’s summary from its body, its addresses as the archive shows them', () => {
    const key = 'f'.repeat(40);
    writeBody(key, { text: 'Looks right.\n\nReviewed-by: Lee <lee@example.org>\nLink: https://lore.kernel.org/r/1234567890.GA1@example.org\n', inline: [] }, '');
    const feed: FeedData = {
      id: 'https://a.example/feeds/messages.atom', title: 'new messages', selfUrl: 'https://a.example/feeds/messages.atom', pageUrl: 'https://a.example/messages/',
      updated: '2025-03-02T08:00:00.000Z', author: { name: 'Sheaf', email: null },
      entries: [{
        id: 'https://a.example/m/r1/', title: 'Re: x', url: 'https://a.example/m/r1/', updated: '2025-03-02T08:00:00.000Z', published: null,
        author: { name: 'Lee', email: 'lee@xxxxxxxxxx' },
        summary: { body: { key, renderedAs: 'd', masking: { mode: 'masked', keep: ['1234567890.GA1@example.org'] } } },
      }],
    };
    const xml = feedXml(feed);
    assert.ok(xml.includes('<summary type="text">Looks right.\n\nReviewed-by: Lee &lt;lee@xxxxxxxxxx&gt;\nLink: https://lore.kernel.org/r/1234567890.GA1@example.org</summary>'), xml);
    assert.doesNotMatch(xml, /lee@example\.org/);
  });
});
