import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MBOX_MAX_BYTES, rawMailUrl, seriesMbox, shownMails, threadMbox } from './downloads.ts';
import { buildReviewArchive } from './index.ts';
import { diff, mails, reviewOf, type MailSpec } from './test-support.ts';

const thread: MailSpec[] = [
  { id: 'reply-2', subject: 'Re: blink', date: '2025-03-01T12:00:00.000Z', inReplyTo: 'root', references: ['root'], body: 'Later.\n' },
  { id: 'root', subject: 'blink', date: '2025-03-01T10:00:00.000Z', body: 'Question.\n' },
  { id: 'reply-1', subject: 'Re: blink', date: '2025-03-01T11:00:00.000Z', inReplyTo: 'root', references: ['root'], body: 'Answer.\n' },
  { id: 'reply-1', subject: 'Re: blink', date: '2025-03-01T11:30:00.000Z', inReplyTo: 'root', references: ['root'], body: 'Answer, sent again otherwise.\n' },
];

describe('threadMbox', () => {
  it("holds the thread's mails oldest first, each message's variants after it, in its root's folder", () => {
    const review = reviewOf(thread);
    const mbox = threadMbox(review.threadByMessage.get('reply-2')!);
    assert.deepEqual(mbox.items.map((mail) => [mail.messageId, mail.date]), [
      ['root', '2025-03-01T10:00:00.000Z'],
      ['reply-1', '2025-03-01T11:00:00.000Z'],
      ['reply-1', '2025-03-01T11:30:00.000Z'],
      ['reply-2', '2025-03-01T12:00:00.000Z'],
    ]);
    assert.deepEqual([mbox.url, mbox.gzipUrl, mbox.leftOut], ['/m/root/t.mbox', '/m/root/t.mbox.gz', 0]);
    assert.equal(threadMbox(review.threadByMessage.get('root')!), mbox, 'one per thread');
  });

  it('is in the folder of the oldest archived message when the root is not archived', () => {
    const review = reviewOf(thread.filter((spec) => spec.id !== 'root'));
    const mbox = threadMbox(review.threadByMessage.get('reply-2')!);
    assert.equal(review.threadByMessage.get('reply-2')!.root.message, null);
    assert.equal(mbox.url, '/m/reply-1/t.mbox');
  });

  it('leaves out the newest mails past its bound, and counts them', () => {
    const { records, bodyOf } = mails(thread);
    for (const record of records) record.size = Math.floor(MBOX_MAX_BYTES / 3);
    const mbox = threadMbox(buildReviewArchive(records, bodyOf).threadByMessage.get('root')!);
    assert.deepEqual([mbox.items.length, mbox.leftOut], [3, 1]);
  });
});

describe('seriesMbox', () => {
  const series: MailSpec[] = [
    { id: 'cover', subject: '[PATCH 0/3] leds: demo', body: 'Cover.\n' },
    { id: 'p3', subject: '[PATCH 3/3] leds: three', inReplyTo: 'cover', references: ['cover'], body: `three\n${diff('c.c')}` },
    { id: 'p1', subject: '[PATCH 1/3] leds: one', inReplyTo: 'cover', references: ['cover'], body: `one\n${diff('a.c')}` },
  ];

  it('holds the archived patches in order, without the cover letter and the missing patch', () => {
    const review = reviewOf(series);
    const mbox = seriesMbox(review.series[0]!)!;
    assert.deepEqual(mbox.items.map(({ patch, message }) => [patch.number, message.id]), [[1, 'p1'], [3, 'p3']]);
    assert.deepEqual([mbox.url, mbox.plainUrl], ['/s/cover/series.mbox', '/s/cover/series-plain.mbox']);
  });

  it('is not there for a series without an archived patch', () => {
    const review = reviewOf([series[0]!, { id: 'r', subject: 'Re: [PATCH 2/3] leds: two', inReplyTo: 'p2', references: ['cover', 'p2'], body: 'Looks fine.\n' }]);
    assert.ok(review.series.length > 0);
    for (const one of review.series) assert.equal(seriesMbox(one), null);
  });
});

describe('raw mail paths', () => {
  it('are made from the slug, one per mail a page shows, never from the id', () => {
    const review = reviewOf([
      { id: '../../../etc/passwd', subject: 'climb', body: 'one\n' },
      { id: '../../../etc/passwd', subject: 'climb', body: 'two\n' },
    ]);
    const [message] = review.archive.messages;
    assert.deepEqual(shownMails(message!).map((_, index) => rawMailUrl(message!, index)), ['/m/~2E.~2F..~2F..~2Fetc~2Fpasswd/raw.txt', '/m/~2E.~2F..~2F..~2Fetc~2Fpasswd/raw-2.txt']);
  });
});
