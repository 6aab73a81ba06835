/**
 * Small-number suppression (statistical disclosure control) for every aggregate the hub answers.
 * Pure functions: counts in, which cells to hide out. The rule (docs/analysts.md,
 * docs/rules.md):
 *
 * - Primary: a non-empty cell with a count below the area's threshold k (`smallNumberThreshold`,
 *   default 5) is hidden. Empty cells (0) are not cells at all: a zero identifies nobody.
 * - Complementary: for every line whose margin a caller can learn (the whole table, and in a
 *   table of two dimensions every row and column, since the answers grouped by one dimension give
 *   those margins), if the line hides anything it hides at least two non-empty cells adding up to
 *   at least k; otherwise its smallest visible cell is hidden too, and so on until every line holds.
 *   So no hidden cell can be found by subtracting the visible ones from a margin, nor narrowed to
 *   a range that names fewer than k.
 * - Totals are the true totals of the cells here, so that answers grouped differently over the
 *   same filter agree; a total below k is hidden, and then so is every cell. What is published
 *   of counts of incidents is then moved by the cell key method (cell-key.ts), the total too.
 */

/** Cells that add up to a margin. */
export interface Line {
  /** Indices of the cells in the line. */
  cells: readonly number[];
  /** Whether a caller can learn the line's total, from this answer or another. */
  marginKnown: boolean;
}

/** A cell the primary rule hides: 0 < count < k. */
export const belowThreshold = (count: number, threshold: number) => count > 0 && count < threshold;

/**
 * Which cells to hide, given the lines whose margins a caller can learn. `links` are groups of
 * cells that describe the same thing (the measures of one intervention kind): hiding one hides all.
 * Returns one flag per cell.
 */
export function suppressCells(
  counts: readonly number[],
  lines: readonly Line[],
  threshold: number,
  links: readonly (readonly number[])[] = [],
): boolean[] {
  const size = counts.length;
  const hidden = new Array<boolean>(size).fill(false);
  const linesOfCell: number[][] = Array.from({ length: size }, () => []);
  lines.forEach((line, index) => line.cells.forEach((cell) => linesOfCell[cell].push(index)));
  const linksOfCell: number[][] = Array.from({ length: size }, () => []);
  links.forEach((link, index) => link.forEach((cell) => linksOfCell[cell].push(index)));

  // The only non-empty cell of a line with a known margin is that margin: hiding it protects nothing.
  const pinned = new Array<boolean>(size).fill(false);
  for (const line of lines) {
    if (!line.marginKnown) continue;
    const nonEmpty = line.cells.filter((cell) => counts[cell] > 0);
    if (nonEmpty.length === 1) pinned[nonEmpty[0]] = true;
  }

  const hiddenCount = new Array<number>(lines.length).fill(0);
  const hiddenSum = new Array<number>(lines.length).fill(0);
  // Each line's non-empty cells, smallest first, with a cursor past those already hidden or pinned.
  const bySize = lines.map((line) =>
    line.cells.filter((cell) => counts[cell] > 0).sort((a, b) => counts[a] - counts[b] || a - b),
  );
  const cursor = new Array<number>(lines.length).fill(0);
  const queued = new Array<boolean>(lines.length).fill(false);
  // First in, first out: lines are settled in the order they were disturbed.
  const queue: number[] = [];
  let head = 0;
  const enqueue = (line: number) => {
    if (!queued[line] && lines[line].marginKnown) {
      queued[line] = true;
      queue.push(line);
    }
  };

  const hide = (first: number) => {
    const stack = [first];
    while (stack.length) {
      const cell = stack.pop()!;
      if (hidden[cell]) continue;
      hidden[cell] = true;
      if (counts[cell] > 0) {
        for (const line of linesOfCell[cell]) {
          hiddenCount[line] += 1;
          hiddenSum[line] += counts[cell];
          enqueue(line);
        }
      }
      for (const link of linksOfCell[cell]) stack.push(...links[link]);
    }
  };

  counts.forEach((count, cell) => {
    if (belowThreshold(count, threshold)) hide(cell);
  });
  lines.forEach((_line, index) => enqueue(index));

  while (head < queue.length) {
    const line = queue[head++];
    queued[line] = false;
    const order = bySize[line];
    // A line of one non-empty cell publishes that cell as its margin: at least k, nothing to hide.
    if (order.length < 2 || hiddenCount[line] === 0) continue;
    if (hiddenCount[line] >= 2 && hiddenSum[line] >= threshold) continue;
    let at = cursor[line];
    while (at < order.length && (hidden[order[at]] || pinned[order[at]])) at += 1;
    cursor[line] = at;
    if (at < order.length) {
      hide(order[at]);
    } else {
      // Every visible cell left is pinned (rare, in sparse two-way tables). Hide them all, so that
      // this answer alone gives nothing away; with the one-way answers beside it the hidden cell
      // could still be worked out, which no hiding here can prevent (docs/analysts.md: honest limits).
      for (const cell of order) hide(cell);
    }
  }
  return hidden;
}

