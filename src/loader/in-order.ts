/**
 * Work that finishes in any order, its results applied in the order it was queued, so what
 * the loader stores and reports does not depend on which worker was quicker. At most `limit`
 * pieces of work run at once, which bounds the mail handed out; a result that finished early
 * waits (small: a record) until everything queued before it is applied.
 */
export class InOrder {
  readonly #limit: number;
  /** Steps not applied yet, oldest first; `apply` is set once the step's work has finished. */
  readonly #steps: Array<{ apply?: () => void }> = [];
  readonly #running = new Set<Promise<void>>();

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** Queues a step that needs no work: `apply` runs once every step before it has been applied. */
  add(apply: () => void): void {
    this.#steps.push({ apply });
    this.#applyFinished();
  }

  /** Starts `work` once fewer than `limit` pieces run, and queues `apply` for its result. */
  async run<T>(work: () => Promise<T>, apply: (result: T) => void): Promise<void> {
    while (this.#running.size >= this.#limit) await Promise.race(this.#running);
    const step: { apply?: () => void } = {};
    this.#steps.push(step);
    // A failure is rethrown where the step is applied, so it surfaces in the caller, in order.
    const running = work().then(
      (result) => void (step.apply = () => apply(result)),
      (error: unknown) => void (step.apply = () => { throw error; }),
    );
    this.#running.add(running);
    void running.then(() => this.#running.delete(running));
    this.#applyFinished();
  }

  /** Waits for all work and applies every step left. */
  async drain(): Promise<void> {
    await Promise.all(this.#running);
    this.#applyFinished();
  }

  #applyFinished(): void {
    while (this.#steps[0]?.apply) this.#steps.shift()!.apply!();
  }
}
