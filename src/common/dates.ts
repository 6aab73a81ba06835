/** Calendar months back from a moment, clamping to the month's last day (31 Aug - 6 months = 28/29 Feb). */
export function subtractMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function addMonths(date: Date, months: number): Date {
  return subtractMonths(date, -months);
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
