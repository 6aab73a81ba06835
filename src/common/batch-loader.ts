import DataLoader from 'dataloader';

/**
 * Per-request batch loaders: every id asked for while one level of the query resolves is fetched
 * with one SQL statement, so the number of statements follows the query's shape, not its size.
 *
 * Batches go out in waves. A batch is dispatched only when no other batch of the same request is
 * still waiting for PostgreSQL and every pending promise chain has run; otherwise loads from
 * sibling branches (a report's partner, a visit attendee's partner) would share a statement or
 * not depending on which query happened to answer first.
 */
export class BatchWaves {
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private armed = false;

  /**
   * `deadline`: past it, no further statement is sent (the request's time limit). Checked here,
   * once a batch, rather than at every field: a per-field hook costs more than the fields.
   */
  constructor(private readonly deadline?: { at: number; exceeded: () => Error }) {}

  /** Sends one batch's statement, unless the request's time is up. */
  run<T>(fetch: () => Promise<T>): Promise<T> {
    if (this.deadline && Date.now() > this.deadline.at) {
      return Promise.reject(this.deadline.exceeded());
    }
    return this.track(fetch());
  }

  schedule = (dispatch: () => void) => {
    this.waiting.push(dispatch);
    this.arm();
  };

  private async track<T>(query: Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await query;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.arm();
    }
  }

  private arm() {
    if (this.armed || this.waiting.length === 0) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      if (this.inFlight > 0) return; // the last query to answer re-arms
      const wave = this.waiting;
      this.waiting = [];
      for (const dispatch of wave) dispatch();
    });
  }
}

export function byIdLoader<T extends { id: string }>(
  waves: BatchWaves,
  fetch: (ids: string[]) => Promise<T[]>,
) {
  return new DataLoader<string, T | undefined>(
    async (ids) => {
      const rows = await waves.run(() => fetch([...ids]));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    },
    { batchScheduleFn: waves.schedule },
  );
}

/** Like `byIdLoader`, for the many rows that hang off each key (a case's incidents). */
export function groupedLoader<T>(
  waves: BatchWaves,
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
) {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const groups = groupRows(keys, await waves.run(() => fetch([...keys])), keyOf);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { batchScheduleFn: waves.schedule },
  );
}

/** Rows by key, in the order they came, with an empty group for every key without rows. */
function groupRows<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string) {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return groups;
}

/**
 * Fills a `groupedLoader` with rows fetched some other way (src/cases/case-graph.ts): `keys` must be
 * every key the rows were fetched for, so that a key without rows answers empty, not a new query.
 */
export function primeGroups<T>(
  loader: DataLoader<string, T[]>,
  keys: readonly string[],
  rows: T[],
  keyOf: (row: T) => string,
) {
  for (const [key, group] of groupRows(keys, rows, keyOf)) loader.prime(key, group);
}

/** For yes/no questions asked of many ids at once (is this person in a case I take part in?). */
export function membershipLoader(waves: BatchWaves, fetch: (keys: string[]) => Promise<string[]>) {
  return new DataLoader<string, boolean>(
    async (keys) => {
      const found = new Set(await waves.run(() => fetch([...keys])));
      return keys.map((key) => found.has(key));
    },
    { batchScheduleFn: waves.schedule },
  );
}
