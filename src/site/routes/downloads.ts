/**
 * The data of the download routes: each mail's raw file, each thread's mbox (and its gzip),
 * each series' mbox with trailers and plain. Each is exactly what its file is made of
 * (src/download/files.ts), so its key covers all the file holds: a raw mail is its key (a
 * digest of its bytes); a thread or plain series mbox the keys of its mails, in order; a series
 * mbox for `git am` also what is written of each patch (its headers, the store digest its body
 * is read under), the trailers collected for it, the `Link:` made with the site's URL, and how
 * its addresses are shown. The mails as archived (raw mails, thread and plain series mboxes)
 * are offered only when addresses are shown as sent (context.ts `rawDownloads`).
 */
import { rawMailName, seriesMbox, shownMails, threadMbox, type SeriesMbox } from '../../archive/downloads.ts';
import type { ReviewArchive } from '../../archive/index.ts';
import { addedTrailers } from '../../archive/review.ts';
import type { AmPatchSource } from '../../download/files.ts';
import { ADDRESS_NOTES, bodyMasking } from '../addresses.ts';
import { REVIEW_KINDS } from '../review-kinds.ts';
import type { RouteContext } from './context.ts';
import type { StoreDigests } from './message-page.ts';

/** A file route's page (a download, a feed) before it is keyed: its parameter (a folder's slug, and a file name for raw mails) and its data. */
export interface FilePage<Data> {
  param: string;
  data: Data;
}

export interface RawMailData {
  key: string;
}

export interface MboxData {
  keys: string[];
}

export interface AmMboxData {
  /** The patch's mail key and the store digest its body is read under (it changes whenever the cached body may). */
  patches: (AmPatchSource & { renderedAs: string })[];
}

/** The raw file of every mail a message page shows: `<slug>/raw`, `<slug>/raw-2` …; none when mails as archived are not offered. */
export function rawMailPages(review: ReviewArchive, context: RouteContext): FilePage<RawMailData>[] {
  if (!context.rawDownloads) return [];
  return review.archive.messages.flatMap((message) =>
    shownMails(message).map((mail, index) => ({ param: `${message.slug}/${rawMailName(index)}`, data: { key: mail.key } })),
  );
}

/** The mbox of every thread, in the folder its mbox is in; none when mails as archived are not offered. */
export function threadMboxPages(review: ReviewArchive, context: RouteContext): FilePage<MboxData>[] {
  if (!context.rawDownloads) return [];
  return review.threads.map((thread) => {
    const mbox = threadMbox(thread);
    return { param: mbox.folder.slug, data: { keys: mbox.items.map((mail) => mail.key) } };
  });
}

const TRAILER_NAMES = new Map(REVIEW_KINDS.map(({ kind, trailer }) => [kind, trailer]));

/** The series that have an mbox (an archived patch), with it. */
function seriesMboxes(review: ReviewArchive): { slug: string; id: string; mbox: SeriesMbox }[] {
  return review.series.flatMap((series) => {
    const mbox = seriesMbox(series);
    return mbox ? [{ slug: series.slug, id: series.id, mbox }] : [];
  });
}

/** Every series' patches as sent; none when mails as archived are not offered. */
export function plainSeriesMboxPages(review: ReviewArchive, context: RouteContext): FilePage<MboxData>[] {
  if (!context.rawDownloads) return [];
  return seriesMboxes(review).map(({ slug, mbox }) => ({ param: slug, data: { keys: mbox.items.map(({ message }) => message.mail.key) } }));
}

/** Every series' patches for `git am`: with the trailers of its review and a `Link:` to each patch's page on the site, addresses shown as the archive shows them. */
export function amSeriesMboxPages(review: ReviewArchive, digests: StoreDigests, context: RouteContext): FilePage<AmMboxData>[] {
  const { addresses } = context;
  const addressNote = addresses.mode === 'shown' ? null : ADDRESS_NOTES[addresses.mode];
  return seriesMboxes(review).map(({ slug, id, mbox }) => {
    const seriesReview = review.reviews.get(id);
    return {
      param: slug,
      data: {
        patches: mbox.items.map(({ patch, message }) => {
          const { mail } = message;
          const trailers = seriesReview ? addedTrailers(seriesReview, patch.number) : [];
          return {
            key: mail.key,
            renderedAs: digests.get(mail.key) ?? '',
            from: addresses.person(mail.from),
            date: mail.dateSent,
            subject: mail.subject,
            messageId: mail.messageId,
            commitMessageEnd: mail.facts.commitMessageEnd,
            trailers: [...trailers.map(({ kind, person }) => `${TRAILER_NAMES.get(kind)}: ${addresses.full(person)}`), `Link: ${context.absolute(message.url)}`],
            addressNote,
            masking: bodyMasking(addresses.mode, mail.links.messageIds),
          };
        }),
      },
    };
  });
}
