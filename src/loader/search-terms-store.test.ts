import assert from 'node:assert/strict';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bodyTerms, readSearchTerms, writeSearchTerms } from './search-terms-store.ts';
import { scratchCache } from '../testing/scratch-cache.ts';

const { cache } = scratchCache('sheaf-terms-');

const KEY = '0123456789abcdef0123';
const TERMS = { b: ['zanzibar', 'déjà', 'a.b/c'], q: [], dfn: ['drivers/leds'], dfhh: ['foo'] };

test('terms are written whole and read back', () => {
  writeSearchTerms(KEY, TERMS);
  assert.deepEqual(readSearchTerms(KEY), TERMS);
  assert.deepEqual(readdirSync(join(cache, 'search-terms', '01')), [`${KEY}.terms`], 'no temporary file left');
});

test('a missing, cut or foreign file reads as null, to be made again', () => {
  assert.equal(readSearchTerms('ffffffffffffffffffff'), null);
  const path = join(cache, 'search-terms', '01', `${KEY}.terms`);
  truncateSync(path, 30);
  assert.equal(readSearchTerms(KEY), null);
  writeFileSync(path, 'sheaf-terms ffffffffffffffffffff 3\nabc');
  assert.equal(readSearchTerms(KEY), null);
  assert.throws(() => readSearchTerms('../etc'), /not a mail key/);
});

test('a body not marked up gives its plain terms', () => {
  assert.deepEqual(bodyTerms({ text: 'own words\n> quoted words\n', inline: [] }, undefined), { b: ['own', 'words'], q: ['quoted', 'words'], dfn: [], dfhh: [] });
});
