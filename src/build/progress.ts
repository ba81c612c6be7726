/**
 * Progress of a long build step, printed as it goes: on a terminal one line that updates in
 * place, elsewhere (CI logs, files) one line every few seconds, so a log stays readable.
 * Each report says how far the step is, what it counted, and the time left at its rate.
 */

export interface ProgressOptions {
  /** Where lines go; standard error by default, so standard output stays for results. */
  stream?: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  /** Seconds between lines when the stream is not a terminal. */
  interval?: number;
  /** Milliseconds between updates on a terminal. */
  terminalInterval?: number;
  /** The clock, in milliseconds; tests pass their own. */
  now?: () => number;
}

/** Seconds as `42 s` or `3 min 05 s`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** One step's progress: `done` of `total` units, with named counts beside it. */
export class Progress {
  readonly #label: string;
  readonly #total: number;
  readonly #stream: NonNullable<ProgressOptions['stream']>;
  readonly #interval: number;
  readonly #now: () => number;
  readonly #started: number;
  readonly #counts = new Map<string, number>();
  #done = 0;
  #lastPrinted: number;
  #printedOnTerminal = false;

  constructor(label: string, total: number, options: ProgressOptions = {}) {
    this.#label = label;
    this.#total = Math.max(0, total);
    this.#stream = options.stream ?? process.stderr;
    this.#now = options.now ?? (() => performance.now());
    this.#interval = this.#stream.isTTY ? (options.terminalInterval ?? 100) : (options.interval ?? 5) * 1000;
    this.#started = this.#now();
    this.#lastPrinted = this.#started;
  }

  /** Counts `units` more done, adding them to the named count `kind` if given. */
  advance(units = 1, kind?: string): void {
    this.#done += units;
    if (kind) this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + units);
    const now = this.#now();
    if (now - this.#lastPrinted >= this.#interval) {
      this.#lastPrinted = now;
      this.#print(this.line(now));
    }
  }

  /** Adds to a named count without advancing. */
  count(kind: string, units = 1): void {
    this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + units);
  }

  /** The current line: `pages 1,200/25,724 (4 %): 1,150 reused, 50 rendered, 2 s elapsed, about 40 s left`. */
  line(now = this.#now()): string {
    const elapsed = (now - this.#started) / 1000;
    const share = this.#total > 0 ? ` (${Math.floor((100 * this.#done) / this.#total)} %)` : '';
    const counts = [...this.#counts].map(([kind, units]) => `${units.toLocaleString('en-US')} ${kind}`);
    const left = this.#done > 0 && this.#done < this.#total ? `, about ${formatDuration((elapsed * (this.#total - this.#done)) / this.#done)} left` : '';
    const countText = counts.length > 0 ? `: ${counts.join(', ')}` : '';
    return `${this.#label} ${this.#done.toLocaleString('en-US')}/${this.#total.toLocaleString('en-US')}${share}${countText}, ${formatDuration(elapsed)} elapsed${left}`;
  }

  /** Ends the step: clears the updating line on a terminal and prints the final one. */
  finish(): string {
    const line = this.line();
    if (this.#printedOnTerminal) this.#stream.write('\r\x1b[2K');
    this.#printedOnTerminal = false;
    return line;
  }

  #print(line: string): void {
    if (this.#stream.isTTY) {
      this.#stream.write(`\r\x1b[2K${line}`);
      this.#printedOnTerminal = true;
    } else this.#stream.write(`${line}\n`);
  }
}
