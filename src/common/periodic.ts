import { errorFields, log } from '../log';

/** A job the hub runs every `ms` until stopped; one run at a time, never overlapping. */
export interface Periodic {
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

export function every(name: string, ms: number, work: () => Promise<unknown>): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = work()
      .then(
        () => undefined,
        (error) => log.error(`${name} failed`, errorFields(error)),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(run, ms);
      });
  };
  timer = setTimeout(run, ms);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
