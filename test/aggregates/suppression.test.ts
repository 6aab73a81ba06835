import { AggregateMeasure } from '../../src/aggregates/aggregate-enums';
import { exactCounts } from '../../src/aggregates/cell-key';
import { caseReviewStatisticsTable } from '../../src/aggregates/case-review-statistics.service';
import { interventionImpactTable } from '../../src/aggregates/intervention-impact.service';
import { interventionStatisticsTable } from '../../src/aggregates/intervention-statistics.service';
import { repeatDemandTable } from '../../src/aggregates/repeat-demand.service';
import { suppressCells, suppressCube, type CubeCell } from '../../src/aggregates/suppression';

const K = 5;
/** Suppression alone: these tests check which cells are hidden, on exact counts. */
const EXACT = exactCounts(K);
const period = { from: '2019-01-01', to: '2020-01-01' };
const oneWay = (counts: number[]) => counts.map((count, i) => ({ keys: [`c${i}`], count }));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The rule, checked on any answer: in every line whose margin a caller can learn, the hidden
 * non-empty cells are none, or at least two adding up to at least k.
 */
function unprotectedLines(
  counts: number[],
  hidden: boolean[],
  lines: { cells: number[]; margin: number; marginShown: boolean }[],
) {
  return lines.filter((line) => {
    // A line with one non-empty cell shows that cell as its margin, which is at least k.
    if (!line.marginShown || line.cells.filter((cell) => counts[cell] > 0).length < 2) return false;
    const hiddenCells = line.cells.filter((cell) => counts[cell] > 0 && hidden[cell]);
    return (
      hiddenCells.length > 0 &&
      (hiddenCells.length < 2 || sum(hiddenCells.map((cell) => counts[cell])) < K)
    );
  });
}

/** A two-way table's rows, columns and total, with whether the one-way answers show each margin. */
function twoWayLines(cells: CubeCell[]) {
  const cube = suppressCube(cells, 2, K);
  const lines: { cells: number[]; margin: number; marginShown: boolean }[] = [];
  for (const dimension of [0, 1]) {
    const margins = cube.margin([1 - dimension]);
    const groups = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const key = String(cell.keys[1 - dimension]);
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    for (const [key, group] of groups) {
      const margin = margins.get(key)!;
      lines.push({ cells: group, margin: margin.count, marginShown: !margin.hidden });
    }
  }
  lines.push({
    cells: cells.map((_c, index) => index),
    margin: cube.total.count,
    marginShown: !cube.total.hidden,
  });
  return { cube, lines };
}

