import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEX_PAGES, MESSAGE_PAGES, entriesOnPage, laterPages, pageCount, pageUrl, pageWindow } from './pagination.ts';

test('the pager shows the ends and three pages either side of the current one', () => {
  assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  assert.deepEqual(pageWindow(1, 232), [1, 2, 3, 4, null, 232]);
  assert.deepEqual(pageWindow(100, 232), [1, null, 97, 98, 99, 100, 101, 102, 103, null, 232]);
  assert.deepEqual(pageWindow(232, 232), [1, null, 229, 230, 231, 232]);
});

test('the index lives at / and the message list at /messages/, later pages below them', () => {
  assert.equal(pageUrl(INDEX_PAGES, 1), '/');
  assert.equal(pageUrl(INDEX_PAGES, 2), '/page/2/');
  assert.equal(pageUrl(MESSAGE_PAGES, 1), '/messages/');
  assert.equal(pageUrl(MESSAGE_PAGES, 7), '/messages/page/7/');
});

test('entries are cut into pages; an empty list still has its first page', () => {
  const list = { base: '/x/', size: 2 };
  assert.equal(pageCount(list, 0), 1);
  assert.equal(pageCount(list, 5), 3);
  assert.deepEqual(entriesOnPage(list, [1, 2, 3, 4, 5], 3), [5]);
  assert.deepEqual(laterPages(list, 5), [{ params: { page: '2' } }, { params: { page: '3' } }]);
  assert.deepEqual(laterPages(list, 0), []);
});
