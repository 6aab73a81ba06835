import {
  cellKey,
  KEY_RANGE,
  perturbation,
  possibleMoves,
  ptableRow,
  publishedCount,
  type DisclosureControl,
} from '../../src/aggregates/cell-key';

const controls: DisclosureControl[] = [
  { threshold: 5, maxNoise: 3, variance: 2 },
  { threshold: 10, maxNoise: 5, variance: 4 },
  { threshold: 3, maxNoise: 2, variance: 1 },
  { threshold: 5, maxNoise: 1, variance: 10 },
];

describe('the cell key method (pure)', () => {
  it('moves every count by a ptable row that is unbiased, within D, never below the threshold, with variance V where the count leaves room', () => {
    for (const control of controls) {
      for (let count = control.threshold; count < control.threshold + 30; count += 1) {
        const row = ptableRow(count, control);
        expect(row).toHaveLength(KEY_RANGE);
        const moves = [...row];
        const mean = moves.reduce((sum, move) => sum + move, 0) / KEY_RANGE;
        const variance = moves.reduce((sum, move) => sum + move * move, 0) / KEY_RANGE;
        expect([control, count, mean]).toEqual([control, count, 0]);
        expect(Math.max(...moves.map(Math.abs))).toBeLessThanOrEqual(control.maxNoise);
        expect(Math.min(...moves.map((move) => count + move))).toBeGreaterThanOrEqual(
          control.threshold,
        );
        const reach = Math.min(control.maxNoise, count - control.threshold);
        // The most variance moves of at most `reach` can have, spread over them all, is uniform's.
        const room = (reach * (reach + 1)) / 3;
        const target = Math.min(control.variance, room);
        expect(Math.abs(variance - target)).toBeLessThan(0.15 * Math.max(1, target));
      }
    }
  });

  it('withholds 1 to k - 1, keeps 0, and leaves counts exact when D is 0', () => {
    const control = controls[0];
    for (let key = 0; key < 600; key += 37) {
      expect(publishedCount(0, key, control)).toBe(0);
      for (let count = 1; count < control.threshold; count += 1) {
        expect(publishedCount(count, key, control)).toBeNull();
      }
      expect(publishedCount(40, key, { ...control, maxNoise: 0 })).toBe(40);
      expect(publishedCount(40, key, control, true)).toBeNull();
    }
  });

  it('gives the same count and key sum the same move, and takes key sums modulo 256', () => {
    const control = controls[0];
    expect(cellKey(256 * 7 + 13)).toBe(13);
    expect(cellKey(-3)).toBe(253);
    for (let sum = 0; sum < 2000; sum += 11) {
      expect(perturbation(30, sum, control)).toBe(perturbation(30, sum + 256, control));
    }
    // Every move of the row is reached by some key.
    const moves = possibleMoves(30, control);
    expect([...moves.keys()].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect([...moves.values()].reduce((a, b) => a + b, 0)).toBe(KEY_RANGE);
  });
});
