/**
 * Who a person is across mails: their address, compared without case (`Lee@Kernel.org` is
 * `lee@kernel.org`), or, for mail that carries no address (pages saved from web archives),
 * their name. Each person has a page at `/a/<slug>/`, where the slug is the first 16 hex
 * digits of the SHA-256 of that key: it never shows the address (the page may, through
 * `formatAddress`, which is where masking would go), and depends on the key alone, so adding
 * mail never moves a page. Anyone who knows an address can still work out its slug: a digest
 * hides an address from readers of URLs, not from someone checking a guess.
 */
import { createHash } from 'node:crypto';
import type { Address } from '../parse/types.ts';

/** `lee@kernel.org`, `name:lee jones` for a name alone; null when the mail names nobody. */
export function authorKey(address: Address): string | null {
  const email = address.email.trim().toLowerCase();
  if (email !== '') return email;
  const name = address.name.trim().replace(/\s+/g, ' ').toLowerCase();
  return name === '' ? null : `name:${name}`;
}

/** The page's slug of a key: 16 hex digits of its SHA-256. */
export function authorSlug(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** `/a/<slug>/`, the page of whoever the address names; null when it names nobody. */
export function authorUrl(address: Address): string | null {
  const key = authorKey(address);
  return key === null ? null : `/a/${authorSlug(key)}/`;
}