describe('small-number suppression (pure)', () => {
  it('hides a small cell and the smallest other cell of a one-way table, so the total less the visible cells is at least the threshold', () => {
    const counts = [3, 10, 20, 40];
    const cube = suppressCube(oneWay(counts), 1, K);
    expect(cube.hidden).toEqual([true, true, false, false]);
    expect(cube.total).toEqual({ count: 73, hidden: false, recordKeys: 0 });
    const visible = sum(counts.filter((_c, i) => !cube.hidden[i]));
    expect(cube.total.count - visible).toBeGreaterThanOrEqual(K);
  });

  it('hides a third cell when the two small cells add up to less than the threshold', () => {
    const cube = suppressCube(oneWay([1, 2, 30, 40]), 1, K);
    expect(cube.hidden).toEqual([true, true, true, false]);
  });

  it('leaves a table with no cell below the threshold untouched', () => {
    const cube = suppressCube(oneWay([5, 6, 70]), 1, K);
    expect(cube.hidden).toEqual([false, false, false]);
  });

  it('hides every cell and the total when the total is below the threshold', () => {
    const cube = suppressCube(oneWay([1, 2]), 1, K);
    expect(cube.hidden).toEqual([true, true]);
    expect(cube.total).toEqual({ count: 3, hidden: true, recordKeys: 0 });
  });

  it('protects every row and column of a two-way table whose margin the one-way answers show', () => {
    const cells: CubeCell[] = [
      { keys: ['A', 'X'], count: 3 },
      { keys: ['A', 'Y'], count: 20 },
      { keys: ['A', 'Z'], count: 30 },
      { keys: ['B', 'X'], count: 15 },
      { keys: ['B', 'Y'], count: 25 },
      { keys: ['B', 'Z'], count: 40 },
      { keys: ['C', 'X'], count: 30 },
      { keys: ['C', 'Y'], count: 12 },
      { keys: ['C', 'Z'], count: 50 },
    ];
    const { cube, lines } = twoWayLines(cells);
    const counts = cells.map((cell) => cell.count);
    expect(cube.hidden[0]).toBe(true);
    expect(unprotectedLines(counts, cube.hidden, lines)).toEqual([]);
    // Row A and column X each hide at least two cells, so the 3 cannot be found by subtraction.
    expect(
      cube.hidden.filter((h, i) => h && cells[i].keys[0] === 'A').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      cube.hidden.filter((h, i) => h && cells[i].keys[1] === 'X').length,
    ).toBeGreaterThanOrEqual(2);
    expect(cube.hidden.filter((h) => !h).length).toBeGreaterThan(0);
  });

  it('does not hide a cell that is the only one in a row whose total is published, since hiding it protects nothing', () => {
    // Row B holds one cell: its margin in the answer by row is that cell.
    const cells: CubeCell[] = [
      { keys: ['A', 'X'], count: 3 },
      { keys: ['A', 'Y'], count: 40 },
      { keys: ['B', 'X'], count: 30 },
      { keys: ['C', 'X'], count: 8 },
      { keys: ['C', 'Y'], count: 9 },
    ];
    const { cube, lines } = twoWayLines(cells);
    expect(cube.hidden[2]).toBe(false);
    expect(
      unprotectedLines(
        cells.map((c) => c.count),
        cube.hidden,
        lines,
      ),
    ).toEqual([]);
  });

  it('protects every line of random sparse two-way tables', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let table = 0; table < 300; table += 1) {
      const cells: CubeCell[] = [];
      const rows = 1 + Math.floor(random() * 6);
      const columns = 1 + Math.floor(random() * 6);
      for (let r = 0; r < rows; r += 1) {
        for (let c = 0; c < columns; c += 1) {
          if (random() < 0.3) continue;
          const count =
            random() < 0.4 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 60);
          cells.push({ keys: [`r${r}`, `c${c}`], count });
        }
      }
      const { cube, lines } = twoWayLines(cells);
      const counts = cells.map((cell) => cell.count);
      expect(unprotectedLines(counts, cube.hidden, lines)).toEqual([]);
      counts.forEach((count, index) => {
        if (count < K) expect(cube.hidden[index]).toBe(true);
      });
    }
  });

  it('hides linked cells together: a kind of intervention hidden is hidden in every measure', () => {
    const hidden = suppressCells(
      [2, 30, 40, 9, 50, 60, 12, 70, 80],
      [0, 1, 2].map((measure) => ({
        cells: [measure, 3 + measure, 6 + measure],
        marginKnown: true,
      })),
      K,
      [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 8],
      ],
    );
    expect(hidden.slice(0, 3)).toEqual([true, true, true]);
    // The interventions column needs a second hidden cell: the 9, with its whole row.
    expect(hidden.slice(3, 6)).toEqual([true, true, true]);
    expect(hidden.slice(6)).toEqual([false, false, false]);
  });
});

