import { defineConfig } from '@playwright/test';

const port = 4391;
// The end-to-end site is built from the demo content into its own folder, so tests never
// depend on (or overwrite) the developer's dist/.
const site = { SHEAF_CONTENT: 'content', SHEAF_OUT: '.cache/e2e/dist', ASTRO_TELEMETRY_DISABLED: '1' };

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `astro build && astro preview --host 127.0.0.1 --port ${port}`,
    env: site,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
