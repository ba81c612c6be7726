/**
 * Patch series: a cover letter (`0/N`, when there is one) and patches `1/N` … `N/N` of one
 * version, by one author. A patch is a mail whose subject reads as one (not a reply) and
 * that carries a diff; a cover letter needs no diff. A placeholder inferred from a reply
 * to a patch (see inferred-parent.ts) stands for that patch.
 *
 * Grouping goes by thread first, then by time:
 *
 * 1. a patch replying to a member of a series (its cover letter, or patch 1 or the patch
 *    before, as `git send-email` chains them) joins that series, when version, total and
 *    author agree and its number is still free. A patch sent with the cover letter (within
 *    12 hours) and replying to it may give another version: some authors version patches
 *    one by one (`[PATCH 02/10] [v3]` under `[PATCH v2 00/10]`) or forget it on some;
 * 2. patches replying to the same missing mail (a cover letter not in the archive) with
 *    the same author, version and total are one series;
 * 3. any other patch (unthreaded, or sent as a reply into another series' thread) joins
 *    a series by the same author with the same version, total and tags whose newest patch
 *    is at most 12 hours away and whose slot for its number is free; else it starts one.
 *
 * A cover letter that no patch joined, sent again within 12 hours of another with the very
 * same subject (author, version, total and tags alike), is a copy of it (`coverCopies`,
 * `mergeCoverCopies`), not a series of its own.
 *
 * So a patch sent into another series' thread never joins that series unless it could be
 * part of it. A series without a cover letter is still one series; numbers with no patch
 * are listed with no node, as missing.
 *
 * Series id: the cover letter's Message-ID, else patch 1's, else the lowest-numbered
 * patch's (a placeholder's id when that is all there is). Its page is `/s/<slug>/`, with
 * the slug made by `messageSlug`.
 */
import type { Address } from '../parse/types.ts';
import type { MailFacts } from './facts.ts';
import { isRelayed, mailAuthor } from './author.ts';
import { messageSlug } from './permalink.ts';
import { compareNewestFirst, compareOldestFirst, timeApart } from './order.ts';
import { samePerson } from './person.ts';
import { parseSubject, type ParsedSubject } from './subject.ts';
import { walkThread, type ThreadNode, type Threads } from './thread.ts';

export interface SeriesPatch {
  number: number;
  /** The patch: an archived message, or a placeholder known from replies; null when nothing is known. */
  node: ThreadNode | null;
  /** Archived replies to it, at any depth, oldest first; for the cover letter, replies to the cover. */
  replies: ThreadNode[];
}

export interface Series {
  id: string;
  slug: string;
  /** `/s/<slug>/`. */
  url: string;
  /** The cover letter's title, else the first patch's. */
  title: string;
  version: number;
  /** How many patches the series has (1 for a single patch). */
  total: number;
  /** Tags of the cover letter and patches, cover first: `RFC`, `RESEND`, `net-next` … */
  tags: string[];
  /** The stable branches it is posted for (`5.10`, `stable` for AUTOSEL without one), from its subjects; null for the mainline. */
  stable: string | null;
  author: Address;
  /** The cover letter (`0/N`) with the replies to it and to its copies, or null when the series has none in the archive. */
  cover: SeriesPatch | null;
  /** Other copies of the cover letter: the same subject sent again within 12 hours without patches of its own, oldest first. */
  coverCopies: ThreadNode[];
  /** Patches 1 … total in order; missing ones have a null node. */
  patches: SeriesPatch[];
  /** Archived replies to the cover letter and the patches. */
  replyCount: number;
  /** Oldest message of the series (ISO 8601 UTC). */
  firstDate: string | null;
  /** Newest message of the series or its replies. */
  lastActivity: string | null;
}

export interface SeriesIndex {
  /** Newest activity first. */
  series: Series[];
  byId: Map<string, Series>;
  /** The series of each archived message: as cover letter, patch, or reply in its review. */
  byMessage: Map<string, Series>;
  /** The series each cover letter or patch node belongs to. */
  byMember: Map<ThreadNode, Series>;
}

