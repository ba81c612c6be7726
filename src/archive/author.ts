/**
 * Who a person is across mails: their address, compared without case (`Lee@Kernel.org` is
 * `lee@kernel.org`), or, for mail that carries no address (pages saved from web archives),
 * their name. Each person has a page at `/a/<slug>/`, where the slug is the first 16 hex
 * digits of the SHA-256 of that key: it never shows the address (the page may, through
 * `formatAddress`, which is where masking would go), and depends on the key alone, so adding
 * mail never moves a page. Anyone who knows an address can still work out its slug: a digest
 * hides an address from readers of URLs, not from someone checking a guess.
 */
import { hash } from 'node:crypto';
import type { Address } from '../parse/types.ts';
import type { BodyFacts } from './body-facts.ts';
import type { ArchivedMessage } from './group.ts';

/** b4's web relay sends as `Name via B4 Relay <devnull+…@kernel.org>`, for an author named in the body. */
const RELAY_NAME = /\s+via\s+B4 Relay$/i;
const RELAY_ADDRESS = /^devnull\+[^@]*@kernel\.org$/i;

/** Whether a sender is a relay sending for someone else (b4's web relay). */
export function isRelayed(from: Address): boolean {
  return RELAY_NAME.test(from.name) || RELAY_ADDRESS.test(from.email);
}

/**
 * Who wrote a mail: its sender, except for a relayed one, whose author is the `From:` line
 * opening its body, as `git am` reads it; a relayed mail without one (a cover letter) keeps
 * the relay's address under the author's name, without `via B4 Relay`.
 */
export function mailAuthor(from: Address, facts: Pick<BodyFacts, 'inBodyFrom'>): Address {
  if (!isRelayed(from)) return from;
  if (facts.inBodyFrom && facts.inBodyFrom.email !== '') return facts.inBodyFrom;
  return { name: from.name.replace(RELAY_NAME, ''), email: from.email };
}

/** `lee@kernel.org`, `name:lee jones` for a name alone; null when the mail names nobody. */
export function authorKey(address: Address): string | null {
  const email = address.email.trim().toLowerCase();
  if (email !== '') return email;
  const name = address.name.trim().replace(/\s+/g, ' ').toLowerCase();
  return name === '' ? null : `name:${name}`;
}

/** The page's slug of a key: 16 hex digits of its SHA-256. */
export function authorSlug(key: string): string {
  return hash('sha256', key, 'hex').slice(0, 16);
}

/** `/a/<slug>/`, the page of whoever the address names; null when it names nobody. */
export function authorUrl(address: Address): string | null {
  const key = authorKey(address);
  return key === null ? null : `/a/${authorSlug(key)}/`;
}

/** Who wrote an archived message (`mailAuthor` of its first copy): whose page its author links go to. */
export function messageAuthor(message: ArchivedMessage): Address {
  return mailAuthor(message.mail.from, message.mail.facts);
}
