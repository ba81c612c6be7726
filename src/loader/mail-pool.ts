/**
 * Worker threads that load mail (mail-worker.ts), one mail at a time each. A mail that
 * crashes its worker, or takes longer than the time limit, comes back as an unreadable
 * outcome and its worker is replaced, so one bad mail cannot stop the build. A worker that
 * fails before it is ready (its script missing or broken) fails the whole pool: every mail
 * would fail the same way, and the build should say so once, not skip the archive.
 */
import { Worker } from 'node:worker_threads';
import { peekMessageId } from '../parse/message-id.ts';
import type { MailOutcome, MailTask } from './mail-work.ts';

/** What a worker posts: `ready` once, then one outcome for each task. */
type WorkerMessage = 'ready' | MailOutcome;

interface Job {
  task: MailTask;
  resolve: (outcome: MailOutcome) => void;
  reject: (error: Error) => void;
}

export interface MailPoolOptions {
  /** The worker script: `src/loader/mail-worker.ts`, or a stand-in in tests. */
  workerFile: URL;
  size: number;
  /** Milliseconds one mail may take before its worker is stopped. */
  timeLimitMs: number;
}

export class MailPool {
  readonly #options: MailPoolOptions;
  readonly #waiting: Job[] = [];
  readonly #idle: Worker[] = [];
  /** Every worker not yet retired, with the job it runs, if any. */
  readonly #workers = new Map<Worker, { job?: Job; timer?: NodeJS.Timeout }>();
  #failure: Error | undefined;
  #closed = false;

  constructor(options: MailPoolOptions) {
    this.#options = options;
    for (let i = 0; i < Math.max(1, options.size); i++) this.#start();
  }

  /** Loads one mail on a worker. Rejects only when the pool failed to start. */
  run(task: MailTask): Promise<MailOutcome> {
    if (this.#closed) return Promise.reject(this.#failure ?? new Error('the mail pool was closed'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ task, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; mails still waiting or running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const stopped = new Error('the mail pool was closed');
    for (const job of this.#waiting.splice(0)) job.reject(this.#failure ?? stopped);
    const workers = [...this.#workers];
    this.#workers.clear();
    for (const [, { job, timer }] of workers) {
      clearTimeout(timer);
      job?.reject(this.#failure ?? stopped);
    }
    await Promise.all(workers.map(([worker]) => worker.terminate()));
  }

  #start(): void {
    const worker = new Worker(this.#options.workerFile);
    let ready = false;
    this.#workers.set(worker, {});
    worker.on('message', (message: WorkerMessage) => {
      if (message === 'ready') {
        ready = true;
        this.#idle.push(worker);
        this.#dispatch();
      } else this.#finish(worker, message);
    });
    worker.on('error', (error) => this.#lose(worker, ready, `worker crashed: ${error.message}`));
    worker.on('exit', (code) => this.#lose(worker, ready, `worker exited with code ${code}`));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#waiting.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#waiting.shift()!;
      const timer = setTimeout(() => {
        void worker.terminate();
        this.#lose(worker, true, `took longer than ${this.#options.timeLimitMs / 1000} s`);
      }, this.#options.timeLimitMs);
      this.#workers.set(worker, { job, timer });
      worker.postMessage(job.task);
    }
  }

  #finish(worker: Worker, outcome: MailOutcome): void {
    const state = this.#workers.get(worker);
    if (!state?.job) return;
    clearTimeout(state.timer);
    this.#workers.set(worker, {});
    this.#idle.push(worker);
    state.job.resolve(outcome);
    this.#dispatch();
  }

  /** Retires a worker that crashed, exited or timed out; its mail is unreadable, and a new worker takes its place. */
  #lose(worker: Worker, ready: boolean, reason: string): void {
    const state = this.#workers.get(worker);
    if (!state || this.#closed) return;
    this.#workers.delete(worker);
    clearTimeout(state.timer);
    const idleAt = this.#idle.indexOf(worker);
    if (idleAt !== -1) this.#idle.splice(idleAt, 1);
    if (!ready) return this.#fail(new Error(`the mail worker ${this.#options.workerFile.href} did not start: ${reason}`));
    if (state.job) {
      const { task, resolve } = state.job;
      const messageId = peekMessageId(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)) ?? undefined;
      resolve({ kind: 'unreadable', messageId, reason: `unreadable mail: ${reason}`, parserRefused: false });
    }
    this.#start();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    void this.close();
  }
}
