import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counted } from './words.ts';

test('counts take the singular for one only', () => {
  assert.equal(counted(1, 'reply', 'replies'), '1 reply');
  assert.equal(counted(0, 'reply', 'replies'), '0 replies');
  assert.equal(counted(12, 'message', 'messages'), '12 messages');
});
