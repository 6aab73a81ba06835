/**
 * Working days: Monday to Friday, less the bank holidays of England and Wales (and any the
 * administrator adds). Case review timescales are counted in them. Dates are ISO calendar days.
 */
export class WorkingCalendar {
  constructor(private readonly holidays: ReadonlySet<string>) {}

  isWorkingDay(day: string): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  /** The day `count` working days after `day` (the day itself not counted). */
  addWorkingDays(day: string, count: number): string {
    let current = day;
    let remaining = count;
    while (remaining > 0) {
      current = nextDay(current);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }
}

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The calendar day of a moment in England and Wales. */
export function londonDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}
