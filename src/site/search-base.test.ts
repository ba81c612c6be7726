import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { textKey } from './routes/keys.ts';
import type { BaseEntries } from '../search/build-index.ts';
import { baseCache } from './search-base.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

const { cache } = scratchCache('sheaf-search-base-');

const FILES = [
  { path: 'f/le.json', json: '{"lee":[-1,0]}' },
  { path: 'b/_e9_t.json', json: '{"été":[-3,8,1]}' },
];
const ENTRIES = { code: 'c1', window: 64, messages: [['k1', 0, 'p1']], fields: { f: [['lee', '[-1,0]']] } } satisfies BaseEntries;

test('a kept base gives back its files, with the keys their pages would get, read only when asked', () => {
  const put = baseCache().put('d1', FILES, ENTRIES)!;
  assert.deepEqual(put.map((file) => [file.path, file.key, file.json]), FILES.map((file) => [file.path, textKey(file.json), file.json]), 'the base just put, read back from where it is kept');
  const kept = baseCache().get('d1')!;
  assert.deepEqual(kept.map((file) => [file.path, file.key]), FILES.map((file) => [file.path, textKey(file.json)]));
  assert.deepEqual(kept.map((file) => file.json), FILES.map((file) => file.json));
  assert.equal(baseCache().get('d2'), null, 'another digest: built again');
  const last = baseCache().last()!;
  assert.deepEqual([last.digest, last.entries, last.files.map((file) => file.json)], ['d1', ENTRIES, FILES.map((file) => file.json)], 'the last base, whatever it was made of, to patch');
});

test('a base cut short or not what its list says is not used', () => {
  baseCache().put('d1', FILES, ENTRIES);
  truncateSync(join(cache, 'search-base.data'), 40);
  assert.equal(baseCache().get('d1'), null);
  baseCache().put('d1', FILES, ENTRIES);
  writeFileSync(join(cache, 'search-base.json'), '{"digest":"d1"');
  assert.equal(baseCache().get('d1'), null);
  assert.equal(baseCache().last(), null);
  baseCache().put('d1', FILES, ENTRIES);
  writeFileSync(join(cache, 'search-base.entries.json'), JSON.stringify({ digest: 'd0', entries: ENTRIES }));
  assert.equal(baseCache().last(), null, 'entries of another base');
});
