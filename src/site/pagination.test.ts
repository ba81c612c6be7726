import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageWindow } from './pagination.ts';

test('the pager shows the ends and three pages either side of the current one', () => {
  assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  assert.deepEqual(pageWindow(1, 232), [1, 2, 3, 4, null, 232]);
  assert.deepEqual(pageWindow(100, 232), [1, null, 97, 98, 99, 100, 101, 102, 103, null, 232]);
  assert.deepEqual(pageWindow(232, 232), [1, null, 229, 230, 231, 232]);
});