const SAME_SERIES_WINDOW = 12 * 60 * 60 * 1000;

interface Candidate {
  node: ThreadNode;
  subject: ParsedSubject;
  author: Address;
  date: string | null;
  /** A missing mail known by its Message-ID, read from the subject of a reply to it. */
  knownFromReply?: boolean;
}

interface Draft {
  version: number;
  total: number;
  /** The version and total the first patch (not the cover letter) gave, which win over a cover letter's. */
  patchVersion: number | null;
  patchTotal: number | null;
  author: Address;
  members: Map<number, Candidate>;
  lastDate: string | null;
  /** Other copies of its cover letter (`mergeCoverCopies`). */
  copies: Candidate[];
}

/** The cover letter or patch a node is, or null. */
function asCandidate(node: ThreadNode, facts: MailFacts): Candidate | null {
  const { message, inferred } = node;
  if (inferred) {
    const subject = parseSubject(inferred.subject);
    if (subject.kind !== 'patch' || subject.isReply || subject.isForward) return null;
    return { node, subject, author: inferred.from ?? { name: '', email: '' }, date: inferred.date };
  }
  if (!message) return missingPatch(node, facts);
  const subject = facts.subjectOf(message);
  if (subject.kind !== 'patch' || subject.isReply || subject.isForward) return null;
  if (subject.problem !== undefined) {
    facts.log.add(message.id, `${subject.problem}; shown in its thread, in no series`);
    return null;
  }
  // A cover letter carries no diff; anything else without one is a reply that kept the subject.
  if (subject.number !== 0 && !facts.bodyFactsOf(message).hasDiff) return null;
  return { node, subject, author: mailAuthor(message.mail.from, facts.bodyFactsOf(message)), date: message.mail.date };
}

/**
 * A mail that is not archived but that replies name by Message-ID: when a reply's subject
 * reads as a patch (`Re: [PATCH 2/2] …`), the missing mail may be that patch. Only rule 1
 * places such a candidate (under a series member), since a reply's subject alone could
 * also belong to a missing reply.
 */
function missingPatch(node: ThreadNode, facts: MailFacts): Candidate | null {
  for (const child of node.children) {
    if (!child.message) continue;
    const subject = facts.subjectOf(child.message);
    if (subject.kind !== 'patch' || !subject.isReply || subject.isForward || subject.number === null) continue;
    return { node, subject: { ...subject, isReply: false }, author: { name: '', email: '' }, date: child.message.mail.date, knownFromReply: true };
  }
  return null;
}

function numberOf(candidate: Candidate): number {
  return candidate.subject.number ?? 1;
}

function isKnown(author: Address): boolean {
  return author.name !== '' || author.email !== '';
}

/**
 * Whether a cover letter or patch can join a draft; an author known to neither side does not
 * keep them apart. `sentWithCover`: a patch replying to the draft's cover letter and sent with
 * it, which may give another version or total (the cover letter's `0/5` over patches `k/6`).
 */
function fits(draft: Draft, candidate: Candidate, sentWithCover = false): boolean {
  const { subject, author } = candidate;
  const knownAuthors = isKnown(draft.author) && isKnown(author);
  const total = subject.total ?? 1;
  return (
    (sentWithCover || draft.version === subject.version || draft.patchVersion === subject.version) &&
    (sentWithCover || draft.total === total || draft.patchTotal === total) &&
    !draft.members.has(numberOf(candidate)) &&
    (!knownAuthors || samePerson(draft.author, author))
  );
}

function withinWindow(draft: Draft, candidate: Candidate): boolean {
  return timeApart(candidate.date, draft.lastDate) <= SAME_SERIES_WINDOW;
}

function authorKey(author: Address): string {
  // A relayed cover letter knows its author by name only (author.ts `mailAuthor`).
  return author.email !== '' && !isRelayed(author) ? author.email.toLowerCase() : author.name.toLowerCase();
}

