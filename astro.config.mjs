// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { cacheRoot } from './src/loader/cache.ts';
import { contentPath } from './src/loader/content-path.ts';
import { sheafBuild } from './src/build/integration.ts';
import { siteConfig } from './src/site/site-url.ts';

// One Astro cache per content folder, so switching SHEAF_CONTENT back and forth stays warm.
// It sits in Sheaf's cache folder, not in node_modules, which `npm ci` deletes.
const contentKey = createHash('sha256').update(contentPath()).digest('hex').slice(0, 12);

// sheaf.config.ts, with its environment overrides (README "Configuration").
const { origin, base } = siteConfig();

// Astro inlines into its server code each environment variable whose name occurs in a module
// that reads `import.meta.env` whole: its actions runtime holds `_`, which the shell sets to the
// command that started the build (`/usr/bin/npm`, `node_modules/.bin/node`). Every page's
// dependency hash then changed, and every page was rendered again, whenever a build was started
// another way than the last (src/build/incremental.test.ts).
delete process.env._;

export default defineConfig({
  // Where the site is served: the feeds and downloads carry absolute links, every page links under the base path.
  site: origin,
  base,
  outDir: process.env.SHEAF_OUT || './dist',
  cacheDir: join(cacheRoot(), 'astro', contentKey),
  trailingSlash: 'ignore',
  // Pages are generated eight at a time, so one page's file writes overlap the next one's rendering
  // (at one at a time, the whole linux-leds list spent 40 % of its page generation waiting on writes).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  integrations: [sheafBuild()],
  // Pages whose key (src/site/routes/index.ts) and code are unchanged are kept from the last build.
  experimental: { incrementalBuild: true },
  // Kept pages stay where they are in the output folder instead of being copied back from Astro's cache.
  // No asset or script is inlined into a page, however small: the Content-Security-Policy
  // (docs/security.md) allows scripts from files only, and no data: URL.
  vite: { build: { emptyOutDir: false, assetsInlineLimit: 0 } },
});
