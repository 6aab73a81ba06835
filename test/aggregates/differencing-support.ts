import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { possibleMoves, type DisclosureControl } from '../../src/aggregates/cell-key';

/** The area's default disclosure control, which the attacks run against. */
export const CONTROL: DisclosureControl = { threshold: 5, maxNoise: 3, variance: 2 };

/** The same threshold with the cell key method off: what the attacks must defeat. */
export const EXACT: DisclosureControl = { ...CONTROL, maxNoise: 0, variance: 0 };

/**
 * One published figure as the attacker reads it: the records it counts, as a sum of "atoms"
 * (disjoint groups of records whose true counts the attacker wants), and what was published.
 * `withheld` says what a null means: a total or a left-out count is withheld only when it is
 * from 1 to k - 1; a cell may also be hidden for another cell's sake.
 */
export interface Reading {
  atoms: number[];
  published: number | null;
  withheld: 'small' | 'any';
}

/** One attack: the readings an analyst took, over atoms of which the last is the target. */
export interface Attack {
  name: string;
  atoms: number;
  readings: Reading[];
}

/** Whether a true count is consistent with a published figure, knowing the ptable and not the key. */
function consistentWith(count: number, reading: Reading, control: DisclosureControl): boolean {
  if (reading.published === null) {
    return reading.withheld === 'small' ? count >= 1 && count < control.threshold : count >= 1;
  }
  if (reading.published === 0) return count === 0;
  return possibleMoves(count, control).has(reading.published - count);
}

/**
 * The attacker's best inference: every vector of atom counts (each 0 to `most`) consistent with
 * every reading, projected on the target atom. A target is recovered when one value is left.
 */
function inferred(
  readings: Reading[],
  atoms: number,
  target: number,
  control: DisclosureControl,
): number[] {
  const most = 40;
  const values = new Set<number>();
  const counts = new Array<number>(atoms).fill(0);
  const visit = (atom: number) => {
    if (atom === atoms) {
      const fits = readings.every((reading) =>
        consistentWith(
          reading.atoms.reduce((sum, a) => sum + counts[a], 0),
          reading,
          control,
        ),
      );
      if (fits) values.add(counts[target]);
      return;
    }
    for (let count = 0; count <= most; count += 1) {
      counts[atom] = count;
      visit(atom + 1);
    }
  };
  visit(0);
  return [...values].sort((a, b) => a - b);
}

/** Sets the area's threshold and cell key parameters, as an administrator would. */
export const setControl = (em: EntityManager, control: DisclosureControl) =>
  em.nativeUpdate(
    AreaConfiguration,
    { id: 1 },
    {
      smallNumberThreshold: control.threshold,
      perturbationMaxNoise: control.maxNoise,
      perturbationVariance: control.variance,
    },
  );

/**
 * What each attack, and all of them at once, pins the target to under `control`. The attacks
 * are run after the control is set, so that they read what the area publishes then.
 */
export async function recovered(
  em: EntityManager,
  control: DisclosureControl,
  attacks: () => Promise<Attack[]>,
): Promise<{ attack: string; values: number[] }[]> {
  await setControl(em, control);
  const found = await attacks();
  const report = found.map((attack) => ({
    attack: attack.name,
    values: inferred(attack.readings, attack.atoms, attack.atoms - 1, control),
  }));
  // Together: the target is the same records in each, so only what every attack leaves.
  const together = report
    .map((entry) => new Set(entry.values))
    .reduce((a, b) => new Set([...a].filter((value) => b.has(value))));
  report.push({ attack: 'all of them together', values: [...together].sort((a, b) => a - b) });
  return report;
}

/** The attacks pinned to one value each, by name: what an analyst would have recovered. */
export const pinned = (report: { attack: string; values: number[] }[]) =>
  Object.fromEntries(
    report.filter((entry) => entry.values.length === 1).map((e) => [e.attack, e.values[0]]),
  );

/**
 * Fixed record keys for the rows given, in order, from a fixed sequence, so that every run
 * publishes the same figures. `from` is where in the sequence the first row starts.
 */
export async function fixRecordKeys(
  em: EntityManager,
  table: string,
  ids: readonly string[],
  from = 0,
) {
  await em.getConnection().execute(
    `UPDATE "${table}" t SET record_key = ((s.n + ?) * 89 + 7) % 256
FROM unnest(string_to_array(?, ',')::uuid[]) WITH ORDINALITY s(id, n) WHERE t.id = s.id`,
    [from, ids.join(',')],
  );
}