/** What patches of one series share: author, version, total. */
function signature(candidate: Candidate): string {
  return `${authorKey(candidate.author)}|${candidate.subject.version}|${candidate.subject.total ?? 1}`;
}

/** Groups cover letters and patches into drafts, by thread and then by time; see the module comment. */
function groupCandidates(threads: Threads, facts: MailFacts): Draft[] {
  const drafts: Draft[] = [];
  const draftOf = new Map<ThreadNode, Draft>();
  const byMissingParent = new Map<string, Draft>();
  const byTime = new Map<string, Draft[]>();
  // Rule 3 also keeps tags apart: `[PATCH AUTOSEL 6.1 1/3]` and `[PATCH AUTOSEL 6.6 1/3]` are two series.
  const timeKey = (candidate: Candidate) => `${signature(candidate)}|${candidate.subject.tags.map((tag) => tag.toLowerCase()).sort().join(' ')}`;
  const add = (draft: Draft, candidate: Candidate) => {
    draft.members.set(numberOf(candidate), candidate);
    draftOf.set(candidate.node, draft);
    if (numberOf(candidate) > 0 && draft.patchVersion === null) {
      draft.patchVersion = candidate.subject.version;
      draft.patchTotal = candidate.subject.total ?? 1;
    }
    if (candidate.date !== null && (draft.lastDate === null || candidate.date > draft.lastDate)) draft.lastDate = candidate.date;
  };
  const start = (candidate: Candidate): Draft => {
    const { subject, author } = candidate;
    const draft: Draft = { version: subject.version, total: subject.total ?? 1, patchVersion: null, patchTotal: null, author, members: new Map(), lastDate: null, copies: [] };
    drafts.push(draft);
    const key = timeKey(candidate);
    const recent = byTime.get(key);
    if (recent) recent.push(draft);
    else byTime.set(key, [draft]);
    add(draft, candidate);
    return draft;
  };
  /** Whether a member was placed by its thread: its headers make it a reply to another member of its draft (a parent inferred from its subject does not count). */
  const threaded = (draft: Draft, member: Candidate) => member.node.parent !== null && !member.node.parentInferred && draftOf.get(member.node.parent) === draft;
  // Oldest threads first, parents before children, so a patch's parent is always placed first.
  const ordered = [...threads.threads].sort((a, b) => compareOldestFirst({ date: a.firstDate, id: a.id }, { date: b.firstDate, id: b.id }));
  for (const thread of ordered) {
    for (const { node } of walkThread(thread.root)) {
      const candidate = facts.log.guard(node.id, 'not grouped into a series', () => asCandidate(node, facts), null);
      if (!candidate) continue;
      const parent = node.parent;
      const parentDraft = parent ? draftOf.get(parent) : undefined;
      const sentWithCover = parentDraft !== undefined && parentDraft.members.get(0)?.node === parent && withinWindow(parentDraft, candidate);
      // A stray earlier send of this patch, taken in by time, gives way to the one threaded under the series.
      const stray = parentDraft?.members.get(numberOf(candidate));
      if (parentDraft && stray && numberOf(stray) > 0 && !candidate.knownFromReply && !stray.knownFromReply && !node.parentInferred && !threaded(parentDraft, stray)) {
        parentDraft.members.delete(numberOf(stray));
        if (fits(parentDraft, candidate, sentWithCover)) {
          draftOf.delete(stray.node);
          start(stray);
        } else parentDraft.members.set(numberOf(stray), stray);
      }
      if (parentDraft && fits(parentDraft, candidate, sentWithCover)) {
        add(parentDraft, candidate);
        continue;
      }
      if (candidate.knownFromReply) continue;
      if (parent && !parent.message && !parent.inferred) {
        const key = `${parent.id}\n${signature(candidate)}`;
        const shared = byMissingParent.get(key);
        if (shared && fits(shared, candidate)) {
          add(shared, candidate);
          continue;
        }
        // A cover letter whose Message-ID its mailer rewrote (Outlook): the patches reply to an id
        // that never arrived; a cover letter alone by the same author, version, total and tags,
        // sent at most 12 hours away, is theirs.
        const cover = shared ? undefined : (byTime.get(timeKey(candidate)) ?? []).findLast((draft) => draft.members.size === 1 && draft.members.has(0) && fits(draft, candidate) && withinWindow(draft, candidate));
        if (cover) {
          add(cover, candidate);
          byMissingParent.set(key, cover);
        } else byMissingParent.set(key, start(candidate));
        continue;
      }
      const recent = (byTime.get(timeKey(candidate)) ?? []).findLast((draft) => fits(draft, candidate) && withinWindow(draft, candidate));
      if (recent) add(recent, candidate);
      else start(candidate);
    }
  }
  return mergeCoverCopies(drafts, timeKey);
}

