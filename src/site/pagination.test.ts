import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchoredPages, anchoredPageUrl, initialBucket, monthBucket } from './pagination.ts';

const list = { base: '/x/', size: 2 };

test('entries go to the pages of their bucket, counted from the bucket start, buckets in the order met', () => {
  const entries = ['a1', 'b1', 'a2', 'a3', 'b2'];
  const pages = anchoredPages(list, entries, (entry) => ({ name: entry[0]!, label: entry[0]!.toUpperCase() }));
  assert.deepEqual(
    pages.map((page) => [page.path, page.url, page.number, page.pages, page.bucketSize, page.entries]),
    [
      ['a', '/x/a/', 1, 2, 3, ['a1', 'a2']],
      ['a/2', '/x/a/2/', 2, 2, 3, ['a3']],
      ['b', '/x/b/', 1, 1, 2, ['b1', 'b2']],
    ],
  );
});

test('adding an entry changes the pages of its own bucket only', () => {
  const bucketOf = (entry: string) => ({ name: entry[0]!, label: entry[0]! });
  const before = anchoredPages(list, ['a1', 'a2', 'b1', 'c1'], bucketOf);
  const after = anchoredPages(list, ['a1', 'a2', 'a3', 'b1', 'c1'], bucketOf);
  const entriesOf = (pages: typeof before) => new Map(pages.map((page) => [page.path, JSON.stringify(page.entries)]));
  const [old, now] = [entriesOf(before), entriesOf(after)];
  assert.deepEqual([...now.keys()].filter((path) => old.get(path) !== now.get(path)), ['a/2']);
});

test('months and initials as buckets', () => {
  assert.deepEqual(monthBucket('2025-03-04T10:00:00.000Z'), { name: '2025-03', label: 'March 2025' });
  assert.deepEqual(monthBucket(null), { name: 'undated', label: 'Undated' });
  assert.deepEqual(initialBucket('leds demo'), { name: 'l', label: 'L' });
  assert.deepEqual(initialBucket('5 10 stable'), { name: '0-9', label: '0–9' });
  assert.deepEqual(initialBucket(''), { name: 'other', label: 'Other' });
  assert.equal(anchoredPageUrl({ base: '/messages/page/', size: 1 }, '2025-03', 3), '/messages/page/2025-03/3/');
});
