/**
 * Search rows and index files for the pages, built once per build: every mail's terms as the
 * loader kept them (src/loader/search-terms-store.ts), and the base of the per-message index
 * kept in the cache folder between builds (`<SHEAF_CACHE>/search-base.json` and `.data`), so a
 * rebuild reads the terms of the newest mail only.
 */
import { createHash } from 'node:crypto';
import { readBody } from '../loader/cache.ts';
import { bodyTerms, readSearchTerms, writeSearchTerms } from '../loader/search-terms-store.ts';
import { renderBodyFile } from '../render/index.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import type { MailTerms } from '../search/mail-terms.ts';
import type { BaseCache } from '../search/build-index.ts';
import { searchRows } from '../search/rows.ts';
import type { IndexFile, SearchRow } from '../search/types.ts';
import { addressPolicy, shownTerms, type AddressPolicy } from './addresses.ts';
import { loadParserDigests, loadReview } from './archive.ts';
import { baseCache } from './search-base.ts';
import { siteConfig } from './site-url.ts';

let rows: Promise<SearchRow[]> | undefined;
let files: Promise<IndexFile[]> | undefined;

export function loadSearchRows(): Promise<SearchRow[]> {
  rows ??= loadReview().then((review) => searchRows(review, addressPolicy(siteConfig().addresses)));
  return rows;
}

/**
 * The terms of a mail whose terms file is missing or damaged, made again from its cached body
 * the way the loader makes them, and kept. A body that cannot be read has no terms.
 */
async function healTerms(key: string): Promise<void> {
  let terms: MailTerms;
  try {
    const body = readBody(key);
    const rendered = await renderBodyFile(body).catch(() => undefined);
    terms = bodyTerms(body, rendered?.data.marked);
  } catch {
    return;
  }
  writeSearchTerms(key, terms);
}

/**
 * The kept base under the address mode too, so a base made with addresses as sent is never used
 * for a masked site, and under the parsers that made the mails' terms, so a new tokenizer
 * (src/search/mail-terms.ts, in the parser digest) builds it again from the new terms.
 */
function baseCacheFor(policy: AddressPolicy, parsers: readonly string[]): BaseCache {
  const cache = baseCache();
  const madeWith = `-${policy.mode}-${createHash('sha256').update(parsers.join('\n')).digest('hex').slice(0, 16)}`;
  return {
    get: (digest) => cache.get(`${digest}${madeWith}`),
    put: (digest, base, entries) => cache.put(`${digest}${madeWith}`, base, entries),
    last: () => {
      const kept = cache.last();
      return kept?.digest.endsWith(madeWith) ? kept : null;
    },
    keptTerms: (key) => shownTerms(readSearchTerms(key), policy),
  };
}

/** The index with each file of the base it was made with (`made`) replaced by the same file as kept (`kept`, in the same order). */
function withKeptBase(files: readonly IndexFile[], made: readonly IndexFile[], kept: readonly IndexFile[]): IndexFile[] {
  const keptOf = new Map(made.map((file, index) => [file, kept[index]!]));
  return files.map((file) => keptOf.get(file) ?? file);
}

/** The index, from every mail's terms as the loader kept them, its base from the cache folder when it is still what it was. */
export function loadSearchIndex(): Promise<IndexFile[]> {
  files ??= loadSearchRows().then(async (searchRows) => {
    const policy = addressPolicy(siteConfig().addresses);
    const missing: string[] = [];
    const termsOf = (key: string) => {
      const terms = readSearchTerms(key);
      if (!terms) missing.push(key);
      return shownTerms(terms, policy);
    };
    const cache = baseCacheFor(policy, await loadParserDigests());
    // A base is kept only when every mail it was made from had its terms.
    let made: Parameters<BaseCache['put']> | undefined;
    const built = buildSearchIndex(searchRows, termsOf, { ...cache, put: (...base) => ((made = base), null) });
    if (missing.length === 0) {
      const kept = made && cache.put(...made);
      return kept ? withKeptBase(built, made![1], kept) : built;
    }
    for (const key of missing) await healTerms(key);
    return buildSearchIndex(searchRows, (key) => shownTerms(readSearchTerms(key), policy), cache);
  });
  return files;
}
