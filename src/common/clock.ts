/**
 * The one clock the hub reads for "now": statutory windows (a CPW's compliance date, the case
 * review's six months), working-day deadlines, "in the future" checks, retention and the time
 * stamps it records. Nothing else in `src/` asks the system for the date, so a test (or a
 * demonstration) can set the hub's time and the same rules hold on any day the suite runs.
 *
 * Durations (request time limits, rate-limit buckets, progress bars) are not dates: they keep
 * measuring real elapsed time with `Date.now()`/`performance.now()`, whatever this clock says.
 */
let startedAt: number | undefined;
let setAt = 0;
let frozen = false;

export const clock = {
  /** The hub's current instant. */
  now(): Date {
    return new Date(clock.nowMs());
  },
  nowMs(): number {
    if (startedAt === undefined) return Date.now();
    return frozen ? startedAt : startedAt + (Date.now() - setAt);
  },
};

/**
 * Sets the hub's time to `start`; it runs on from there in real time, or stays at `start` when
 * `frozen`. Tests call it (test/support/clock.ts); a non-production hub calls it once at start-up
 * when `HUB_CLOCK_START` is given, so spawned hub processes share a test's time.
 */
export function setClock(start: Date, options: { frozen?: boolean; asOfMs?: number } = {}) {
  if (Number.isNaN(start.getTime())) throw new Error('setClock needs a valid date');
  startedAt = start.getTime();
  // `asOfMs`: the system time at which `start` was the time. A spawned hub passes its parent's,
  // so the seconds it spends loading do not put its clock behind the parent's.
  setAt = options.asOfMs ?? Date.now();
  frozen = options.frozen ?? false;
}

/** Back to the system's time. */
export function resetClock() {
  startedAt = undefined;
  frozen = false;
}
