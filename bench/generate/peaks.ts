import { cumulativeOf, pickWeighted } from './random';

/**
 * SYNTHETIC times of day and days of week for incidents whose source gives the month only
 * (data.police.uk). The shape follows what force and council ASB analyses commonly report:
 * demand low before dawn, rising through the afternoon to an evening peak (18:00 to 22:00),
 * Friday and Saturday busiest, with their late evenings running past midnight, and a smaller
 * Sunday afternoon bump. These weights are ours, not published figures: anything generated
 * with them says so.
 */
const HOUR_WEIGHTS = [
  // 00  01   02   03   04   05   06   07   08   09   10   11
  2.2, 1.6, 1.1, 0.7, 0.5, 0.5, 0.7, 1.1, 1.6, 2.0, 2.4, 2.8,
  // 12  13   14   15   16   17   18   19   20   21   22   23
  3.2, 3.4, 3.6, 4.2, 5.0, 5.6, 6.2, 6.6, 6.8, 6.2, 5.0, 3.4,
];

/** Monday first, as ISO 8601 counts (and as PostgreSQL's isodow returns 1 to 7). */
const DAY_WEIGHTS = [0.9, 0.88, 0.92, 0.98, 1.2, 1.32, 1.05];

/** Friday and Saturday nights: later hours of that evening and the small hours after it. */
function weekendNight(day: number, hour: number): number {
  if ((day === 4 || day === 5) && hour >= 21) return 1.35;
  if ((day === 5 || day === 6) && hour <= 2) return 1.8;
  if (day === 6 && hour >= 13 && hour <= 17) return 1.15;
  return 1;
}

/** 168 hours of the week, Monday 00:00 first. */
export const HOUR_OF_WEEK_WEIGHTS: readonly number[] = Array.from({ length: 168 }, (_, i) => {
  const day = Math.floor(i / 24);
  const hour = i % 24;
  return DAY_WEIGHTS[day] * HOUR_WEIGHTS[hour] * weekendNight(day, hour);
});

const HOUR_OF_WEEK_CUMULATIVE = cumulativeOf(HOUR_OF_WEEK_WEIGHTS);

/**
 * A moment within the given month (UTC), drawn so that its day of week and hour follow the
 * weights above. Days of the month whose day of week is busier are picked more often.
 */
export function syntheticMomentInMonth(year: number, month: number, random: () => number): Date {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Candidate (day of month, hour) pairs weighted by their hour of week.
  for (;;) {
    const hourOfWeek = pickWeighted(HOUR_OF_WEEK_CUMULATIVE, random);
    const isoDay = Math.floor(hourOfWeek / 24); // 0 = Monday
    const hour = hourOfWeek % 24;
    const firstIsoDay = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
    const firstMatch = 1 + ((isoDay - firstIsoDay + 7) % 7);
    const matches = Math.floor((daysInMonth - firstMatch) / 7) + 1;
    // Months with five of this weekday get them in proportion.
    const day = firstMatch + 7 * Math.floor(random() * matches);
    if (day > daysInMonth) continue;
    const minute = Math.floor(random() * 60);
    return new Date(Date.UTC(year, month - 1, day, hour, minute));
  }
}
