/**
 * How to answer a message, as lore offers it: a `mailto:` link carrying the To, Cc, `Re:`
 * subject, In-Reply-To and References a threaded reply needs, and the `git send-email` command
 * that sends a reply saved in a file. Everything in them comes from mail: each value of the
 * link is percent-encoded (`encodeURIComponent`), each word of the command shell-quoted, and an
 * address is used only when it is one plain `local@domain`. When the archive masks or hides
 * addresses (sheaf.config.ts `addresses`) the reply goes to the list alone, and says who is
 * left for the writer to add.
 */
import type { Address } from '../parse/types.ts';
import type { MailRecord } from '../loader/record.ts';
import type { AddressPolicy } from './addresses.ts';
import { isPlainAddress } from './config.ts';

/** Message-IDs a reply's References keep at most: the thread's first and the newest, as RFC 5322 allows trimming. */
export const MAX_REFERENCES = 20;

export interface ReplyView {
  mailto: string;
  /** `git send-email` with one option per line, as shown and copied. */
  command: string;
  /** What the reply lacks that the writer must add, or null. */
  missing: string | null;
}

export type ReplySource = Pick<MailRecord, 'messageId' | 'idSource' | 'subject' | 'from' | 'to' | 'cc' | 'inReplyTo' | 'references'>;

/** A Message-ID a header may carry between angle brackets: none made by the archive. */
function isHeaderId(id: string): boolean {
  return /^[^\s<>]+$/.test(id) && !id.endsWith('.sheaf.invalid');
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`.trim();
}

/** The References of a reply: the mail's own (or its In-Reply-To), then its Message-ID; the first and the newest past MAX_REFERENCES. */
export function replyReferences(mail: ReplySource): string[] {
  const chain = mail.references.length > 0 ? mail.references : mail.inReplyTo ? [mail.inReplyTo] : [];
  const ids = [...new Set([...chain, ...(mail.idSource === 'header' ? [mail.messageId] : [])])].filter(isHeaderId);
  return ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}

/** One word for a POSIX shell: as it is when it holds nothing a shell reads, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A mailto: recipient: percent-encoded, its `@` kept as mail clients expect. */
function mailtoAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (!isPlainAddress(address) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function namesOf(people: readonly Address[], addresses: AddressPolicy): string {
  const names = [...new Set(people.map(addresses.name))];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Who the reply goes to: reply-all (the author, then everyone the mail was sent to, and the list) when addresses are shown; else the list. */
function recipients(mail: ReplySource, addresses: AddressPolicy, listAddress: string | null): { to: string[]; cc: string[]; missing: string[] } {
  if (addresses.mode !== 'shown') {
    const others = [...mail.to, ...mail.cc].filter((person) => !listAddress || person.email.toLowerCase() !== listAddress.toLowerCase());
    const whom = [`the author, ${addresses.name(mail.from)}`, ...(others.length > 0 ? [`those it was sent to (${namesOf(others, addresses)})`] : [])].join(', and ');
    const verb = addresses.mode === 'masked' ? 'masks' : 'hides';
    return {
      to: listAddress ? [listAddress] : [],
      cc: [],
      missing: [listAddress ? `This archive ${verb} addresses, so the reply goes to the list alone: add ${whom} yourself.` : `This archive ${verb} addresses and names no list: add the list, ${whom} yourself.`],
    };
  }
  const to = uniqueAddresses([mail.from.email]);
  const cc = uniqueAddresses([...to, ...mail.to.map((person) => person.email), ...mail.cc.map((person) => person.email), ...(listAddress ? [listAddress] : [])]).slice(to.length);
  if (to.length === 0 && cc.length === 0) return { to, cc, missing: ['The mail gives no address to reply to: add the recipients yourself.'] };
  return to.length === 0 ? { to: [cc[0]!], cc: cc.slice(1), missing: ['The mail gives no address for its author: add it yourself.'] } : { to, cc, missing: [] };
}

/** The mailto: link and git send-email command that answer `mail`, with what they cannot fill in. */
export function replyView(mail: ReplySource, addresses: AddressPolicy, listAddress: string | null): ReplyView {
  const { to, cc, missing } = recipients(mail, addresses, listAddress);
  const threaded = mail.idSource === 'header' && isHeaderId(mail.messageId);
  if (!threaded) missing.push('The mail has no Message-ID of its own, so the reply cannot name it in In-Reply-To.');
  const references = replyReferences(mail);
  const fields: [string, string][] = [
    ...(cc.length > 0 ? [['Cc', cc.join(',')] as [string, string]] : []),
    ['Subject', replySubject(mail.subject)],
    ...(threaded ? [['In-Reply-To', `<${mail.messageId}>`] as [string, string]] : []),
    ...(references.length > 0 ? [['References', references.map((id) => `<${id}>`).join(' ')] as [string, string]] : []),
  ];
  const mailto = `mailto:${to.map(mailtoAddress).join(',')}?${fields.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`;
  const options = [
    ...(threaded ? [`--in-reply-to=${mail.messageId}`] : []),
    ...to.map((address) => `--to=${address}`),
    ...cc.map((address) => `--cc=${address}`),
  ];
  const command = ['git send-email', ...options.map(shellWord), '/path/to/YOUR_REPLY'].join(' \\\n  ');
  return { mailto, command, missing: missing.length > 0 ? missing.join(' ') : null };
}
