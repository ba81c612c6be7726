/**
 * What the review logic needs from a mail's body: whether it carries a diff (and a digest of
 * it, to tell versions of a patch apart), the trailers it gives or carries, where its commit
 * message ends, and its Change-Ids. Read once per mail, by the loader, from the tree the
 * renderer marked (the reading a page shows), and kept in the mail's record, so building the
 * archive reads no body at all.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { Address, MailBody } from '../parse/types.ts';
import { appliedNotice, type AppliedNotice } from './applied.ts';
import { changeIds, commitMessageEnd, diffPaths, hasDiff, inBodyFrom, namedMessages, normalizedDiff, ownProse, type NamedMessage } from './body.ts';
import { sketchOf } from './sketch.ts';
import { commitTrailers, replyTrailers, type Trailer } from './trailers.ts';

export interface BodyFacts {
  hasDiff: boolean;
  /** Digest of the diff as versions compare it (`normalizedDiff`); null without a diff. */
  diffDigest: string | null;
  /** Where the commit message ends: the index of its first line after it in the body's text (its `---` line or diff). */
  commitMessageEnd: number;
  /** Trailers in the commit message, as a patch carries them. */
  commitTrailers: Trailer[];
  /** Trailers the mail gives as a reply: its own, naming its sender, and its NAKs. */
  replyTrailers: Trailer[];
  changeIds: string[];
  /** The Message-IDs its own text names (`namedMessages`): for versions, a changelog's link to the version before. */
  namedMessages: NamedMessage[];
  /** A sketch of its prose above `commitMessageEnd` (`ownProse`, sketch.ts): for versions, to tell a re-roll under a reworded title by how alike its words are. */
  proseSketch: string;
  /** The files its own diffs change (`diffPaths`): for versions to tell one driver's work from another's, and for the file pages. */
  files: string[];
  /** The author named by a `From:` line opening the body (`inBodyFrom`), as `git am` reads it; null without one. */
  inBodyFrom: Address | null;
  /** What the mail says, in its own voice, was applied, merged or queued (applied.ts); null when it says nothing of it. */
  applied: AppliedNotice | null;
}

/** The facts of one body, sent by `from`, read from `marked`, the body as `markBody` marks it. */
export function readBodyFacts(body: MailBody, marked: Root, from: Address): BodyFacts {
  const diff = normalizedDiff(marked);
  const end = commitMessageEnd(body.text, marked);
  return {
    hasDiff: hasDiff(marked),
    diffDigest: diff === null ? null : createHash('sha256').update(diff).digest('base64url').slice(0, 22),
    commitMessageEnd: end,
    commitTrailers: commitTrailers(marked, end),
    replyTrailers: replyTrailers(marked, from),
    changeIds: changeIds(body.text),
    namedMessages: namedMessages(marked),
    proseSketch: sketchOf(ownProse(marked, end)),
    files: diffPaths(marked),
    inBodyFrom: inBodyFrom(body.text),
    applied: appliedNotice(marked),
  };
}
