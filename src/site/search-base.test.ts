import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pageKey } from './routes/keys.ts';
import { baseCache } from './search-base.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

const { cache } = scratchCache('sheaf-search-base-');

const FILES = [
  { path: 'f/le.json', json: '{"lee":[-1,0]}' },
  { path: 'b/_e9_t.json', json: '{"été":[-3,8,1]}' },
];

test('a kept base gives back its files, with the keys their pages would get, read only when asked', () => {
  baseCache().put('d1', FILES);
  const kept = baseCache().get('d1')!;
  assert.deepEqual(kept.map((file) => [file.path, file.key]), FILES.map((file) => [file.path, pageKey(file.json)]));
  assert.deepEqual(kept.map((file) => file.json), FILES.map((file) => file.json));
  assert.equal(baseCache().get('d2'), null, 'another digest: built again');
});

test('a base cut short or not what its list says is not used', () => {
  baseCache().put('d1', FILES);
  truncateSync(join(cache, 'search-base.data'), 40);
  assert.equal(baseCache().get('d1'), null);
  baseCache().put('d1', FILES);
  writeFileSync(join(cache, 'search-base.json'), '{"digest":"d1"');
  assert.equal(baseCache().get('d1'), null);
});
