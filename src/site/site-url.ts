/**
 * Where the site is served: `SHEAF_SITE`, an absolute URL, by default `http://localhost:4321`
 * (where `astro preview` serves it). Astro's `site` is set from it, and the downloads that need
 * absolute links (the `Link:` trailer of each patch in a series mbox) are made with it.
 */
export const DEFAULT_SITE = 'http://localhost:4321';

/** The site's URL without a trailing slash, so a site path can follow it. */
export function siteUrl(): string {
  const value = process.env.SHEAF_SITE || DEFAULT_SITE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SHEAF_SITE is not an absolute URL: ${value}`);
  }
  return url.href.endsWith('/') ? url.href.slice(0, -1) : url.href;
}
