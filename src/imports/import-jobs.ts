import { errorFields, log } from '../log';
import {
  ImportFailed,
  type ImportOptions,
  startImport,
  type StartedImport,
} from './import.service';

/**
 * The imports running in the background of this hub process (uploads answer 202 at once). When the
 * hub stops, each is told to stop after the batch in flight; it is left FAILED, and uploading or
 * importing the same file again resumes it.
 */
export class ImportJobs {
  private readonly running = new Map<string, { stop: AbortController; done: Promise<unknown> }>();

  /** Starts an import here; `afterwards` runs when it has ended, however it ended. */
  async start(
    options: Omit<ImportOptions, 'signal'>,
    afterwards: () => Promise<unknown> = async () => undefined,
  ): Promise<StartedImport> {
    const stop = new AbortController();
    const started = await startImport({ ...options, signal: stop.signal });
    const fields = { runId: started.runId, partnerId: options.startedBy?.partnerId };
    log.info('import started', { ...fields, resumedAfterLine: started.resumedAfterLine });
    const done = started.done.then(
      (summary) =>
        log.info('import completed', {
          ...fields,
          rowsImported: summary.rowsImported,
          rowsAlreadyPresent: summary.rowsAlreadyPresent,
          rowsRejected: summary.rowsRejected,
          seconds: summary.seconds,
        }),
      (error) =>
        log.error('import failed', {
          ...fields,
          ...(error instanceof ImportFailed ? { failure: error.message } : errorFields(error)),
        }),
    );
    const settled = done.then(() => afterwards().catch(() => undefined));
    this.running.set(started.runId, { stop, done: settled });
    void settled.finally(() => this.running.delete(started.runId));
    return started;
  }

  /** Imports still running in this process. */
  get size(): number {
    return this.running.size;
  }

  /** Settles when the run, if it runs here, has ended. */
  async settled(runId: string): Promise<void> {
    await this.running.get(runId)?.done;
  }

  async stop(): Promise<void> {
    for (const job of this.running.values()) job.stop.abort();
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}
