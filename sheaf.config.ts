/**
 * The archive's configuration (README "Configuration"). Each option can be overridden by its
 * environment variable, named beside it; what is not set here takes its default.
 */
import type { SheafConfig } from './src/site/config.ts';

export default {
  // SHEAF_NAME: shown in every page's header and title, and in the feeds' titles.
  name: 'Sheaf',
  // SHEAF_LIST: the list's posting address, which replies go to (README "Replying"); none by default.
  listAddress: '',
  // SHEAF_SITE: where the site is served, an absolute URL, for the feeds and the Link: of series mboxes.
  site: 'http://localhost:4321',
  // SHEAF_BASE: the path the site is served under, e.g. '/lists/linux-leds/'.
  base: '/',
  // SHEAF_ADDRESSES: 'shown', 'masked' (user@xxxxxxxxxx, as lkml.iu.edu) or 'hidden'.
  addresses: 'shown',
} satisfies SheafConfig;