/** A non-empty cell of a table: its key in each dimension (null: not known) and its count. */
export interface CubeCell {
  keys: readonly (string | null)[];
  count: number;
  /** The sum of its records' keys (cell-key.ts); a margin's is the sum of its cells'. */
  recordKeys?: number;
}

export interface CellState {
  count: number;
  hidden: boolean;
  recordKeys: number;
}

export interface SuppressedCube {
  /** One flag per input cell. */
  hidden: boolean[];
  /**
   * The same counts grouped by some of the dimensions (indices, ascending), suppressed exactly as
   * the answer grouped by those dimensions is: key (the kept keys joined) to count and flag.
   */
  margin(dimensions: readonly number[]): Map<string, CellState>;
  /** The true total (and its records' keys), hidden when below the threshold. */
  total: CellState;
}

const SEPARATOR = '\u001f';
const NULL_KEY = '\u0000';

/** The key of a cell in the margin over `dimensions`. */
export const marginKey = (keys: readonly (string | null)[], dimensions: readonly number[]) =>
  dimensions.map((dimension) => keys[dimension] ?? NULL_KEY).join(SEPARATOR);

/** One grouping of the table: its non-empty cells' counts and flags, and where each cell went. */
interface Grouping {
  counts: number[];
  hidden: boolean[];
  recordKeys: number[];
  /** For each input cell, the index of its group. */
  groupOf: Int32Array;
  /** For each group, one input cell in it. */
  sample: number[];
}

/**
 * Suppression of a table of any number of dimensions (the hub uses up to three). The margins a
 * caller can learn are the answers grouped by fewer dimensions (rows, columns, the total), so they
 * are computed (and suppressed) first, recursively; each is a line of this table, whose margin
 * counts as known when that answer shows it.
 */
export function suppressCube(
  cells: readonly CubeCell[],
  dimensions: number,
  threshold: number,
): SuppressedCube {
  // Each key as a small number per dimension, so that a cell's key in any grouping is a number.
  const codes = cells.map(() => new Array<number>(dimensions));
  const strides: number[] = [];
  let stride = 1;
  for (let dimension = 0; dimension < dimensions; dimension += 1) {
    const dictionary = new Map<string | null, number>();
    cells.forEach((cell, index) => {
      const key = cell.keys[dimension] ?? null;
      let code = dictionary.get(key);
      if (code === undefined) {
        code = dictionary.size;
        dictionary.set(key, code);
      }
      codes[index][dimension] = code;
    });
    strides.push(stride);
    stride *= Math.max(1, dictionary.size);
  }
  const keyIn = (cell: number, mask: number) => {
    let key = 0;
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      if (mask & (1 << dimension)) key += codes[cell][dimension] * strides[dimension];
    }
    return key;
  };

  const memo = new Map<number, Grouping>();
  const solve = (mask: number): Grouping => {
    const known = memo.get(mask);
    if (known) return known;
    const counts: number[] = [];
    const recordKeys: number[] = [];
    const sample: number[] = [];
    const groupOf = new Int32Array(cells.length);
    const position = new Map<number, number>();
    cells.forEach((cell, index) => {
      const key = keyIn(index, mask);
      let group = position.get(key);
      if (group === undefined) {
        group = counts.length;
        position.set(key, group);
        counts.push(0);
        recordKeys.push(0);
        sample.push(index);
      }
      counts[group] += cell.count;
      recordKeys[group] += cell.recordKeys ?? 0;
      groupOf[index] = group;
    });
    let hidden: boolean[];
    if (mask === 0) {
      hidden = counts.map((count) => belowThreshold(count, threshold));
    } else {
      const lines: Line[] = [];
      // Every coarser grouping is a set of lines: rows and columns, planes, the whole table.
      for (let sub = (mask - 1) & mask; ; sub = (sub - 1) & mask) {
        const margins = solve(sub);
        const members = margins.counts.map((): number[] => []);
        sample.forEach((cell, group) => members[margins.groupOf[cell]].push(group));
        members.forEach((line, margin) => {
          if (line.length === 0) return;
          const known = margins.counts[margin] > 0 && !margins.hidden[margin];
          lines.push({ cells: line, marginKnown: known });
        });
        if (sub === 0) break;
      }
      hidden = suppressCells(counts, lines, threshold);
    }
    const grouping = { counts, hidden, recordKeys, groupOf, sample };
    memo.set(mask, grouping);
    return grouping;
  };

  const full = (1 << dimensions) - 1;
  const answer = solve(full);
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const recordKeys = cells.reduce((sum, cell) => sum + (cell.recordKeys ?? 0), 0);
  return {
    hidden: cells.map((_cell, index) => answer.hidden[answer.groupOf[index]]),
    margin: (kept) => {
      const grouping = solve(kept.reduce((mask, dimension) => mask | (1 << dimension), 0));
      return new Map(
        grouping.sample.map((cell, group) => [
          marginKey(cells[cell].keys, kept),
          {
            count: grouping.counts[group],
            hidden: grouping.hidden[group],
            recordKeys: grouping.recordKeys[group],
          },
        ]),
      );
    },
    total: { count: total, hidden: belowThreshold(total, threshold), recordKeys },
  };
}
