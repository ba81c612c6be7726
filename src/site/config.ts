/**
 * The archive's configuration: `sheaf.config.ts` at the top of the project, each option
 * overridden by its environment variable (README "Configuration"). astro.config.mjs gives
 * Astro its `site` and `base` from it; the route data holds every option a page shows, so a
 * change of one changes the keys of exactly the pages that show it.
 */

/** How mail addresses are shown (addresses.ts): as sent, masked as lkml.iu.edu does (`user@xxxxxxxxxx`), or not at all. */
export type AddressMode = 'shown' | 'masked' | 'hidden';

const ADDRESS_MODES: readonly AddressMode[] = ['shown', 'masked', 'hidden'];

/** What `sheaf.config.ts` may set; every option is optional. */
export interface SheafConfig {
  /** The archive's name, in every page's header and title and in the feeds. Default `Sheaf`. */
  name?: string;
  /** The list's posting address, which replies go to; `''` for none (the default). */
  listAddress?: string;
  /** Where the site is served: an absolute URL. A path in it is the base when `base` is not set. Default `http://localhost:4321`. */
  site?: string;
  /** The path the site is served under, e.g. `/lists/linux-leds/`. Default `/`. */
  base?: string;
  /** How mail addresses are shown. Default `shown`. */
  addresses?: AddressMode;
}

/** The configuration as the build uses it. */
export interface SiteConfig {
  name: string;
  listAddress: string | null;
  /** Scheme, host and port: `https://lists.example.org`. */
  origin: string;
  /** The path the site is served under, with a slash at each end: `/`, `/lists/linux-leds/`. */
  base: string;
  addresses: AddressMode;
}

/** The environment variable that overrides each option. */
export const CONFIG_ENV = {
  name: 'SHEAF_NAME',
  listAddress: 'SHEAF_LIST',
  site: 'SHEAF_SITE',
  base: 'SHEAF_BASE',
  addresses: 'SHEAF_ADDRESSES',
} as const satisfies Record<keyof SheafConfig, string>;

export const DEFAULT_SITE = 'http://localhost:4321';

/** An address a reply may be sent to: one `local@domain`, nothing a mail client or a shell reads otherwise. */
export function isPlainAddress(value: string): boolean {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(value);
}

/** `lists/leds` → `/lists/leds/`; one segment of letters, digits, `.`, `_`, `~` or `-` at a time. */
function normalBase(value: string, origin: string): string {
  const base = `/${value}/`.replace(/\/{2,}/g, '/');
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base) || /\/\.{1,2}\//.test(base)) throw new Error(`${origin}: the base path must be folder names of letters, digits, '.', '_', '~' and '-': ${value}`);
  return base;
}

/** The configuration from the file's values and the environment's overrides; throws with the option's name when a value is wrong. */
export function resolveConfig(file: SheafConfig, env: Readonly<Record<string, string | undefined>>): SiteConfig {
  const option = <Key extends keyof SheafConfig>(key: Key): { value: string | undefined; from: string } => {
    const fromEnv = env[CONFIG_ENV[key]];
    return fromEnv ? { value: fromEnv, from: CONFIG_ENV[key] } : { value: file[key], from: `sheaf.config.ts ${key}` };
  };
  const site = option('site');
  let url: URL;
  try {
    url = new URL(site.value || DEFAULT_SITE);
  } catch {
    throw new Error(`${site.from} is not an absolute URL: ${site.value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${site.from} is not an http or https URL: ${site.value}`);
  const sitePath = normalBase(decodeURIComponent(url.pathname), site.from);
  const baseOption = option('base');
  const base = baseOption.value ? normalBase(baseOption.value, baseOption.from) : sitePath;
  if (sitePath !== '/' && sitePath !== base) throw new Error(`${site.from} has the path ${sitePath} but ${baseOption.from} is ${base}: give the path in one of them`);

  const list = option('listAddress');
  const listAddress = list.value?.trim() || null;
  if (listAddress !== null && !isPlainAddress(listAddress)) throw new Error(`${list.from} is not a plain address (local@domain): ${listAddress}`);

  const mode = option('addresses');
  const addresses = (mode.value || 'shown') as AddressMode;
  if (!ADDRESS_MODES.includes(addresses)) throw new Error(`${mode.from} must be one of ${ADDRESS_MODES.join(', ')}: ${mode.value}`);

  return { name: option('name').value?.trim() || 'Sheaf', listAddress, origin: url.origin, base, addresses };
}
