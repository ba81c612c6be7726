/**
 * What went wrong with single mails while threading and grouping them. One bad mail or
 * series never stops the build: it is shown degraded (an ordinary thread, a series without
 * that mail) and its reason is kept here, for the build log and `report.json`.
 */

export interface ArchiveProblem {
  messageId: string;
  reason: string;
}

/** Collects problems, each (mail, reason) pair once. */
export class ProblemLog {
  readonly #seen = new Set<string>();
  readonly problems: ArchiveProblem[] = [];

  add(messageId: string, reason: string): void {
    const key = `${messageId}\n${reason}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.problems.push({ messageId, reason });
  }

  /** Runs `step` for one mail or series; a throw is logged under `messageId` and `fallback` is returned. */
  guard<T>(messageId: string, what: string, step: () => T, fallback: T): T {
    try {
      return step();
    } catch (error) {
      this.add(messageId, `${what}: ${(error as Error).message}`);
      return fallback;
    }
  }
}
