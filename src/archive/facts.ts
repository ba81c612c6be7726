/**
 * What the review logic needs from each mail: its parsed subject (worked out once), and
 * the facts of its body, read by the loader and kept in its record (body-facts.ts). The one
 * step that needs more of a body (inferring parents for mail saved without headers: its
 * attribution and quoted lines) reads it on demand, only in the conversations it threads. A body
 * that cannot be read (a damaged cache file) reads as empty, and the reason goes to the
 * problem log: the build goes on.
 */
import type { MailBody } from '../parse/types.ts';
import type { BodyFacts } from './body-facts.ts';
import type { ArchivedMessage } from './group.ts';
import { ProblemLog } from './problems.ts';
import { parseSubject, type ParsedSubject } from './subject.ts';

export type { BodyFacts } from './body-facts.ts';

export interface MailFacts {
  subjectOf(message: ArchivedMessage): ParsedSubject;
  bodyFactsOf(message: ArchivedMessage): BodyFacts;
  /** The body, for the few steps that need more than the facts (attribution lines); empty when it cannot be read. */
  bodyOf(message: ArchivedMessage): MailBody;
  /** Where steps note what went wrong with single mails. */
  log: ProblemLog;
}

const EMPTY_BODY: MailBody = { text: '', inline: [] };

/** Facts for every message; `bodyOf` reads a body by record key. */
export function mailFacts(bodyOf: (key: string) => MailBody, log = new ProblemLog()): MailFacts {
  const subjects = new Map<ArchivedMessage, ParsedSubject>();
  const readBody = (message: ArchivedMessage) => log.guard(message.id, 'body not read', () => bodyOf(message.mail.key), EMPTY_BODY);
  return {
    subjectOf(message) {
      let subject = subjects.get(message);
      if (!subject) subjects.set(message, (subject = parseSubject(message.mail.subject)));
      return subject;
    },
    bodyFactsOf(message) {
      return message.mail.facts;
    },
    bodyOf: readBody,
    log,
  };
}
