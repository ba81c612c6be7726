import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { authorKey, authorSlug, authorUrl } from './author.ts';

test('a person is their address without case, or their name when mail gives none', () => {
  assert.equal(authorKey({ name: 'Lee Jones', email: 'Lee@Kernel.org ' }), 'lee@kernel.org');
  assert.equal(authorKey({ name: ' Jason  Gunthorpe ', email: '' }), 'name:jason gunthorpe');
  assert.equal(authorKey({ name: '', email: '' }), null);
  assert.equal(authorUrl({ name: 'A', email: 'LEE@kernel.org' }), authorUrl({ name: 'B', email: 'lee@kernel.org' }));
  assert.equal(authorUrl({ name: '', email: '' }), null);
});

test('the slug is a digest of the key and never shows the address', () => {
  const slug = authorSlug('lee@kernel.org');
  assert.equal(slug, createHash('sha256').update('lee@kernel.org').digest('hex').slice(0, 16));
  assert.match(slug, /^[0-9a-f]{16}$/);
  assert.equal(authorUrl({ name: '', email: 'lee@kernel.org' }), `/a/${slug}/`);
});
