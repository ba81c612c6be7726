import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageSlug, messageUrl } from './permalink.ts';

const SAFE = /^[A-Za-z0-9._+=@~-]+$/;

test('ordinary ids read as themselves', () => {
  assert.equal(messageUrl('20230117142008.GA123@nvidia.com'), '/m/20230117142008.GA123@nvidia.com/');
  assert.equal(messageSlug('CACRHdMaObu7Dc0FWTWEesvRCzUNDG=7oA7KFqAgtOs_UKjb3Og@mail.gmail.com'), 'CACRHdMaObu7Dc0FWTWEesvRCzUNDG=7oA7KFqAgtOs_UKjb3Og@mail.gmail.com');
  assert.equal(messageSlug('20250303090000.1000-1-ada+leds@example.org'), '20250303090000.1000-1-ada+leds@example.org');
});

test('hostile ids cannot leave their folder or hide', () => {
  assert.equal(messageSlug('../../../etc/passwd'), '~2E.~2F..~2F..~2Fetc~2Fpasswd');
  assert.equal(messageSlug('..'), '~2E.');
  assert.equal(messageSlug('.hidden@x'), '~2Ehidden@x');
  for (const id of ['../../../etc/passwd', 'a/b\\c', '%2e%2e', '<script>@x', 'a b"c\'d', '~7E', '\u0000\u0001']) {
    const slug = messageSlug(id);
    assert.match(slug, SAFE, id);
    assert.ok(!slug.startsWith('.'), id);
  }
});

test('any bytes, including non-ASCII, map to safe slugs', () => {
  assert.equal(messageSlug('café@x'), 'caf~C3~A9@x');
  assert.equal(messageSlug('😀@x'), '~F0~9F~98~80@x');
});

test('the mapping is one-to-one: ids that look alike get different slugs', () => {
  const ids = ['a~7E@x', 'a~@x', 'a/@x', 'a~2F@x', 'a%2F@x', '.a', '~2Ea', 'A@x', 'a@x'];
  const slugs = ids.map(messageSlug);
  assert.equal(new Set(slugs).size, ids.length, slugs.join(' '));
});

test('long ids keep a readable prefix and a digest, and stay distinct', () => {
  const long = 'x'.repeat(500) + '@example.org';
  const other = 'x'.repeat(500) + '@example.com';
  const slug = messageSlug(long);
  assert.ok(slug.length <= 180, String(slug.length));
  assert.match(slug, /^x{120}~~[0-9a-f]{40}$/);
  assert.notEqual(slug, messageSlug(other));
  const escaped = messageSlug('/'.repeat(200));
  assert.match(escaped, /^(~2F)+~~[0-9a-f]{40}$/, 'a cut never splits a ~XX escape');
});
