// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { cacheRoot } from './src/loader/cache.ts';
import { contentPath } from './src/loader/content-path.ts';
import { buildSummary } from './src/site/summary-integration.ts';

// One Astro cache per content folder, so switching SHEAF_CONTENT back and forth stays warm.
// It sits in Sheaf's cache folder, not in node_modules, which `npm ci` deletes.
const contentKey = createHash('sha256').update(contentPath()).digest('hex').slice(0, 12);

export default defineConfig({
  outDir: process.env.SHEAF_OUT || './dist',
  cacheDir: join(cacheRoot(), 'astro', contentKey),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [buildSummary()],
});
