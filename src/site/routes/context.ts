/**
 * What every route-data module needs of the configuration (sheaf.config.ts): how to make a
 * link from a site path, and how to show an address. Made once per build; whatever of it a page
 * shows lands in the page's data, so a change of the configuration changes exactly the keys of
 * the pages that show it.
 */
import { authorUrl } from '../../archive/author.ts';
import type { Address } from '../../parse/types.ts';
import { addressPolicy, perAddress, type AddressPolicy } from '../addresses.ts';
import type { SiteConfig } from '../config.ts';
import { absoluteUrl, sitePath } from '../site-url.ts';

export interface RouteContext {
  config: SiteConfig;
  /** A site path (`/m/<slug>/`) as a link on the site, under the base path. */
  link(path: string): string;
  /** The page of the person with this address (`/a/<hash>/`) as a link on the site; null when the mail gave no address. */
  authorPage(address: Address): string | null;
  /** A site path as an absolute URL, for feeds and mboxes. */
  absolute(path: string): string;
  addresses: AddressPolicy;
  /**
   * Whether the mails as archived are offered (`raw.txt`, thread mboxes, `series-plain.mbox`):
   * only when addresses are shown, since a mail as archived holds them everywhere, in encoded
   * headers and parts too, and a masked copy would no longer be the mail as archived.
   */
  rawDownloads: boolean;
  /** The page of a file the archive's patches touch (`/f/<path>/`, src/archive/files.ts) as a link; null when it has none. Unset: none has. */
  filePage?(path: string): string | null;
}

export function routeContext(config: SiteConfig): RouteContext {
  // Page data names the same pages again and again (a message from every page that links to it):
  // one string per link, not one per mention, keeps the data of a whole list's pages smaller.
  const links = new Map<string, string>();
  const link = (path: string) => {
    let made = links.get(path);
    if (made === undefined) links.set(path, (made = sitePath(config.base, path)));
    return made;
  };
  return {
    config,
    link,
    // Its slug is a digest: made once per address, not once per mention.
    authorPage: perAddress((address) => {
      const path = authorUrl(address);
      return path === null ? null : link(path);
    }),
    absolute: (path) => absoluteUrl(config, path),
    addresses: addressPolicy(config.addresses),
    rawDownloads: config.addresses === 'shown',
  };
}
