/**
 * How mail addresses are shown (sheaf.config.ts `addresses`): every address the archive shows,
 * on a page, in a feed, in the search index, the JSON data or a download, passes through one
 * policy made here, so the modes hold everywhere alike.
 *
 * - `shown`: as sent.
 * - `masked`: the domain replaced by ten x's, `user@xxxxxxxxxx`, as lkml.iu.edu shows mail.
 * - `hidden`: no part of an address: a person is their name alone, and an address in text
 *   reads `[address hidden]`.
 *
 * Message-IDs are not addresses: they are the archive's permalinks, and a body's text keeps the
 * ids it names (its `links.messageIds`) as written.
 */
import { displayName } from '../parse/address.ts';
import type { Address } from '../parse/types.ts';
import type { AddressMode } from './config.ts';
import { formatAddress } from './format.ts';
import type { MailTerms } from '../search/mail-terms.ts';
import { addTokenTerms } from '../search/tokenize.ts';

export const MASKED_DOMAIN = 'xxxxxxxxxx';
export const HIDDEN_ADDRESS = '[address hidden]';

/** What a page or download whose addresses are not as sent says of them. */
export const ADDRESS_NOTES = { masked: `addresses masked by the archive: user@${MASKED_DOMAIN}`, hidden: 'addresses left out by the archive' } as const;

/** `local@domain.tld` in running text or in the renderer's markup (whose `&lt;` and `&gt;` stop it). */
const ADDRESS = /[A-Za-z0-9._%+=~!#$'*^`{|}-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\b/g;

export interface AddressPolicy {
  mode: AddressMode;
  /** A person as shown: the address masked, or dropped when hidden. */
  person(address: Address): Address;
  /** `Name <user@xxxxxxxxxx>`, or whichever half is shown. */
  full(address: Address): string;
  /** The name, else the address as shown. */
  name(address: Address): string;
  /** Text (a body, or its rendered markup) with every address in it shown so; `keep` holds the Message-IDs it names. */
  text(text: string, keep?: ReadonlySet<string>): string;
}

function shownEmail(email: string, mode: AddressMode): string {
  if (mode === 'shown' || !email) return email;
  if (mode === 'hidden') return '';
  const at = email.lastIndexOf('@');
  return at === -1 ? MASKED_DOMAIN : `${email.slice(0, at)}@${MASKED_DOMAIN}`;
}

/** How the addresses of a body (its text, or its rendered markup) are shown when not as sent, with the Message-IDs it names, which stay. */
export interface BodyMasking {
  mode: Exclude<AddressMode, 'shown'>;
  keep: string[];
}

/** A body's masking under `mode`; null when its addresses are shown as sent. */
export function bodyMasking(mode: AddressMode, namedIds: readonly string[]): BodyMasking | null {
  return mode === 'shown' ? null : { mode, keep: [...namedIds] };
}

/** A body's text or markup with its addresses shown as `masking` says. */
export function maskedBody(text: string, masking: BodyMasking | null): string {
  return masking ? addressPolicy(masking.mode).text(text, new Set(masking.keep)) : text;
}

/** `make` of each address once: the loader shares one object per distinct address (src/loader/record.ts), so pages showing it share one value. */
export function perAddress<Value>(make: (address: Address) => Value): (address: Address) => Value {
  const made = new WeakMap<Address, Value>();
  return (address) => {
    let value = made.get(address);
    if (value === undefined) made.set(address, (value = make(address)));
    return value;
  };
}

export function addressPolicy(mode: AddressMode): AddressPolicy {
  const person = mode === 'shown' ? (address: Address) => address : perAddress((address): Address => ({ name: address.name, email: shownEmail(address.email, mode) }));
  // A hidden address is still one the mail had: the person is not unknown.
  const hiddenAlone = (address: Address) => mode === 'hidden' && !address.name && address.email !== '';
  return {
    mode,
    person,
    full: perAddress((address) => (hiddenAlone(address) ? HIDDEN_ADDRESS : formatAddress(person(address)))),
    name: perAddress((address) => (hiddenAlone(address) ? HIDDEN_ADDRESS : displayName(person(address)))),
    text: (text, keep = new Set()) =>
      mode === 'shown' ? text : text.replace(ADDRESS, (found) => (keep.has(found) ? found : mode === 'hidden' ? HIDDEN_ADDRESS : shownEmail(found, mode))),
  };
}

/**
 * A mail's body terms with the addresses among them shown as the archive shows addresses: an
 * address and the words cut from it give way to the address as shown (masked: its user part;
 * hidden: nothing), so that the index holds no word of an address a page does not show. A word
 * the mail also has elsewhere goes with them: the price of not keeping terms per address mode.
 */
export function shownTerms(terms: MailTerms | null, policy: AddressPolicy): MailTerms | null {
  if (!terms || policy.mode === 'shown') return terms;
  const shown = (list: string[]) => {
    const fromAddresses = new Set<string>();
    const asShown = new Set<string>();
    for (const term of list) {
      if (!term.includes('@')) continue;
      addTokenTerms(term, fromAddresses);
      const text = policy.text(term);
      if (!/\s/.test(text)) addTokenTerms(text, asShown);
    }
    return fromAddresses.size === 0 ? list : [...new Set([...list.filter((term) => !fromAddresses.has(term)), ...asShown])];
  };
  return { b: shown(terms.b), q: shown(terms.q), dfn: shown(terms.dfn), dfhh: shown(terms.dfhh) };
}
