/**
 * What the review logic needs from each mail, worked out once: its parsed subject, and
 * from its body whether it carries a diff, the trailers it gives or carries, and its
 * Change-Ids. Bodies are read on first need and not kept, so a whole list's bodies
 * never sit in memory at once. A body that cannot be read (a damaged cache file) reads as
 * empty, and the reason goes to the problem log: that mail loses its diff and trailers,
 * the build goes on.
 */
import type { MailBody } from '../parse/types.ts';
import { changeIds, hasDiff } from './body.ts';
import type { ArchivedMessage } from './group.ts';
import { ProblemLog } from './problems.ts';
import { parseSubject, type ParsedSubject } from './subject.ts';
import { commitTrailers, replyTrailers, type Trailer } from './trailers.ts';

export interface BodyFacts {
  hasDiff: boolean;
  /** Trailers in the commit message, as a patch carries them. */
  commitTrailers: Trailer[];
  /** Trailers the mail gives as a reply: its own, naming its sender, and its NAKs. */
  replyTrailers: Trailer[];
  changeIds: string[];
}

export interface MailFacts {
  subjectOf(message: ArchivedMessage): ParsedSubject;
  bodyFactsOf(message: ArchivedMessage): BodyFacts;
  /** The body, for the few steps that need more than the facts (attribution lines, diffs); empty when it cannot be read. */
  bodyOf(message: ArchivedMessage): MailBody;
  /** Where steps note what went wrong with single mails. */
  log: ProblemLog;
}

const EMPTY_BODY: MailBody = { text: '', inline: [] };

/** Reads the facts of one body. */
function readBodyFacts(body: MailBody, message: ArchivedMessage): BodyFacts {
  return {
    hasDiff: hasDiff(body),
    commitTrailers: commitTrailers(body.text),
    replyTrailers: replyTrailers(body.text, message.mail.from),
    changeIds: changeIds(body.text),
  };
}

/** Facts for every message, each worked out on first use and remembered; `bodyOf` reads a body by record key. */
export function mailFacts(bodyOf: (key: string) => MailBody, log = new ProblemLog()): MailFacts {
  const subjects = new Map<ArchivedMessage, ParsedSubject>();
  const bodies = new Map<ArchivedMessage, BodyFacts>();
  const readBody = (message: ArchivedMessage) => log.guard(message.id, 'body not read', () => bodyOf(message.mail.key), EMPTY_BODY);
  return {
    subjectOf(message) {
      let subject = subjects.get(message);
      if (!subject) subjects.set(message, (subject = parseSubject(message.mail.subject)));
      return subject;
    },
    bodyFactsOf(message) {
      let facts = bodies.get(message);
      if (!facts) bodies.set(message, (facts = readBodyFacts(readBody(message), message)));
      return facts;
    },
    bodyOf: readBody,
    log,
  };
}
