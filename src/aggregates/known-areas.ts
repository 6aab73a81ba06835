import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';
import type { IncidentFilter } from './aggregate-filter';
import { runSql } from './sql-statement';

/**
 * Refuses LSOA codes the hub does not know (docs/rules.md): a well-formed code that is not in the
 * `lsoa` table would otherwise answer an empty table, which a BI user takes for "no incidents".
 */
export async function checkKnownAreas(em: EntityManager, filter: IncidentFilter): Promise<void> {
  if (!filter.lsoaCodes) return;
  const known = await runSql<{ code: string }>(em, {
    sql: 'SELECT code FROM lsoa WHERE code = ANY($1::text[])',
    params: [filter.lsoaCodes],
  });
  const codes = new Set(known.map((row) => row.code));
  const unknown = filter.lsoaCodes.find((code) => !codes.has(code));
  if (unknown !== undefined) {
    throw badInput(
      `lsoaCodes: ${unknown} is not an LSOA the hub knows (the hub knows the LSOAs its incidents were imported with)`,
      'lsoaCodes',
    );
  }
}
