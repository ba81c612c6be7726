/** Addresses as the archive shows them: one name and one address each, groups flattened. */
import { decodeWords, type Address as MimeAddress } from 'postal-mime';
import type { Address } from './types.ts';

/** `andy at example.com (Andy Grunwald)`: how pipermail hides addresses from harvesters. */
const OBFUSCATED = /^\s*([^\s@()<>]+) at ([^\s@()<>]+\.[^\s@()<>]+)\s*(?:\((.*)\))?\s*$/;

/** Reads a pipermail-obfuscated address, or returns null when `value` is not one. */
export function parseObfuscatedAddress(value: string): Address | null {
  const match = OBFUSCATED.exec(value);
  if (!match) return null;
  return { name: decodeWords(match[3] ?? '').trim(), email: `${match[1]}@${match[2]}` };
}

/** Flattens postal-mime's addresses and groups into a plain list. */
export function flattenAddresses(addresses: MimeAddress[] | undefined): Address[] {
  const flat: Address[] = [];
  for (const address of addresses ?? []) {
    if (address.group) flat.push(...address.group.map((member) => ({ name: member.name.trim(), email: member.address.trim() })));
    else flat.push({ name: address.name.trim(), email: (address.address ?? '').trim() });
  }
  return flat;
}

/** How a person is named on a page: the display name, else the address, else "unknown". */
export function displayName(address: Address): string {
  return address.name || address.email || 'unknown sender';
}
