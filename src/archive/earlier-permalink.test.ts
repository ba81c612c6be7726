import assert from 'node:assert/strict';
import { test } from 'node:test';
import { earlierSlug, forwardedSlugs } from './earlier-permalink.ts';
import { messageSlug } from './permalink.ts';

test('the slugs of earlier builds: no case suffix', () => {
  assert.equal(earlierSlug('20230117142008.GA123@nvidia.com'), '20230117142008.GA123@nvidia.com');
  assert.equal(earlierSlug('../../../etc/passwd'), '~2E.~2F..~2F..~2Fetc~2Fpasswd');
  assert.equal(earlierSlug('lower@x'), messageSlug('lower@x'));
});

test('an earlier slug forwards unless it is no valid folder name everywhere or would share a folder with another page where case is ignored', () => {
  const ids = ['Mixed@x', 'only.lower@x', 'ABC@x', 'abc@x', 'Twin@x', 'TWIN@x', 'con', 'NUL.x@y', 'trailing.dot.'].map((id) => ({ id, slug: messageSlug(id) }));
  assert.deepEqual(forwardedSlugs(ids), [{ slug: 'Mixed@x', target: messageSlug('Mixed@x') }]);
});
