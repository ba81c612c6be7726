/**
 * Page keys: the digest of a page's data (routes/index.ts says what each page's data covers).
 * Parts several pages show are one object on all of them and are digested once, not per page.
 */
import { hash } from 'node:crypto';
import type { MessagePageData } from './message-page.ts';
import type { ReadingPageData } from './reading-page.ts';

/** A page's data and the digest of it. */
export interface Keyed<Data> {
  data: Data;
  key: string;
}

/** A dynamic route's page: its route parameter, its data, and its key. */
export interface RoutePage<Data> extends Keyed<Data> {
  param: string;
}

/** The key of a page with this data: a digest of its JSON. */
export function pageKey(data: unknown): string {
  return textKey(JSON.stringify(data));
}

/** The key of a file of this text: a digest of the text itself (not of its JSON, which would escape all of it again). */
export function textKey(text: string): string {
  // One call, no hash object: most keys digest a few hundred bytes, where making the object is most of the cost.
  return hash('sha256', text, 'base64url').slice(0, 32);
}

export function keyed<Data>(param: string, data: Data, key = pageKey(data)): RoutePage<Data> {
  return { param, data, key };
}

/** A page whose key is known (kept from the last build): its data is made only if it is read, when the page is rendered. */
export function lazilyKeyed<Data>(param: string, key: string, data: () => Data): RoutePage<Data> {
  return {
    param,
    key,
    get data() {
      return data();
    },
  };
}

/** Each page's parameter and key, in order: what the next build needs to keep them. */
export function paramKeys(pages: readonly RoutePage<unknown>[]): [param: string, key: string][] {
  return pages.map(({ param, key }) => [param, key]);
}

/**
 * Pages under the keys of the last build (`kept`, in the order `make` gives them): their data
 * is made together, by `make`, the first time one is read. With `verify`, it is made at once and
 * the keys compared: a key that came out otherwise means the digest they were kept under misses
 * something they show (`what` says whose).
 */
export function keptPages<Data>(kept: readonly [param: string, key: string][], make: () => readonly RoutePage<Data>[], verify: boolean, what: string): RoutePage<Data>[] {
  if (verify && JSON.stringify(paramKeys(make())) !== JSON.stringify(kept)) {
    throw new Error(`the pages of ${what} came out otherwise than the keys kept for them: their digest misses something they show`);
  }
  return kept.map(([param, key], index) => lazilyKeyed(param, key, () => make()[index]!.data));
}

// A thread shown whole has one array of tree rows, and a message's mails are shown alike on its
// page and on the pages that read its thread or series whole: each is digested once.
const sharedDigests = new WeakMap<object, string>();

function sharedDigest(value: object): string {
  let digest = sharedDigests.get(value);
  if (digest === undefined) sharedDigests.set(value, (digest = pageKey(value)));
  return digest;
}

/** A message page's key: the digest of its data, its mails and tree rows by their own digests. */
export function messagePageKey(data: MessagePageData): string {
  return pageKey({ ...data, mails: sharedDigest(data.mails), tree: { ...data.tree, rows: sharedDigest(data.tree.rows) } });
}

/** A reading page's key: the digest of its data, each entry's mails and the tree rows by their own digests. */
export function readingPageKey(data: ReadingPageData): string {
  return pageKey({
    ...data,
    tree: data.tree && { ...data.tree, rows: sharedDigest(data.tree.rows) },
    entries: data.entries.map((entry) => ({ ...entry, mails: sharedDigest(entry.mails) })),
  });
}

/**
 * A key for a page in the site's frame (src/layouts/Base.astro), which shows the archive's name
 * (sheaf.config.ts `name`): it covers the name too. Forwards, downloads and data files show none.
 */
export function framedKey(name: string, key: string): string {
  return pageKey([name, key]);
}

export function framed<Data>(name: string, page: RoutePage<Data>): RoutePage<Data> {
  return { ...page, key: framedKey(name, page.key) };
}
