import { HubError } from '../errors';

/** The answer when the queue of waiting requests is full. */
export const serverBusy = () =>
  new HubError('SERVER_BUSY', 'The hub is answering as many requests as it can: try again shortly');

/**
 * At most `limit` GraphQL operations execute at once; the next `maxQueued` wait their turn in
 * order of arrival, and any more are refused with SERVER_BUSY. One Node.js process gains nothing
 * from running thirty answers side by side (it has one thread), but holds thirty answers in memory
 * and makes every one of them late: a few at a time keep PostgreSQL and the CPU busy, bound the
 * memory and answer each request sooner.
 */
export class Admission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueued: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) {
      this.running += 1;
    } else {
      if (this.waiting.length >= this.maxQueued) throw serverBusy();
      // The slot is handed over by the request that finishes (`release`), never taken twice.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Operations executing and waiting now. */
  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
