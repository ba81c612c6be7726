import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counted, namesVersion, patchCount, seriesName } from './words.ts';

test('counts take the singular for one only', () => {
  assert.equal(counted(1, 'reply', 'replies'), '1 reply');
  assert.equal(counted(0, 'reply', 'replies'), '0 replies');
  assert.equal(counted(12, 'message', 'messages'), '12 messages');
  assert.equal(patchCount(1, 1), '1/1 patch');
  assert.equal(patchCount(0, 1), '0/1 patch');
  assert.equal(patchCount(2, 3), '2/3 patches');
});

test('a series is named with its version once', () => {
  assert.equal(seriesName('leds: demo', 2), 'leds: demo v2');
  assert.equal(seriesName('Multicolor Framework v25', 25), 'Multicolor Framework v25');
  assert.equal(seriesName('Multicolor Framework V25', 25), 'Multicolor Framework V25');
  assert.equal(seriesName('Multicolor Framework v2', 25), 'Multicolor Framework v2 v25', 'another version named is not this one');
  assert.equal(seriesName('leds: add lp5v2', 2), 'leds: add lp5v2 v2', 'a word ending in v2 is not a version');
  assert.equal(seriesName('update to 1.v2', 2), 'update to 1.v2 v2');
  assert.ok(namesVersion('Multicolor Framework v25', 25));
  assert.ok(!namesVersion('leds: demo', 2));
});
