import type { MikroORM } from '@mikro-orm/postgresql';
import { HubError } from '../errors';
import { errorFields, log } from '../log';
import {
  ImportFailed,
  ImportHandedOver,
  type ImportOptions,
  startImport,
  type StartedImport,
} from './import.service';

/**
 * The imports running in the background of this hub process (uploads answer 202 at once). When the
 * hub stops, each is told to stop after the batch in flight: an upload's run is left RUNNING for
 * any process's takeover sweep to finish (src/imports/import-takeover.ts); any other is left
 * FAILED, and importing the same file again resumes it.
 */
export class ImportJobs {
  private readonly running = new Map<string, { stop: AbortController; done: Promise<unknown> }>();
  /** Set by stop(): no import starts here any more. */
  stopping = false;

  /** `orm`: the hub's, through which files of partner records are written. */
  constructor(private readonly orm?: MikroORM) {}

  /** Starts an import here; `afterwards` runs when it has ended, however it ended. */
  async start(
    options: Omit<ImportOptions, 'signal'>,
    afterwards: () => Promise<unknown> = async () => undefined,
  ): Promise<StartedImport> {
    if (this.stopping) {
      throw new HubError('SERVER_BUSY', 'The hub is shutting down; send the file again shortly', {
        http: { status: 503 },
      });
    }
    const stop = new AbortController();
    const started = await startImport({ orm: this.orm, ...options, signal: stop.signal });
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
        error instanceof ImportHandedOver
          ? log.info('import handed over', { ...fields, rowsImported: error.summary.rowsImported })
          : log.error('import failed', {
              ...fields,
              ...(error instanceof ImportFailed ? { failure: error.message } : errorFields(error)),
            }),
    );
    const settled = done.then(() => afterwards().catch(() => undefined));
    this.running.set(started.runId, { stop, done: settled });
    void settled.finally(() => this.running.delete(started.runId));
    return started;
  }

  /** Whether the run is running in this process. */
  runsHere(runId: string): boolean {
    return this.running.has(runId);
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
    this.stopping = true;
    for (const job of this.running.values()) job.stop.abort();
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}
