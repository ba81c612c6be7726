import { defineConfig } from '@playwright/test';

/**
 * Four sites are built for the end-to-end tests, each into its own folder so tests never
 * depend on (or overwrite) the developer's dist/: the demo content, the lore linux-leds
 * threads sample from the shared corpus (510 real messages), hostile mail that
 * src/testing/hostile-mail.ts writes into .cache/e2e/hostile-content before the build (never
 * into content/), and the demo content again, served under a sub-path with its addresses
 * masked. The last two have caches of their own.
 */
interface Site {
  port: number;
  content: string;
  /** sheaf.config.ts `base`: the path the site is served under. */
  base: string;
  /** Other environment of its build: the configuration it overrides, a cache of its own. */
  env: Record<string, string>;
}

const firstPort = Number(process.env.SHEAF_E2E_PORT ?? 4391);

/** Ports from SHEAF_E2E_PORT (4391 unless set), so that test runs in two checkouts do not collide. */
export const sites = {
  demo: { port: firstPort, content: 'content', base: '/', env: {} },
  sample: { port: firstPort + 3, content: '../shared/corpus/lore-linux-leds/threads-sample', base: '/', env: { SHEAF_LIST: 'linux-leds@vger.kernel.org' } },
  hostile: { port: firstPort + 6, content: '.cache/e2e/hostile-content', base: '/', env: { SHEAF_CACHE: '.cache/e2e/hostile-cache' } },
  based: { port: firstPort + 9, content: 'content', base: '/lists/demo/', env: { SHEAF_CACHE: '.cache/e2e/based-cache', SHEAF_ADDRESSES: 'masked', SHEAF_NAME: 'Demo list' } },
} satisfies Record<string, Site>;

const server = (name: keyof typeof sites) => {
  const { port, content, base, env } = sites[name];
  const hostile = name === 'hostile';
  return {
    command: `${hostile ? `node src/testing/hostile-mail.ts ${content} && ` : ''}astro build && node scripts/serve.mjs .cache/e2e/${name} ${port} ${base}`,
    env: {
      SHEAF_CONTENT: content, SHEAF_OUT: `.cache/e2e/${name}`, SHEAF_SITE: `http://127.0.0.1:${port}`, SHEAF_BASE: base, ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 180_000,
  };
};

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${sites.demo.port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
      ],
    },
  },
  webServer: [server('demo'), server('sample'), server('hostile'), server('based')],
});
