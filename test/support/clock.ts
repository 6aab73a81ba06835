import { clock, setClock } from '../../src/common/clock';

/**
 * The time every test file's hub starts at, whatever day the suite runs: the day the suite's dated
 * examples were written against ("this month" is November 2026). The clock runs on from here in
 * real time; a test that needs another moment sets it (`setClock`) and puts it back after.
 */
export const TEST_CLOCK_START = new Date('2026-11-24T12:00:00Z');

/** For a hub process a test starts: the same time as the test's own. */
export const hubClockEnv = () => ({ HUB_CLOCK_START: clock.now().toISOString() });

setClock(TEST_CLOCK_START);
