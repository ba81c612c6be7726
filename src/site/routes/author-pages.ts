/**
 * A page per person (`/a/<slug>/`, src/archive/author.ts): the names they used, their address,
 * the series they sent with their review status, the reviews they gave (Reviewed-by, Acked-by,
 * Tested-by, NAK: the trailers as the archive counts them for series, `seriesTrailers`), and
 * their other messages. A person is whoever sent mail or was named with an address in a
 * trailer (reviews carried in patches count for the reviewer even when they never wrote to the
 * list), known by their address without case.
 *
 * Each list shows the newest AUTHOR_LIST_LIMIT entries and says how many there are, so the page
 * of someone with 5,000 messages stays the size of one with 200 (their mail is all on the month
 * pages and in search). A new mail changes the page of its sender, of the people its trailers
 * name, and of the author of the series it belongs to (whose row shows its replies and review).
 */
import type { ArchivedMessage } from '../../archive/group.ts';
import { authorKey, authorSlug, mailAuthor } from '../../archive/author.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { compareNewestFirst } from '../../archive/order.ts';
import type { Series } from '../../archive/series.ts';
import type { TrailerKind } from '../../archive/trailers.ts';
import type { Address } from '../../parse/types.ts';
import { formatDay } from '../format.ts';
import type { RouteContext } from './context.ts';
import { listingRows } from '../listing.ts';
import { REVIEW_KINDS } from '../review-kinds.ts';
import { givenLabel, scopeLabel, seriesTrailers, trailerScope, type SeriesTrailer } from '../series-view.ts';
import { seriesName } from '../words.ts';
import { indexRowView, messageRowView, type IndexRowView, type MessageRowView } from './list-pages.ts';

/** Entries each list of an author page shows at most, newest first. */
export const AUTHOR_LIST_LIMIT = 200;

export interface ReviewGivenView {
  kind: TrailerKind;
  /** `Reviewed-by`. */
  trailer: string;
  series: { url: string; name: string };
  /** `whole series`, `patches 1–3 of 5`. */
  scope: string;
  /** The messages that gave it. */
  given: { url: string; label: string }[];
  date: string | null;
  day: string;
}

export interface AuthorList<Row> {
  rows: Row[];
  /** How many there are, and how many are shown when not all: `312, the newest 200 shown`. */
  count: string;
}

export interface AuthorPageData {
  /** The name they used most, else their address. */
  name: string;
  /** Every name they used, most used first. */
  names: string[];
  /** Their address as pages show addresses (`formatAddress`), or null when mail gave none. */
  address: string | null;
  /** `From March 2019 to May 2025`, or null when none of their mail is dated. */
  span: string | null;
  series: AuthorList<IndexRowView>;
  reviews: AuthorList<ReviewGivenView>;
  messages: AuthorList<MessageRowView>;
}

interface Person {
  key: string;
  names: Map<string, number>;
  email: string;
  messages: ArchivedMessage[];
  series: Series[];
  reviews: { series: Series; kind: TrailerKind; trailers: SeriesTrailer[] }[];
}

function personOf(people: Map<string, Person>, address: Address): Person | null {
  const key = authorKey(address);
  if (key === null) return null;
  let person = people.get(key);
  if (!person) people.set(key, (person = { key, names: new Map(), email: address.email.trim(), messages: [], series: [], reviews: [] }));
  const name = address.name.trim();
  if (name !== '') person.names.set(name, (person.names.get(name) ?? 0) + 1);
  return person;
}

/** Everyone the archive knows: senders, series authors and the people trailers name. */
function gatherPeople(review: ReviewArchive): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const message of review.archive.messages) personOf(people, mailAuthor(message.mail.from, message.mail.facts))?.messages.push(message);
  for (const series of review.series) {
    const author = authorKey(series.author);
    if (author !== null) people.get(author)?.series.push(series);
    const byPerson = new Map<Person, Map<TrailerKind, SeriesTrailer[]>>();
    for (const trailer of seriesTrailers(series, review)) {
      if (trailer.person.email === '') continue; // a name alone does not say whose page it is
      const person = personOf(people, trailer.person)!;
      let kinds = byPerson.get(person);
      if (!kinds) byPerson.set(person, (kinds = new Map()));
      const trailers = kinds.get(trailer.kind);
      if (trailers) trailers.push(trailer);
      else kinds.set(trailer.kind, [trailer]);
    }
    for (const [person, kinds] of byPerson) for (const [kind, trailers] of kinds) person.reviews.push({ series, kind, trailers });
  }
  return people;
}

