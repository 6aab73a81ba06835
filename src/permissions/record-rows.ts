import type { HubContext } from '../context';
import { allows, ownershipOf, seenThroughCase } from './decide';
import { policy } from './policy';

/** What a basis-grant asks of the request: the live bases, and the viewer's cases of a person. */
export const basisLookups = (ctx: HubContext) => ({
  liveBases: ctx.loaders.liveBasesByPerson,
  viewerCasesOf: async (personId: string) =>
    (await ctx.loaders.visibleCasesByPerson.load(personId)).map((row) => row.case.id),
});

/**
 * Keeps the partner records whose existence the viewer may know (the type's `rows` policy).
 * Rows are dropped, not blanked: that a mental health record exists is itself health data.
 * `caseId`: the case the person was reached through, which a basis must have been recorded for.
 */
export async function visibleRecords<T>(
  ctx: HubContext,
  typeName: string,
  rows: T[],
  caseId?: string,
): Promise<T[]> {
  const rowPolicy = policy[typeName]?.rows ?? [];
  // Read through a case, each record carries it, so its fields are decided for that case too.
  const seen = caseId ? rows.map((row) => seenThroughCase(row as object, caseId) as T) : rows;
  const keep = await Promise.all(
    seen.map((row) =>
      allows(rowPolicy, { viewer: ctx.viewer, ownership: ownershipOf(row), ...basisLookups(ctx) }),
    ),
  );
  return seen.filter((_, i) => keep[i]);
}
