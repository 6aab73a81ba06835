import type { HubContext } from '../context';
import { allows, ownershipOf } from './decide';
import { policy } from './policy';

/**
 * Keeps the partner records whose existence the viewer may know (the type's `rows` policy).
 * Rows are dropped, not blanked: that a mental health record exists is itself health data.
 */
export async function visibleRecords<T>(
  ctx: HubContext,
  typeName: string,
  rows: T[],
): Promise<T[]> {
  const rowPolicy = policy[typeName]?.rows ?? [];
  const keep = await Promise.all(
    rows.map((row) =>
      allows(rowPolicy, {
        viewer: ctx.viewer,
        ownership: ownershipOf(row),
        liveBases: ctx.loaders.liveBasesByPerson,
      }),
    ),
  );
  return rows.filter((_, i) => keep[i]);
}
