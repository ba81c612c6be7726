import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageSlug, messageUrl } from './permalink.ts';

const SAFE = /^[A-Za-z0-9._+=@~-]+$/;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

/** What a file system that ignores case (macOS, Windows) sees of a slug. */
const folded = (id: string) => messageSlug(id).toLowerCase();

test('ids without upper-case letters read as themselves, as they always did', () => {
  assert.equal(messageUrl('20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu'), '/m/20240624-sy7802-v5-2-7abc9d96bfa6@apitzsch.eu/');
  assert.equal(messageSlug('20250303090000.1000-1-ada+leds@example.org'), '20250303090000.1000-1-ada+leds@example.org');
  assert.equal(messageSlug('87h6e0a9x3.fsf@kernel.org'), '87h6e0a9x3.fsf@kernel.org');
});

test('ids with upper-case letters keep them and end in the case of their letters', () => {
  // Letters G A n v i d i a c o m: upper, upper, then lower: 1100 → c.
  assert.equal(messageUrl('20230117142008.GA123@nvidia.com'), '/m/20230117142008.GA123@nvidia.com~uc/');
  assert.equal(messageSlug('A@x'), 'A@x~u8');
  assert.equal(messageSlug('aB@x'), 'aB@x~u4');
  assert.equal(messageSlug('ABCDE@x'), 'ABCDE@x~uf8');
  const gmail = 'CAL_JsqKxyz=ab@mail.gmail.com';
  assert.match(messageSlug(gmail), /^CAL_JsqKxyz=ab@mail\.gmail\.com~u[0-9a-f]+$/);
});

test('ids differing only in case never share a path, even where case is ignored', () => {
  const ids = ['abc@x', 'Abc@x', 'aBc@x', 'abC@x', 'ABC@x', 'ABc@x', 'AbC@x', 'aBC@x', 'abc@X', 'ABC@X', 'con', 'CON', 'Con', 'x.', 'X.'];
  const paths = ids.map(folded);
  assert.equal(new Set(paths).size, ids.length, paths.join(' '));
  // Every case pattern of a longer id, as a gmail id could come in.
  const base = 'cal_jsqkabcd@gmail.com';
  const letters = [...base].map((char, index) => (/[a-z]/.test(char) ? index : -1)).filter((index) => index >= 0).slice(0, 10);
  const variants = new Set<string>();
  const slugs = new Set<string>();
  for (let mask = 0; mask < 1 << letters.length; mask++) {
    const chars = [...base];
    letters.forEach((at, bit) => {
      if (mask & (1 << bit)) chars[at] = chars[at]!.toUpperCase();
    });
    variants.add(chars.join(''));
    slugs.add(folded(chars.join('')));
  }
  assert.equal(slugs.size, variants.size);
});

test('hostile ids cannot leave their folder or hide', () => {
  assert.equal(messageSlug('../../../etc/passwd'), '~2E.~2F..~2F..~2Fetc~2Fpasswd');
  assert.equal(messageSlug('..'), '~2E~2E');
  assert.equal(messageSlug('.hidden@x'), '~2Ehidden@x');
  assert.equal(messageSlug('/etc/passwd'), '~2Fetc~2Fpasswd');
  assert.equal(messageSlug('a/b/../../index.html'), 'a~2Fb~2F..~2F..~2Findex.html');
  assert.equal(messageSlug('%2e%2e%2f'), '~252e~252e~252f');
  for (const id of ['../../../etc/passwd', 'a/b\\c', '%2e%2e', '%2E%2E%2F', '<script>@x', 'a b"c\'d', '~7E', '\u0000\u0001', 'a\r\nb', 'C:\\x', 'a:b*c?d|e', '']) {
    const slug = messageSlug(id);
    assert.match(slug, SAFE, JSON.stringify(id));
    assert.ok(!slug.startsWith('.'), id);
    assert.ok(!slug.endsWith('.') && !slug.endsWith(' '), id);
  }
});

test('names Windows reserves, and trailing dots, are escaped', () => {
  assert.equal(messageSlug('con'), '~63on');
  assert.equal(messageSlug('nul.x@y'), '~6Eul.x@y');
  assert.equal(messageSlug('x.'), 'x~2E');
  assert.equal(messageSlug('con@x'), 'con@x', 'only the name alone or before a dot is reserved');
  for (const name of ['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9', 'CON', 'Nul', 'aux.h', 'COM1.txt', 'lpt3.a.b', 'x.', 'a..', '...']) {
    const slug = messageSlug(name);
    const stem = slug.split('.')[0]!;
    assert.doesNotMatch(stem, WINDOWS_RESERVED, name);
    assert.doesNotMatch(slug, WINDOWS_RESERVED, name);
    assert.ok(!slug.endsWith('.'), `${name} → ${slug}`);
  }
});

test('any bytes, including non-ASCII, map to safe slugs', () => {
  assert.equal(messageSlug('café@x'), 'caf~C3~A9@x');
  assert.equal(messageSlug('CAFÉ@x'), 'CAF~C3~89@x~ue');
  assert.equal(messageSlug('😀@x'), '~F0~9F~98~80@x');
  assert.match(messageSlug('\u202Eevil@x'), SAFE);
});

test('the mapping is one-to-one: ids that look alike get different slugs, also folded', () => {
  const ids = ['a~7E@x', 'a~@x', 'a/@x', 'a~2F@x', 'a%2F@x', '.a', '~2Ea', 'A@x', 'a@x', 'a~u8@x', 'a~U8@x', 'c', 'C', 'con', '~63on', 'x.', 'x~2E', 'a~~b', ''];
  const slugs = ids.map(messageSlug);
  assert.equal(new Set(slugs).size, ids.length, slugs.join(' '));
  assert.equal(new Set(ids.map(folded)).size, ids.length, ids.map(folded).join(' '));
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
  const huge = 'a'.repeat(5000);
  const hugeSlugs = [huge, `${huge}b`, `A${huge.slice(1)}`, `${huge.slice(1)}A`, `${'/'.repeat(5000)}`, `${'.'.repeat(5000)}`].map(folded);
  assert.equal(new Set(hugeSlugs).size, hugeSlugs.length);
  for (const one of hugeSlugs) {
    assert.ok(one.length <= 180, String(one.length));
    assert.match(one, SAFE);
    assert.ok(!one.endsWith('.'));
  }
});

test('the generated hostile ids get slugs valid everywhere, distinct also where case is ignored', async () => {
  const { HOSTILE_IDS } = await import('../testing/hostile-mail.ts');
  const folds = new Set<string>();
  for (const id of HOSTILE_IDS) {
    const slug = messageSlug(id);
    assert.match(slug, SAFE, id);
    assert.ok(slug.length <= 180 && !slug.startsWith('.') && !slug.endsWith('.'), slug);
    assert.doesNotMatch(slug.split('.')[0]!, WINDOWS_RESERVED, id);
    folds.add(slug.toLowerCase());
  }
  assert.equal(folds.size, HOSTILE_IDS.length);
});
