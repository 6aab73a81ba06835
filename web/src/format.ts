/** Dates as a UK reader expects them, in UK time whatever the tablet's zone. */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export const when = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '');
export const day = (iso: string | null | undefined) =>
  iso ? dateOnly.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '';

/** "MENTAL_ILL_HEALTH" as "Mental ill health". */
export const words = (value: string | null | undefined) =>
  value ? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ') : '';

/** A datetime-local input's value (the tablet's own time zone) as an ISO instant. */
export const localInputToIso = (value: string) => new Date(value).toISOString();
