import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from './sql-statement';

/** The area's small-number threshold k (`smallNumberThreshold`, default 5), as configured now. */
export async function smallNumberThreshold(em: EntityManager): Promise<number> {
  const [row] = await runSql<{ threshold: number }>(em, {
    sql: 'SELECT small_number_threshold AS threshold FROM area_configuration WHERE id = 1',
    params: [],
  });
  return row?.threshold ?? 5;
}
