import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorSlug } from '../../archive/author.ts';
import { diff, reviewOf, type MailSpec } from '../../archive/test-support.ts';
import { resolveConfig } from '../config.ts';
import { AUTHOR_LIST_LIMIT, authorPages } from './author-pages.ts';
import { routeContext } from './context.ts';

const context = routeContext(resolveConfig({}, {}));

const ada = 'Ada Author <ada@example.org>';
const archive: MailSpec[] = [
  { id: 'cover', subject: '[PATCH v2 0/2] leds: demo', from: ada, date: '2025-03-01T10:00:00.000Z', body: 'Cover.\n' },
  { id: 'p1', subject: '[PATCH v2 1/2] leds: one', from: ada, date: '2025-03-01T10:01:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `one\n\nAcked-by: Pat Carried <pat@example.org>\n${diff('a.c')}` },
  { id: 'p2', subject: '[PATCH v2 2/2] leds: two', from: ada, date: '2025-03-01T10:02:00.000Z', inReplyTo: 'cover', references: ['cover'], body: `two\n${diff('b.c')}` },
  { id: 'r1', subject: 'Re: [PATCH v2 2/2] leds: two', from: 'Lee R. <Lee@Example.org>', date: '2025-03-02T08:00:00.000Z', inReplyTo: 'p2', references: ['cover', 'p2'], body: 'Reviewed-by: Lee Reviewer <lee@example.org>\n' },
  { id: 'q', subject: 'How do I blink?', from: 'Lee Reviewer <lee@example.org>', date: '2025-01-05T09:00:00.000Z', body: 'A question.\n' },
  { id: 'web', subject: 'From a web page', from: 'Jason Gunthorpe', date: '2025-01-06T09:00:00.000Z', body: 'No address.\n' },
];

describe('authorPages', () => {
  const pages = new Map(authorPages(reviewOf(archive), context).map(({ slug, data }) => [slug, data]));

  it('gives each sender a page keyed by a digest of the address without case, with every name they used', () => {
    const lee = pages.get(authorSlug('lee@example.org'))!;
    assert.deepEqual(lee.names, ['Lee Reviewer', 'Lee R.'], 'From names and trailer names, most used first');
    assert.equal(lee.address, 'Lee@Example.org');
    assert.equal(lee.span, 'From 2025-01-05 to 2025-03-02');
    assert.deepEqual(lee.reviews.rows.map((row) => [row.trailer, row.series.name, row.scope, row.given.map((given) => given.url)]), [['Reviewed-by', 'leds: demo v2', 'patch 2 of 2', ['/m/r1/']]]);
    assert.deepEqual(lee.messages.rows.map((row) => row.url), ['/m/q/'], 'the review is listed as a review, not again as a message');
    assert.equal(lee.series.count, '0');
    assert.ok(pages.has(authorSlug('name:jason gunthorpe')), 'mail without an address is known by its name');
  });

  it('lists the series an author sent with their review, and counts reviews carried in patches for the reviewer', () => {
    const ada = pages.get(authorSlug('ada@example.org'))!;
    assert.deepEqual(ada.series.rows.map((row) => [row.url, row.review.map((count) => count.text)]), [['/s/cover/', ['1 reviewed', '1 acked']]]);
    assert.deepEqual(ada.messages.rows, [], 'the cover letter and patches are the series');
    const pat = pages.get(authorSlug('pat@example.org'))!;
    assert.deepEqual(pat.reviews.rows.map((row) => [row.trailer, row.scope, row.given.map((given) => given.label)]), [['Acked-by', 'patch 1 of 2', ['in the patch']]]);
    assert.equal(pat.span, null);
  });

  it('shows addresses as the archive does and links under its base path', () => {
    const based = routeContext(resolveConfig({ base: '/lists/demo/', addresses: 'masked' }, {}));
    const lee = new Map(authorPages(reviewOf(archive), based).map(({ slug, data }) => [slug, data])).get(authorSlug('lee@example.org'))!;
    assert.equal(lee.address, 'Lee@xxxxxxxxxx');
    assert.deepEqual(lee.reviews.rows[0]!.given.map((given) => given.url), ['/lists/demo/m/r1/']);
    assert.deepEqual(lee.messages.rows.map((row) => [row.url, row.fromUrl]), [['/lists/demo/m/q/', `/lists/demo/a/${authorSlug('lee@example.org')}/`]]);
    const hidden = routeContext(resolveConfig({ addresses: 'hidden' }, {}));
    const pat = new Map(authorPages(reviewOf(archive), hidden).map(({ slug, data }) => [slug, data])).get(authorSlug('pat@example.org'))!;
    assert.equal(pat.address, null);
  });

  it('shows the newest entries of a long list and says how many there are', () => {
    const many: MailSpec[] = Array.from({ length: AUTHOR_LIST_LIMIT + 5 }, (_, index) => ({
      id: `m${index}`, subject: `Question ${index}`, from: ada, date: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(), body: 'Q.\n',
    }));
    const page = authorPages(reviewOf(many), context)[0]!.data;
    assert.equal(page.messages.rows.length, AUTHOR_LIST_LIMIT);
    assert.equal(page.messages.count, `${AUTHOR_LIST_LIMIT + 5}, the newest ${AUTHOR_LIST_LIMIT} shown`);
    assert.equal(page.messages.rows[0]!.url, `/m/m${AUTHOR_LIST_LIMIT + 4}/`);
  });
});