function dateOf(message: ArchivedMessage): string | null {
  return message.mail.date;
}

function newestFirst<T>(items: readonly T[], dated: (item: T) => { date: string | null; id: string }): T[] {
  return [...items].sort((a, b) => compareNewestFirst(dated(a), dated(b)));
}

function capped<Row>(rows: readonly Row[]): AuthorList<Row> {
  return rows.length > AUTHOR_LIST_LIMIT
    ? { rows: rows.slice(0, AUTHOR_LIST_LIMIT), count: `${rows.length}, the newest ${AUTHOR_LIST_LIMIT} shown` }
    : { rows: [...rows], count: String(rows.length) };
}

function reviewView({ series, kind, trailers }: Person['reviews'][number], review: ReviewArchive, { link }: RouteContext): ReviewGivenView & { id: string } {
  const kindView = REVIEW_KINDS.find((known) => known.kind === kind)!;
  const ids = [...new Set(trailers.map((trailer) => trailer.messageId))];
  const given = ids.map((id) => ({ message: review.archive.byId.get(id)!, source: trailers.find((trailer) => trailer.messageId === id)!.source }));
  const latest = given.map(({ message }) => message).reduce((newest, message) => (compareNewestFirst({ date: dateOf(message), id: message.id }, { date: dateOf(newest), id: newest.id }) < 0 ? message : newest));
  return {
    id: `${series.id}\n${kind}`,
    kind,
    trailer: kindView.trailer,
    series: { url: link(series.url), name: seriesName(series.title || '(no title)', series.version) },
    scope: scopeLabel(trailerScope(trailers), series.total),
    given: given.map((one) => ({ url: link(one.message.url), label: givenLabel(one) })),
    date: dateOf(latest),
    day: formatDay(dateOf(latest)),
  };
}

function span(messages: readonly ArchivedMessage[]): string | null {
  const dates = messages.map(dateOf).filter((date): date is string => date !== null).sort();
  if (dates.length === 0) return null;
  const [first, last] = [formatDay(dates[0]!), formatDay(dates.at(-1)!)];
  return first === last ? `On ${first}` : `From ${first} to ${last}`;
}

function authorPage(person: Person, review: ReviewArchive, context: RouteContext): AuthorPageData {
  const { addresses } = context;
  // A name may hold an address too: shown as every address is.
  const names = [...person.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => addresses.text(name));
  const series = newestFirst(person.series, (one) => ({ date: one.firstDate, id: one.id }));
  const members = new Set(series.flatMap((one) => [one.cover, ...one.patches].flatMap((slot) => (slot?.node?.message ? [slot.node.id] : []))));
  const reviews = newestFirst(person.reviews.map((given) => reviewView(given, review, context)), (view) => ({ date: view.date, id: view.id }));
  const reviewMessages = new Set(person.reviews.flatMap(({ trailers }) => trailers.map((trailer) => trailer.messageId)));
  // Their mail that is neither a patch of theirs nor a review of someone else's (review.archive.messages is newest first).
  const others = person.messages.filter((message) => !members.has(message.id) && !reviewMessages.has(message.id));
  return {
    name: names[0] ?? (addresses.name({ name: '', email: person.email }) || 'unknown'),
    names,
    address: person.email === '' || addresses.mode === 'hidden' ? null : addresses.full({ name: '', email: person.email }),
    span: span(person.messages),
    series: capped(listingRows(series.map((one) => ({ kind: 'series' as const, series: one, lastActivity: one.lastActivity })), review).map((row) => indexRowView(row, context))),
    reviews: capped(reviews.map(({ id: _id, ...view }) => view)),
    messages: capped(others.map((message) => messageRowView(message, context))),
  };
}

/** Every person's page, by slug. */
export function authorPages(review: ReviewArchive, context: RouteContext): { slug: string; data: AuthorPageData }[] {
  return [...gatherPeople(review).values()]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((person) => ({ slug: authorSlug(person.key), data: authorPage(person, review, context) }));
}
