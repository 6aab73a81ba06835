import { londonDay } from '../area-configuration/working-days';
import { type ErrorCode, HubError } from '../errors';

/**
 * The escalation ladder's rules, each with its source: a section of the Anti-social Behaviour,
 * Crime and Policing Act 2014, or the area's own procedure. Statutory rules cannot be waived;
 * an area-procedure step may be skipped when the reason is recorded. docs/rules.md lists
 * every rule with its error code and the test that proves it.
 */
export interface LadderRule {
  source: string;
  /** False for the area's own steps, which a recorded reason may skip. */
  statutory: boolean;
}

export const LADDER_RULES = {
  WARNING_LETTER_REQUIRED: { source: 'area procedure', statutory: false },
  CPW_REQUIRED: { source: '2014 Act s.43(5)', statutory: true },
  COMPLIANCE_DATE_NOT_PASSED: { source: '2014 Act s.43(5)', statutory: true },
  BREACH_REQUIRED: { source: '2014 Act s.43(5)', statutory: true },
  SUBJECT_AGE_UNKNOWN: { source: '2014 Act s.43(1) and s.1', statutory: true },
  SUBJECT_TOO_YOUNG: { source: '2014 Act s.43(1) and s.1', statutory: true },
  FIXED_PENALTY_TOO_HIGH: { source: '2014 Act s.52', statutory: true },
  PROSECUTION_TOO_SOON: { source: '2014 Act s.52', statutory: true },
  CLOSURE_NOTICE_TOO_LONG: { source: '2014 Act s.77', statutory: true },
  SIGN_OFF_REQUIRED: { source: '2014 Act s.77', statutory: true },
  CLOSURE_NOTICE_REQUIRED: { source: '2014 Act s.80(1)', statutory: true },
  HEARING_TOO_LATE: { source: '2014 Act s.80(3)-(4)', statutory: true },
  CLOSURE_ORDER_TOO_LONG: { source: '2014 Act s.80(6)', statutory: true },
  CLOSURE_ORDER_TOTAL_TOO_LONG: { source: '2014 Act s.82', statutory: true },
  YOT_CONSULTATION_REQUIRED: { source: '2014 Act s.14(1)', statutory: true },
  CONVICTION_REQUIRED: { source: '2014 Act s.22(1)', statutory: true },
  CONSENT_REQUIRED: {
    source: 'area procedure (statutory guidance: mediation is voluntary)',
    statutory: true,
  },
} satisfies Partial<Record<ErrorCode, LadderRule>>;

export type LadderCode = keyof typeof LADDER_RULES;

/**
 * A refusal naming the rule and what is missing. The message ends with the source, and
 * `extensions.source` carries it too, so a client can show it apart.
 */
export function refuse(
  code: LadderCode,
  message: string,
  options: { field?: string; source?: string } = {},
): HubError {
  const source = options.source ?? LADDER_RULES[code].source;
  return new HubError(code, `${message} (${source})`, {
    source,
    ...(options.field ? { field: options.field } : {}),
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The ISO day `count` days after `day` (negative: before). */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Whole years of age on `day` (a person born on 29 February turns a year older on 1 March). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Hours from `from` to `to`, Christmas Day not counted (ss.77 and 80(4)). England is on GMT in
 * December, so Christmas Day is 25 December 00:00 to 26 December 00:00 UTC.
 */
export function hoursExcludingChristmas(from: Date, to: Date): number {
  let ms = to.getTime() - from.getTime();
  for (let year = from.getUTCFullYear(); year <= to.getUTCFullYear(); year += 1) {
    const start = Date.UTC(year, 11, 25);
    const overlap = Math.min(to.getTime(), start + DAY_MS) - Math.max(from.getTime(), start);
    if (overlap > 0) ms -= overlap;
  }
  return ms / HOUR_MS;
}

/** The calendar day, in England, on which something happened. */
export const dayOf = londonDay;

/** s.46(2): an appeal to the magistrates within 21 days beginning with the day of issue. */
export const CPN_APPEAL_DAYS = 21;
/** s.52: a fixed penalty may not be more than £100. */
export const FIXED_PENALTY_MAX_PENCE = 100_00;
/** s.52: no proceedings for the offence before the end of 14 days following the notice. */
export const FIXED_PENALTY_PROSECUTION_BAR_DAYS = 14;
/** s.77: a closure notice lasts up to 24 hours, or 48 with a senior sign-off. */
export const CLOSURE_NOTICE_HOURS = 24;
export const CLOSURE_NOTICE_SIGNED_OFF_HOURS = 48;
/** s.80(3): the closure order application is heard within 48 hours of service of the notice. */
export const CLOSURE_HEARING_HOURS = 48;
/** s.80(6): a closure order lasts up to 3 months; s.82: up to 6 months in all with extensions. */
export const CLOSURE_ORDER_MONTHS = 3;
export const CLOSURE_ORDER_TOTAL_MONTHS = 6;
/** s.1: a civil injunction respondent is 10 or over; s.14: the YOT is consulted when under 18. */
export const INJUNCTION_MINIMUM_AGE = 10;
export const YOUTH_AGE = 18;

/** The last day a CPN issued on `issuedAt` may be appealed: the day of issue is the first of the 21 (s.46(2)). */
export const appealDeadline = (issuedAt: Date) => addDays(dayOf(issuedAt), CPN_APPEAL_DAYS - 1);

/** The first day proceedings may begin after a fixed penalty given on `issuedAt` (s.52). */
export const prosecutionNotBefore = (issuedAt: Date) =>
  addDays(dayOf(issuedAt), FIXED_PENALTY_PROSECUTION_BAR_DAYS + 1);