/**
 * A cover letter sent again (the first send's patches never went out, or its mailer resent it)
 * is a copy, not a series of its own: a draft of a cover letter alone joins a draft of the
 * same author, version, total and tags whose cover letter has the very same subject and was
 * sent at most 12 hours away, the one with patches if there is one, else the oldest. The
 * copy of the cover letter the patches reply to is the cover; the others are `copies`. Two
 * whole sends, each with its patches, stay two series (copies, never versions of each other).
 */
function mergeCoverCopies(drafts: Draft[], timeKey: (candidate: Candidate) => string): Draft[] {
  const alone = (draft: Draft) => draft.members.size === 1 && draft.members.has(0);
  const coverOf = (draft: Draft) => draft.members.get(0);
  const twins = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const cover = coverOf(draft);
    if (!cover || cover.date === null) continue;
    const key = `${timeKey(cover)}\n${cover.node.message ? cover.subject.title : ''}`;
    const known = twins.get(key);
    if (known) known.push(draft);
    else twins.set(key, [draft]);
  }
  const merged = new Set<Draft>();
  for (const group of twins.values()) {
    if (group.length < 2) continue;
    const byDate = group.sort((a, b) => compareOldestFirst({ date: coverOf(a)!.date, id: coverOf(a)!.node.id }, { date: coverOf(b)!.date, id: coverOf(b)!.node.id }));
    for (const copy of byDate) {
      if (!alone(copy) || !copy.members.get(0)!.node.message) continue;
      const near = (draft: Draft) => draft !== copy && !merged.has(draft) && timeApart(coverOf(draft)!.date, coverOf(copy)!.date) <= SAME_SERIES_WINDOW;
      const into = byDate.find((draft) => near(draft) && !alone(draft)) ?? byDate.find((draft) => near(draft) && alone(draft) && draft !== copy && byDate.indexOf(draft) < byDate.indexOf(copy));
      if (!into) continue;
      into.copies.push(coverOf(copy)!, ...copy.copies);
      merged.add(copy);
    }
  }
  return drafts.filter((draft) => !merged.has(draft));
}

/** Archived replies under a member, stopping at members of any series (they have their own). */
function repliesUnder(member: ThreadNode, isMember: (node: ThreadNode) => boolean): ThreadNode[] {
  const replies: ThreadNode[] = [];
  const stack = [...member.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isMember(node)) continue;
    if (node.message) replies.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return replies.sort((a, b) => compareOldestFirst({ date: a.message!.mail.date, id: a.id }, { date: b.message!.mail.date, id: b.id }));
}

function oldest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((found, date) => (date !== null && (found === null || date < found) ? date : found), null);
}

function newest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((found, date) => (date !== null && (found === null || date > found) ? date : found), null);
}

