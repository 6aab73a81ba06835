import type { EntityManager } from '@mikro-orm/postgresql';
import type { DisclosureControl } from './cell-key';
import { runSql } from './sql-statement';

/** The area's small-number threshold k (`smallNumberThreshold`, default 5), as configured now. */
export async function smallNumberThreshold(em: EntityManager): Promise<number> {
  return (await disclosureControl(em)).threshold;
}

/**
 * The area's disclosure control as configured now: the threshold and the cell key method's
 * parameters (`perturbationMaxNoise`, default 3; `perturbationVariance`, default 2).
 */
export async function disclosureControl(em: EntityManager): Promise<DisclosureControl> {
  const [row] = await runSql<DisclosureControl>(em, {
    sql: `SELECT small_number_threshold AS threshold, perturbation_max_noise AS "maxNoise",
  perturbation_variance AS variance
FROM area_configuration WHERE id = 1`,
    params: [],
  });
  return row ?? { threshold: 5, maxNoise: 3, variance: 2 };
}
