/**
 * Where the site is served, and the one function that makes its links. The archive names
 * pages by site paths (`/m/<slug>/`, `/s/<slug>/`); `sitePath` puts one under the base path
 * (`/lists/linux-leds/m/<slug>/`), and every link of a page, a feed or the JSON data is made
 * with it, in the route data (routes/context.ts) or, for the links every page has, by `link`.
 */
import fileConfig from '../../sheaf.config.ts';
import { CONFIG_ENV, resolveConfig, type SiteConfig } from './config.ts';

let resolved: { env: string; config: SiteConfig } | undefined;

/** This build's configuration: sheaf.config.ts with the environment's overrides (read again when they change, as tests do). */
export function siteConfig(): SiteConfig {
  const env = Object.values(CONFIG_ENV).map((name) => process.env[name] ?? '').join('\0');
  if (resolved?.env !== env) resolved = { env, config: resolveConfig(fileConfig, process.env) };
  return resolved.config;
}

/** A site path as a link on a site served under `base`. */
export function sitePath(base: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`not a site path: ${path}`);
  return base === '/' ? path : base + path.slice(1);
}

/** A site path as an absolute URL, for what is read away from the site (feeds, mboxes). */
export function absoluteUrl(config: Pick<SiteConfig, 'origin' | 'base'>, path: string): string {
  return config.origin + sitePath(config.base, path);
}

/** A site path as a link on this build's site: for the links every page has (the header, the search box). */
export function link(path: string): string {
  return sitePath(siteConfig().base, path);
}
