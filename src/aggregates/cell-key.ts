/**
 * The cell key method (ONS, Census 2021 outputs), the second half of the hub's disclosure
 * control; suppression.ts is the first. Pure functions.
 *
 * - Every incident carries a record key, a random 0 to 255 the database gives it on insert
 *   (`incident.record_key`), never shown.
 * - A cell's key is the sum of its incidents' record keys, mod 256. The same incidents give the
 *   same key whichever request counted them: a cell, a total, a left-out count, a GeoJSON feature.
 * - The published count is the true count plus the perturbation the ptable holds for that count
 *   and that key. The same cell therefore always gets the same noise: asking again, or asking for
 *   the same incidents another way, gives the same figure, so noise cannot be averaged away by
 *   repeating a request.
 * - The ptable is built from the area's parameters: the threshold k (`smallNumberThreshold`), the
 *   largest move D (`perturbationMaxNoise`) and its variance V (`perturbationVariance`). Each row
 *   is symmetric about 0, so every published count is an unbiased estimate of the true one. A
 *   count n of at least k moves at most min(D, n - k): published counts are never below k, and a
 *   count far from k moves by up to D with variance V (or the most variance min(D, n - k) allows).
 *   A count from 1 to k - 1 is never published at all (suppression.ts hides it).
 */

/** How many record keys there are: a cell key is a sum of record keys modulo this. */
export const KEY_RANGE = 256;

/** The area's disclosure control parameters, as configured (area_configuration). */
export interface DisclosureControl {
  /** k: a count from 1 to k - 1 is never published. */
  threshold: number;
  /** D: the most a published count differs from the true count (0: exact counts). */
  maxNoise: number;
  /** V: the variance of that difference, where the count leaves room for it. */
  variance: number;
}

/** Exact counts, suppression alone: what `perturbationMaxNoise` 0 configures. */
export const exactCounts = (threshold: number): DisclosureControl => ({
  threshold,
  maxNoise: 0,
  variance: 0,
});

/** A cell key from the sum of its records' keys. */
export const cellKey = (keySum: number) => ((keySum % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;

/** Weights out of KEY_RANGE for the moves -reach..reach, symmetric, with variance near `variance`. */
function moveWeights(reach: number, variance: number): number[] {
  if (reach === 0 || variance <= 0) return [KEY_RANGE];
  const moves = Array.from({ length: 2 * reach + 1 }, (_v, index) => index - reach);
  const shape = (spread: number) => {
    const raw = moves.map((move) => Math.exp(-(move * move) / (2 * spread * spread)));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((value) => value / sum);
  };
  const varianceOf = (probabilities: number[]) =>
    probabilities.reduce((sum, p, index) => sum + p * moves[index] ** 2, 0);
  // The spread whose discretised normal has the variance asked for (or the widest there is).
  let low = 1e-3;
  let high = 1e3;
  for (let step = 0; step < 60; step += 1) {
    const middle = Math.sqrt(low * high);
    if (varianceOf(shape(middle)) < variance) low = middle;
    else high = middle;
  }
  const probabilities = shape(low);
  // Whole slots of the key range, the same on both sides so that the mean move is exactly 0.
  const weights = moves.map((move) =>
    move === 0 ? 0 : Math.round(KEY_RANGE * probabilities[Math.abs(move) + reach]),
  );
  weights[reach] = KEY_RANGE - weights.reduce((sum, weight) => sum + weight, 0);
  return weights;
}

/** One row of the ptable: the move for each cell key 0..255, for a count n. */
export function ptableRow(count: number, control: DisclosureControl): Int8Array {
  const row = new Int8Array(KEY_RANGE);
  if (count < control.threshold) return row;
  const reach = Math.min(control.maxNoise, count - control.threshold);
  const weights = moveWeights(reach, control.variance);
  let key = 0;
  weights.forEach((weight, index) => {
    row.fill(index - reach, key, key + weight);
    key += weight;
  });
  return row;
}

/** The ptable of one configuration: rows for counts up to k + D (larger counts use the last). */
export interface Ptable {
  control: DisclosureControl;
  rows: Int8Array[];
}

const tables = new Map<string, Ptable>();

export function ptable(control: DisclosureControl): Ptable {
  const name = `${control.threshold}|${control.maxNoise}|${control.variance}`;
  let table = tables.get(name);
  if (!table) {
    const last = control.threshold + control.maxNoise;
    table = {
      control,
      rows: Array.from({ length: last + 1 }, (_v, count) => ptableRow(count, control)),
    };
    tables.set(name, table);
  }
  return table;
}

/** The move the ptable gives a count of n with this cell key. */
export function perturbation(count: number, keySum: number, control: DisclosureControl): number {
  if (control.maxNoise === 0 || count <= 0) return 0;
  const { rows } = ptable(control);
  return rows[Math.min(count, rows.length - 1)][cellKey(keySum)];
}

/**
 * The count as published: 0 stays 0, 1 to k - 1 is withheld (null), anything else is moved by
 * the ptable. `hidden` adds the cells suppression hides for other cells' sake.
 */
export function publishedCount(
  count: number,
  keySum: number,
  control: DisclosureControl,
  hidden = false,
): number | null {
  if (count === 0) return 0;
  if (hidden || count < control.threshold) return null;
  return count + perturbation(count, keySum, control);
}

/** The moves a count of n can take, with how many of the 256 keys give each: what an analyst may rely on. */
export function possibleMoves(count: number, control: DisclosureControl): Map<number, number> {
  const moves = new Map<number, number>();
  if (control.maxNoise === 0 || count <= 0) return new Map([[0, KEY_RANGE]]);
  const { rows } = ptable(control);
  for (const move of rows[Math.min(count, rows.length - 1)]) {
    moves.set(move, (moves.get(move) ?? 0) + 1);
  }
  return moves;
}
