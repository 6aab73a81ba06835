import DataLoader from 'dataloader';

/**
 * Per-request batch loaders: every id asked for while one level of the query resolves is fetched
 * with one SQL statement, so the number of statements follows the query's depth, not its size.
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

/** Like `byIdLoader`, for the many rows that hang off each key (a case's incidents). */
export function groupedLoader<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** For yes/no questions asked of many ids at once (is this case shared with my partner?). */
export function membershipLoader(fetch: (keys: string[]) => Promise<string[]>) {
  return new DataLoader<string, boolean>(async (keys) => {
    const found = new Set(await fetch([...keys]));
    return keys.map((key) => found.has(key));
  });
}
