import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { DEFAULT_SITE, siteUrl } from './site-url.ts';

const saved = process.env.SHEAF_SITE;
afterEach(() => {
  if (saved === undefined) delete process.env.SHEAF_SITE;
  else process.env.SHEAF_SITE = saved;
});

test('the site URL comes from SHEAF_SITE, without a trailing slash, and has a default', () => {
  delete process.env.SHEAF_SITE;
  assert.equal(siteUrl(), DEFAULT_SITE);
  process.env.SHEAF_SITE = 'https://lists.example.org/leds/';
  assert.equal(siteUrl(), 'https://lists.example.org/leds');
  process.env.SHEAF_SITE = 'https://archive.example';
  assert.equal(siteUrl(), 'https://archive.example');
});

test('a SHEAF_SITE that is not an absolute URL stops the build with a clear message', () => {
  process.env.SHEAF_SITE = 'archive.example';
  assert.throws(() => siteUrl(), /SHEAF_SITE is not an absolute URL: archive\.example/);
});
