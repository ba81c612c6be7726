import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CONFIG_ENV, DEFAULT_SITE, resolveConfig } from './config.ts';
import { absoluteUrl, link, siteConfig, sitePath } from './site-url.ts';

const saved = Object.fromEntries(Object.values(CONFIG_ENV).map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('resolveConfig', () => {
  it('has a default for every option', () => {
    assert.deepEqual(resolveConfig({}, {}), { name: 'Sheaf', listAddress: null, origin: new URL(DEFAULT_SITE).origin, base: '/', addresses: 'shown' });
  });

  it('takes the file’s values, and each environment variable over them', () => {
    const file = { name: 'linux-leds', listAddress: 'linux-leds@vger.kernel.org', site: 'https://lists.example.org', base: '/lists/linux-leds/', addresses: 'masked' } as const;
    assert.deepEqual(resolveConfig(file, {}), { name: 'linux-leds', listAddress: 'linux-leds@vger.kernel.org', origin: 'https://lists.example.org', base: '/lists/linux-leds/', addresses: 'masked' });
    const env = { SHEAF_NAME: 'LEDs', SHEAF_LIST: 'leds@example.org', SHEAF_SITE: 'http://127.0.0.1:4400', SHEAF_BASE: 'demo', SHEAF_ADDRESSES: 'hidden' };
    assert.deepEqual(resolveConfig(file, env), { name: 'LEDs', listAddress: 'leds@example.org', origin: 'http://127.0.0.1:4400', base: '/demo/', addresses: 'hidden' });
  });

  it('reads the base from the site’s path when no base is given, and refuses two that disagree', () => {
    assert.equal(resolveConfig({ site: 'https://lists.example.org/leds' }, {}).base, '/leds/');
    assert.equal(resolveConfig({ site: 'https://lists.example.org/leds/', base: '/leds' }, {}).base, '/leds/');
    assert.throws(() => resolveConfig({ site: 'https://lists.example.org/leds/', base: '/other/' }, {}), /has the path \/leds\/ but sheaf\.config\.ts base is \/other\//);
  });

  it('stops the build with the option’s name when a value is wrong', () => {
    assert.throws(() => resolveConfig({}, { SHEAF_SITE: 'archive.example' }), /SHEAF_SITE is not an absolute URL: archive\.example/);
    assert.throws(() => resolveConfig({ site: 'ftp://archive.example' }, {}), /sheaf\.config\.ts site is not an http or https URL/);
    assert.throws(() => resolveConfig({ base: '/a/../b/' }, {}), /base path/);
    assert.throws(() => resolveConfig({ base: '/a b/' }, {}), /base path/);
    assert.throws(() => resolveConfig({}, { SHEAF_ADDRESSES: 'off' }), /SHEAF_ADDRESSES must be one of shown, masked, hidden: off/);
    assert.throws(() => resolveConfig({ listAddress: 'list <l@example.org>' }, {}), /not a plain address/);
  });
});

describe('site paths', () => {
  it('puts a site path under the base, and makes it absolute at the origin', () => {
    assert.equal(sitePath('/', '/m/a@b/'), '/m/a@b/');
    assert.equal(sitePath('/lists/demo/', '/m/a@b/'), '/lists/demo/m/a@b/');
    assert.equal(sitePath('/lists/demo/', '/'), '/lists/demo/');
    assert.equal(absoluteUrl({ origin: 'https://x.example', base: '/lists/demo/' }, '/s/c/'), 'https://x.example/lists/demo/s/c/');
    assert.throws(() => sitePath('/', 'm/a/'), /not a site path/);
  });

  it('links with this build’s configuration, read again when the environment changes', () => {
    process.env.SHEAF_BASE = '/one/';
    assert.equal(link('/messages/'), '/one/messages/');
    process.env.SHEAF_BASE = '/two/';
    assert.equal(link('/messages/'), '/two/messages/');
    assert.equal(siteConfig().base, '/two/');
  });
});
