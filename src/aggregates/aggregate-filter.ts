import { addMonths, isoDay } from '../common/dates';
import { requireLocalDate } from '../common/validate';
import { badInput } from '../errors';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { InterventionKind } from '../interventions/intervention-enums';
import { AggregateDimension, INCIDENT_DIMENSIONS } from './aggregate-enums';

/** Whole days in UK time: [from, to). */
export interface Period {
  from: string;
  to: string;
}

/** Which incidents an aggregate counts, checked. */
export interface IncidentFilter extends Period {
  lsoaCodes?: readonly string[] | null;
  localAuthority?: string | null;
  categories?: readonly IncidentCategory[] | null;
  /** Police force areas, as data.police.uk names them ("Falls within"). */
  policeForces?: readonly string[] | null;
  /** Who reported, as data.police.uk names them ("Reported by"). */
  reportedBy?: readonly string[] | null;
}

/** Which interventions, checked. */
export interface InterventionScope extends Period {
  kinds?: readonly InterventionKind[] | null;
}

/** The longest period one answer covers, in months: bounds the work one request can ask for. */
export const MAX_PERIOD_MONTHS = 120;
export const MAX_LSOA_CODES = 1000;
/** England and Wales have 43 territorial forces, and British Transport Police reports too. */
export const MAX_FORCES = 50;
const LSOA_CODE = /^[A-Z]\d{8}$/;

export function checkPeriod(input: Period): Period {
  const from = requireLocalDate(input.from, 'from');
  const to = requireLocalDate(input.to, 'to');
  if (to <= from) throw badInput('to must be after from (the period is [from, to))', 'to');
  const latest = isoDay(addMonths(new Date(`${from}T00:00:00Z`), MAX_PERIOD_MONTHS));
  if (to > latest) {
    throw badInput(`The period may be at most ${MAX_PERIOD_MONTHS / 12} years long`, 'to');
  }
  return { from, to };
}

/** A list filter names at least one value (an empty list would match nothing); repeats are dropped. */
function distinct<T extends string>(values: readonly T[], field: string): T[] {
  if (values.length === 0) throw badInput(`${field} must name at least one, or be left out`, field);
  return [...new Set(values)];
}

/** Values from an enum: GraphQL checks them itself, the CSV exports' query strings do not. */
function oneOf<T extends string>(values: readonly T[], allowed: readonly string[], field: string) {
  const wrong = values.find((value) => !allowed.includes(value));
  if (wrong !== undefined) {
    throw badInput(`${field}: ${wrong} is not one of ${allowed.join(', ')}`, field);
  }
  return distinct(values, field);
}

/** Force names as data.police.uk writes them ("Avon and Somerset Constabulary"). */
function forceNames(values: readonly string[], field: string): string[] {
  if (values.length > MAX_FORCES) {
    throw badInput(`${field} may name at most ${MAX_FORCES} forces`, field);
  }
  const names = values.map((value) => value.trim());
  if (names.some((name) => !name || name.length > 200)) {
    throw badInput(`${field}: each must be a force name of at most 200 characters`, field);
  }
  return distinct(names, field);
}

export function checkIncidentFilter(input: IncidentFilter): IncidentFilter {
  const filter: IncidentFilter = checkPeriod(input);
  if (input.lsoaCodes) {
    if (input.lsoaCodes.length > MAX_LSOA_CODES) {
      throw badInput(`lsoaCodes may name at most ${MAX_LSOA_CODES} areas`, 'lsoaCodes');
    }
    const codes = input.lsoaCodes.map((code) => code.trim().toUpperCase());
    const wrong = codes.find((code) => !LSOA_CODE.test(code));
    if (wrong !== undefined) {
      throw badInput(`lsoaCodes: ${wrong} is not an ONS LSOA code such as E01014399`, 'lsoaCodes');
    }
    filter.lsoaCodes = distinct(codes, 'lsoaCodes');
  }
  if (input.localAuthority !== null && input.localAuthority !== undefined) {
    const name = input.localAuthority.trim();
    if (!name || name.length > 200) {
      throw badInput(
        'localAuthority must be a district name of at most 200 characters',
        'localAuthority',
      );
    }
    filter.localAuthority = name;
  }
  if (input.categories) {
    filter.categories = oneOf(input.categories, Object.values(IncidentCategory), 'categories');
  }
  if (input.policeForces) filter.policeForces = forceNames(input.policeForces, 'policeForces');
  if (input.reportedBy) filter.reportedBy = forceNames(input.reportedBy, 'reportedBy');
  return filter;
}

export function checkInterventionScope(input: InterventionScope): InterventionScope {
  const scope: InterventionScope = checkPeriod(input);
  if (input.kinds) scope.kinds = oneOf(input.kinds, Object.values(InterventionKind), 'kinds');
  return scope;
}

/** One or two distinct dimensions from `allowed`. */
export function checkDimensions(
  groupBy: readonly AggregateDimension[],
  allowed: readonly AggregateDimension[] = INCIDENT_DIMENSIONS,
  sizes: { min: number; max: number } = { min: 1, max: 2 },
): AggregateDimension[] {
  if (groupBy.length < sizes.min || groupBy.length > sizes.max) {
    throw badInput(
      sizes.min === sizes.max
        ? `groupBy takes ${sizes.min} dimension${sizes.min === 1 ? '' : 's'}`
        : `groupBy takes ${sizes.min} to ${sizes.max} dimensions`,
      'groupBy',
    );
  }
  const wrong = groupBy.find((dimension) => !allowed.includes(dimension));
  if (wrong !== undefined) {
    throw badInput(`groupBy: ${wrong} is not one of ${allowed.join(', ')}`, 'groupBy');
  }
  if (new Set(groupBy).size !== groupBy.length) {
    throw badInput('groupBy names the same dimension twice', 'groupBy');
  }
  return [...groupBy];
}