function toSeries(draft: Draft, isMember: (node: ThreadNode) => boolean): Series {
  const members = [...draft.members.values()].sort((a, b) => numberOf(a) - numberOf(b));
  const cover = draft.members.get(0) ?? null;
  const lowest = members.find((member) => numberOf(member) > 0) ?? members[0]!;
  const head = cover ?? lowest;
  const id = (cover ?? draft.members.get(1) ?? lowest).node.id;
  // Patches win over a cover letter that gives another version or total.
  const total = Math.max(draft.patchTotal ?? draft.total, numberOf(members.at(-1)!));
  const slot = (number: number): SeriesPatch => {
    const member = draft.members.get(number);
    return { number, node: member?.node ?? null, replies: member ? repliesUnder(member.node, isMember) : [] };
  };
  const coverSlot = cover ? slot(0) : null;
  if (coverSlot && draft.copies.length > 0) {
    const replies = [...coverSlot.replies, ...draft.copies.flatMap((copy) => repliesUnder(copy.node, isMember))];
    coverSlot.replies = replies.sort((a, b) => compareOldestFirst({ date: a.message!.mail.date, id: a.id }, { date: b.message!.mail.date, id: b.id }));
  }
  const copies = [...draft.copies].sort((a, b) => compareOldestFirst({ date: a.date, id: a.node.id }, { date: b.date, id: b.node.id }));
  const patches = Array.from({ length: total }, (_, index) => slot(index + 1));
  const replyDates = [coverSlot, ...patches].flatMap((patch) => patch?.replies ?? []).map((reply) => reply.message!.mail.date);
  const memberDates = [...members, ...copies].map((member) => member.date);
  return {
    id,
    slug: messageSlug(id),
    url: `/s/${messageSlug(id)}/`,
    title: head.subject.title,
    version: draft.patchVersion ?? draft.version,
    total,
    tags: [...new Set(members.flatMap((member) => member.subject.tags))],
    stable: head.subject.stable ?? members.find((member) => member.subject.stable !== null)?.subject.stable ?? null,
    // A relayed cover letter names its author's address nowhere: its patches do.
    author: isRelayed(head.author) ? (members.find((member) => !isRelayed(member.author) && samePerson(member.author, head.author))?.author ?? head.author) : head.author,
    cover: coverSlot,
    coverCopies: copies.map((copy) => copy.node),
    patches,
    replyCount: replyDates.length,
    // A series known only from replies (the seed's) starts with its oldest reply.
    firstDate: oldest(memberDates) ?? oldest(replyDates),
    lastActivity: newest([...memberDates, ...replyDates]),
  };
}

function firstMember(draft: Draft): Candidate {
  return draft.members.values().next().value!;
}

/** Patches of a series that are in the archive. */
export function patchesInArchive(series: Series): number {
  return series.patches.filter((patch) => patch.node?.message).length;
}

/** Finds the patch series among the threads; see the module comment for the rules. */
export function buildSeries(threads: Threads, facts: MailFacts): SeriesIndex {
  const drafts = groupCandidates(threads, facts);
  const memberDraft = new Map<ThreadNode, Draft>();
  for (const draft of drafts) for (const member of [...draft.members.values(), ...draft.copies]) memberDraft.set(member.node, draft);
  const isMember = (node: ThreadNode) => memberDraft.has(node);
  // A series that cannot be made is left out: its mail stays in its threads.
  const series = drafts.flatMap((draft) => {
    const made = facts.log.guard(firstMember(draft).node.id, 'series not built', () => toSeries(draft, isMember), null);
    return made ? [made] : [];
  });
  series.sort((a, b) => compareNewestFirst({ date: a.lastActivity, id: a.id }, { date: b.lastActivity, id: b.id }));
  const byMessage = new Map<string, Series>();
  const byMember = new Map<ThreadNode, Series>();
  for (const one of series) {
    for (const patch of [one.cover, ...one.patches]) {
      if (!patch?.node) continue;
      byMember.set(patch.node, one);
      if (patch.node.message) byMessage.set(patch.node.id, one);
      for (const reply of patch.replies) byMessage.set(reply.id, one);
    }
    for (const copy of one.coverCopies) {
      byMember.set(copy, one);
      byMessage.set(copy.id, one);
    }
  }
  return { series, byId: new Map(series.map((one) => [one.id, one])), byMessage, byMember };
}
