/**
 * Small-number suppression (statistical disclosure control) for every aggregate the hub answers.
 * Pure functions: counts in, which cells to hide out. The rule (README "Aggregates and exports",
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
 * - Totals are true totals, so that answers grouped differently over the same filter agree and
 *   cannot be differenced against each other; a total below k is hidden, and then so is every cell.
 */

/** Cells that add up to a margin. */
export interface Line {
  /** Indices of the cells in the line. */
  cells: readonly number[];
  /** Whether a caller can learn the line's total, from this answer or another. */
  marginKnown: boolean;
}

/** A cell the primary rule hides: 0 < count < k. */
export const belowThreshold = (count: number, threshold: number) =>
  count > 0 && count < threshold;

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
    line.cells
      .filter((cell) => counts[cell] > 0)
      .sort((a, b) => counts[a] - counts[b] || a - b),
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
      // could still be worked out, which no hiding here can prevent (README: honest limits).
      for (const cell of order) hide(cell);
    }
  }
  return hidden;
}

/** A non-empty cell of a table: its key in each dimension (null: not known) and its count. */
export interface CubeCell {
  keys: readonly (string | null)[];
  count: number;
}

export interface CellState {
  count: number;
  hidden: boolean;
}

export interface SuppressedCube {
  /** One flag per input cell. */
  hidden: boolean[];
  /**
   * The same counts grouped by some of the dimensions (indices, ascending), suppressed exactly as
   * the answer grouped by those dimensions is: key (the kept keys joined) to count and flag.
   */
  margin(dimensions: readonly number[]): Map<string, CellState>;
  /** The true total, hidden when below the threshold. */
  total: CellState;
}

const SEPARATOR = '\u001f';
const NULL_KEY = '\u0000';

/** The key of a cell in the margin over `dimensions`. */
export const marginKey = (keys: readonly (string | null)[], dimensions: readonly number[]) =>
  dimensions.map((dimension) => keys[dimension] ?? NULL_KEY).join(SEPARATOR);

const dimensionsOf = (mask: number, count: number) =>
  Array.from({ length: count }, (_v, index) => index).filter((index) => mask & (1 << index));

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
  const memo = new Map<number, Map<string, CellState>>();
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);

  const solve = (mask: number): Map<string, CellState> => {
    const known = memo.get(mask);
    if (known) return known;
    const kept = dimensionsOf(mask, dimensions);
    const counts: number[] = [];
    const keyIndex = new Map<string, number>();
    const keyCells: (readonly (string | null)[])[] = [];
    for (const cell of cells) {
      const key = marginKey(cell.keys, kept);
      const index = keyIndex.get(key);
      if (index === undefined) {
        keyIndex.set(key, counts.length);
        counts.push(cell.count);
        keyCells.push(cell.keys);
      } else counts[index] += cell.count;
    }
    let hidden: boolean[];
    if (mask === 0) {
      hidden = counts.map((count) => belowThreshold(count, threshold));
    } else {
      const lines: Line[] = [];
      // Every coarser grouping is a set of lines: rows and columns, planes, the whole table.
      for (let sub = (mask - 1) & mask; ; sub = (sub - 1) & mask) {
        const subDimensions = dimensionsOf(sub, dimensions);
        const margins = solve(sub);
        const groups = new Map<string, number[]>();
        keyCells.forEach((keys, index) => {
          const key = marginKey(keys, subDimensions);
          const group = groups.get(key);
          if (group) group.push(index);
          else groups.set(key, [index]);
        });
        for (const [key, group] of groups) {
          const margin = margins.get(key);
          lines.push({ cells: group, marginKnown: !!margin && margin.count > 0 && !margin.hidden });
        }
        if (sub === 0) break;
      }
      hidden = suppressCells(counts, lines, threshold);
    }
    const entries = new Map<string, CellState>();
    for (const [key, index] of keyIndex) {
      entries.set(key, { count: counts[index], hidden: hidden[index] });
    }
    memo.set(mask, entries);
    return entries;
  };

  const full = (1 << dimensions) - 1;
  const all = dimensionsOf(full, dimensions);
  const answer = solve(full);
  return {
    hidden: cells.map((cell) => answer.get(marginKey(cell.keys, all))!.hidden),
    margin: (kept) => solve(kept.reduce((mask, dimension) => mask | (1 << dimension), 0)),
    total: { count: total, hidden: belowThreshold(total, threshold) },
  };
}