describe('suppression of each aggregate (pure)', () => {
  it('repeat demand hides a small band with another, and the incidents total, which would let two exact bands be solved', () => {
    const keys = { subjectKeys: 0, incidentKeys: 0 };
    const table = repeatDemandTable(period, EXACT, [
      { band_min: 2, subjects: 3, incidents: 6, ...keys },
      { band_min: 3, subjects: 7, incidents: 21, ...keys },
      { band_min: 5, subjects: 20, incidents: 130, ...keys },
    ]);
    const subjects = table.cells.filter((cell) => cell.measure === AggregateMeasure.SUBJECTS);
    expect(subjects.map((cell) => [cell.keys[0].value, cell.count])).toEqual([
      ['2', null],
      ['3', null],
      ['5-9', 20],
    ]);
    expect(table.totals).toEqual([
      { measure: AggregateMeasure.SUBJECTS, count: 30, suppressed: false },
      { measure: AggregateMeasure.INCIDENTS, count: null, suppressed: true },
    ]);
    expect(table.suppressedCells).toBe(4);
  });

  it('case review statistics hide "no review" with "discretionary review" when one is small, since together they make "threshold not met"', () => {
    const table = caseReviewStatisticsTable(period, EXACT, {
      applications_keys: 0,
      decisions_keys: 0,
      threshold_met_keys: 0,
      discretionary_review_keys: 0,
      no_review_keys: 0,
      reviews_held_keys: 0,
      reviews_with_recommendations_keys: 0,
      appeals_keys: 0,
      applications: 25,
      decisions: 21,
      threshold_met: 10,
      discretionary_review: 3,
      no_review: 8,
      reviews_held: 12,
      reviews_with_recommendations: 9,
      appeals: 2,
    });
    const count = (measure: AggregateMeasure) =>
      table.cells.find((cell) => cell.measure === measure)?.count;
    expect(count(AggregateMeasure.DECISIONS)).toBe(21);
    expect(count(AggregateMeasure.DECISIONS_THRESHOLD_MET)).toBe(10);
    expect(count(AggregateMeasure.DECISIONS_THRESHOLD_NOT_MET)).toBe(11);
    expect(count(AggregateMeasure.DECISIONS_DISCRETIONARY_REVIEW)).toBeNull();
    expect(count(AggregateMeasure.DECISIONS_NO_REVIEW)).toBeNull();
    // 12 held, 9 with recommendations: the 3 without would follow by subtraction.
    expect(count(AggregateMeasure.REVIEWS_WITH_RECOMMENDATIONS)).toBeNull();
    expect(count(AggregateMeasure.REVIEWS_HELD)).toBe(12);
    expect(count(AggregateMeasure.APPEALS)).toBeNull();
    expect(count(AggregateMeasure.APPLICATIONS)).toBe(25);
  });

  it('intervention statistics hide "breached" when "issued but not breached" is small', () => {
    const keys = { breachedKeys: 0, notBreachedKeys: 0 };
    const table = interventionStatisticsTable(period, [], EXACT, [
      { kind: 'COMMUNITY_PROTECTION_WARNING', issued: 20, breached: 18, ...keys },
      { kind: 'COMMUNITY_PROTECTION_NOTICE', issued: 30, breached: 10, ...keys },
      { kind: 'CLOSURE_ORDER', issued: 12, breached: 6, ...keys },
    ]);
    const breached = table.cells.filter((cell) => cell.measure === AggregateMeasure.BREACHED);
    expect(breached[0].count).toBeNull();
    // The column of breached counts then needs a second hidden cell.
    expect(breached.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
    const issued = table.cells.filter((cell) => cell.measure === AggregateMeasure.ISSUED);
    expect(issued.map((cell) => cell.count)).toEqual([20, 30, 12]);
    expect(table.total).toBe(62);
  });

  it('intervention impact hides a kind with few interventions in every measure, withholds a small left-out count, and shows one intervention the viewer may read', () => {
    const keys = { interventionKeys: 0, beforeKeys: 0, afterKeys: 0, impreciseKeys: 0 };
    const rows = [
      {
        kind: 'CLOSURE_ORDER',
        ended: true,
        interventions: 2,
        before: 30,
        after: 12,
        imprecise: 0,
        ...keys,
      },
      {
        kind: 'COMMUNITY_PROTECTION_WARNING',
        ended: true,
        interventions: 40,
        before: 90,
        after: 60,
        imprecise: 7,
        ...keys,
      },
      {
        kind: 'COMMUNITY_PROTECTION_NOTICE',
        ended: true,
        interventions: 9,
        before: 20,
        after: 25,
        imprecise: 0,
        ...keys,
      },
      {
        kind: 'CLOSURE_ORDER',
        ended: false,
        interventions: 4,
        before: 0,
        after: 0,
        imprecise: 0,
        ...keys,
      },
    ];
    const table = interventionImpactTable(period, EXACT, rows);
    const closure = table.cells.filter((cell) => cell.keys[0].value === 'CLOSURE_ORDER');
    expect(closure.every((cell) => cell.suppressed)).toBe(true);
    // Left-out counts are counts like any cell: 4 is below the threshold and withheld.
    expect(table.excludedWindowNotEnded).toBeNull();
    expect(table.excludedForPrecision).toBe(7);
    const single = interventionImpactTable(
      period,
      EXACT,
      [
        {
          kind: 'CLOSURE_ORDER',
          ended: true,
          interventions: 1,
          before: 30,
          after: 2,
          imprecise: 0,
          ...keys,
        },
      ],
      true,
    );
    expect(single.cells.map((cell) => cell.count)).toEqual([1, 30, null]);
  });
});
