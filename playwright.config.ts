import { defineConfig } from '@playwright/test';

/**
 * Three sites are built for the end-to-end tests, each into its own folder so tests never
 * depend on (or overwrite) the developer's dist/: the demo content, the lore linux-leds
 * threads sample from the shared corpus (510 real messages), and hostile mail that
 * src/testing/hostile-mail.ts writes into .cache/e2e/hostile-content before the build (never
 * into content/), built with a cache of its own.
 */
const firstPort = Number(process.env.SHEAF_E2E_PORT ?? 4391);

/** Ports from SHEAF_E2E_PORT (4391 unless set), so that test runs in two checkouts do not collide. */
export const sites = {
  demo: { port: firstPort, content: 'content' },
  sample: { port: firstPort + 3, content: '../shared/corpus/lore-linux-leds/threads-sample' },
  hostile: { port: firstPort + 6, content: '.cache/e2e/hostile-content' },
};

const server = (name: keyof typeof sites) => {
  const { port, content } = sites[name];
  const hostile = name === 'hostile';
  return {
    command: `${hostile ? `node src/testing/hostile-mail.ts ${content} && ` : ''}astro build && node scripts/serve.mjs .cache/e2e/${name} ${port}`,
    env: {
      SHEAF_CONTENT: content, SHEAF_OUT: `.cache/e2e/${name}`, SHEAF_SITE: `http://127.0.0.1:${port}`, ASTRO_TELEMETRY_DISABLED: '1',
      ...(hostile ? { SHEAF_CACHE: '.cache/e2e/hostile-cache' } : {}),
    },
    url: `http://127.0.0.1:${port}/`,
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
  webServer: [server('demo'), server('sample'), server('hostile')],
});
