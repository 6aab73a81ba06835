import { clock, setClock } from '../../src/common/clock';

/**
 * The time the suite starts at, whatever day it runs: the day its dated examples were written
 * against ("this month" is November 2026). The clock runs on from here in real time; a test that
 * needs another moment sets it (`setClock`) and puts it back after (`resumeTestClock`).
 */
export const TEST_CLOCK_START = new Date('2026-11-24T12:00:00Z');

/**
 * One timeline for the whole run: every worker (and the child that loads the demo story) is as far
 * past TEST_CLOCK_START as the run is past its start, so rows written by different test files
 * keep their real order (the audit lists newest first).
 */
function runClock(): Date {
  const runStarted = Number(process.env.HUB_TEST_RUN_STARTED_MS || Date.now());
  return new Date(TEST_CLOCK_START.getTime() + (Date.now() - runStarted));
}

/** Back to the run's timeline after a test set another moment. */
export const resumeTestClock = () => setClock(runClock());

/** For a hub process a test starts: the same time as the test's own. */
export const hubClockEnv = () => ({
  HUB_CLOCK_START: clock.now().toISOString(),
  HUB_CLOCK_START_AS_OF_MS: String(Date.now()),
});

resumeTestClock();
