/** How a message was framed on disk; the parse stage picks its reader by this. */
export type MailFormat = 'eml' | 'maildir' | 'mbox' | 'mboxrd' | 'hypermail' | 'pipermail';

/** One message cut out of a content file, not parsed yet. */
export interface RawMail {
  /** Path of the content file, relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based position of the message in its file. */
  position: number;
  format: MailFormat;
  /** The message bytes exactly as stored (mbox escaping already undone). */
  bytes: Buffer;
}

/** Why a file or message was left out of the archive. */
export interface IngestProblem {
  file: string;
  /** 1-based position in the file, when the problem concerns one message. */
  position?: number;
  /** Message-ID, when it was known before the problem struck. */
  messageId?: string;
  reason: string;
}

/** Formats one problem as the single log line the build prints for it. */
export function describeProblem(problem: IngestProblem): string {
  const where = [problem.file];
  if (problem.position !== undefined) where.push(`message ${problem.position}`);
  if (problem.messageId) where.push(`<${problem.messageId}>`);
  return `${where.join(': ')}: skipped: ${problem.reason}`;
}
