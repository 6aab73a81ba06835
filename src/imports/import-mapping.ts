import { isTimeZone } from '../common/dates';
import { HubError } from '../errors';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { OccurredPrecision } from '../incidents/occurred-precision.enum';
import { LocationKind } from '../locations/location-kind.enum';
import type { ImportEncoding } from './import-file';

/**
 * The mapping file of a partner system's CSV export (docs/import.md; an example in
 * examples/import-mapping.json): which of its columns gives each field of an incident.
 */
export interface ImportMapping {
  /** One character; default ",". */
  delimiter?: string;
  /** "utf8" (default) or "latin1". */
  encoding?: ImportEncoding;
  /** The zone the export's local times are in; default "Europe/London". */
  timeZone?: string;
  occurredAt: DateColumn;
  /** When the partner was told; default: occurredAt. */
  reportedAt?: DateColumn;
  category: CategoryColumn;
  description?: string | ColumnRef;
  location?: string | (ColumnRef & { kind?: LocationKind });
  latitude?: string | ColumnRef;
  longitude?: string | ColumnRef;
  lsoaCode?: string | ColumnRef;
  lsoaName?: string | ColumnRef;
  /** The partner system's own reference: one reference is one incident, imported once. */
  sourceReference?: string | ColumnRef;
  hateIncident?: string | (ColumnRef & { trueValues?: string[] });
}

export interface ColumnRef {
  column: string;
}

export interface DateColumn extends ColumnRef {
  /** "ISO" (ISO 8601), or a pattern of YYYY, MM, DD, HH, mm, ss and literal characters. */
  format: string;
  /** How exactly the source knows the time; default: from the format (HH: EXACT, DD: DAY, else MONTH). */
  precision?: OccurredPrecision;
}

export interface CategoryColumn {
  column?: string;
  /** The partner's codes, to the hub's categories; hub category names are taken as they are. */
  values?: Record<string, IncidentCategory>;
  /** For rows whose column is empty, or for every row when no column is named. */
  default?: IncidentCategory;
}

/** A date format, compiled. */
export interface DatePattern {
  source: string;
  iso: boolean;
  regex: RegExp;
  /** Where each part is in the regex's groups (0: absent). */
  groups: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
  };
  precision: OccurredPrecision;
}

/** The mapping, checked: every column name, pattern and category known good. */
export interface CheckedMapping {
  source: ImportMapping;
  delimiter: string;
  encoding: ImportEncoding;
  timeZone: string;
  occurredAt: { column: string; pattern: DatePattern; precision: OccurredPrecision | null };
  reportedAt: { column: string; pattern: DatePattern } | null;
  category: {
    column: string | null;
    values: Map<string, IncidentCategory>;
    default: IncidentCategory | null;
  };
  description: string | null;
  location: { column: string; kind: LocationKind } | null;
  latitude: string | null;
  longitude: string | null;
  lsoaCode: string | null;
  lsoaName: string | null;
  sourceReference: string | null;
  hateIncident: { column: string; trueValues: Set<string> } | null;
  /** Every column the mapping names, for the header check. */
  columns: string[];
}

const KEYS = [
  'delimiter',
  'encoding',
  'timeZone',
  'occurredAt',
  'reportedAt',
  'category',
  'description',
  'location',
  'latitude',
  'longitude',
  'lsoaCode',
  'lsoaName',
  'sourceReference',
  'hateIncident',
];

/** Shared with the partner-record mapping, so both kinds of mapping refuse in the same words. */
export const invalid = (message: string) =>
  new HubError('IMPORT_MAPPING_INVALID', `The mapping file is not usable: ${message}`);

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function onlyKeys(value: Record<string, unknown>, allowed: string[], where: string) {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw invalid(
      `${where} has ${unknown.map((k) => JSON.stringify(k)).join(', ')}, which the hub does not know; it knows ${allowed.join(', ')}`,
    );
  }
}

function columnOf(value: unknown, key: string, extra: string[] = []): string {
  if (typeof value === 'string' && value.trim()) return value;
  if (isObject(value)) {
    onlyKeys(value, ['column', ...extra], key);
    if (typeof value.column === 'string' && value.column.trim()) return value.column;
  }
  throw invalid(`${key} must name a column: "${key}": "Column name" or {"column": "Column name"}`);
}

const optionalColumn = (value: unknown, key: string) =>
  value === undefined ? null : columnOf(value, key);

function category(value: unknown, key: string): IncidentCategory {
  if (typeof value === 'string' && (Object.values(IncidentCategory) as string[]).includes(value)) {
    return value as IncidentCategory;
  }
  throw invalid(
    `${key} is ${JSON.stringify(value)}; a hub category is one of ${Object.values(IncidentCategory).join(', ')}`,
  );
}

const TOKENS: [string, keyof DatePattern['groups'], string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['MM', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{1,2})'],
  ['HH', 'hour', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{1,2})'],
  ['ss', 'second', '(\\d{1,2})'],
];

/** ISO 8601: a date, optionally a time, optionally an offset (without one: local time). */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function compileDatePattern(format: string, key: string): DatePattern {
  if (format === 'ISO') {
    return {
      source: format,
      iso: true,
      regex: ISO,
      groups: { year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6 },
      precision: OccurredPrecision.EXACT,
    };
  }
  const groups = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let regex = '';
  let group = 0;
  for (let i = 0; i < format.length; ) {
    const token = TOKENS.find(([text]) => format.startsWith(text, i));
    if (token) {
      if (groups[token[1]]) throw invalid(`${key}.format names ${token[0]} twice`);
      groups[token[1]] = ++group;
      regex += token[2];
      i += token[0].length;
    } else {
      regex += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  if (!groups.year || !groups.month) {
    throw invalid(
      `${key}.format ${JSON.stringify(format)} needs at least YYYY and MM (or "ISO"); it may add DD, HH, mm, ss`,
    );
  }
  if ((groups.hour && !groups.day) || (groups.minute && !groups.hour)) {
    throw invalid(`${key}.format ${JSON.stringify(format)} has a time without a day or an hour`);
  }
  return {
    source: format,
    iso: false,
    regex: new RegExp(`^${regex}$`),
    groups,
    precision: groups.hour
      ? OccurredPrecision.EXACT
      : groups.day
        ? OccurredPrecision.DAY
        : OccurredPrecision.MONTH,
  };
}

function dateColumn(value: unknown, key: string, withPrecision: boolean) {
  if (!isObject(value)) {
    throw invalid(`${key} must be {"column": "...", "format": "DD/MM/YYYY HH:mm"} (or "ISO")`);
  }
  onlyKeys(value, ['column', 'format', ...(withPrecision ? ['precision'] : [])], key);
  const column = columnOf({ column: value.column }, key);
  if (typeof value.format !== 'string' || !value.format) {
    throw invalid(`${key}.format is missing: "ISO", or a pattern like "DD/MM/YYYY HH:mm"`);
  }
  const pattern = compileDatePattern(value.format, key);
  let precision: OccurredPrecision | null = null;
  if (value.precision !== undefined) {
    if (!(Object.values(OccurredPrecision) as unknown[]).includes(value.precision)) {
      throw invalid(
        `${key}.precision is one of ${Object.values(OccurredPrecision).join(', ')}, not ${JSON.stringify(value.precision)}`,
      );
    }
    precision = value.precision as OccurredPrecision;
  }
  return { column, pattern, precision };
}

/** Reads and checks a mapping: anything unknown or missing is refused with IMPORT_MAPPING_INVALID. */
export function checkMapping(raw: unknown): CheckedMapping {
  if (!isObject(raw)) throw invalid('it must be a JSON object');
  onlyKeys(raw, KEYS, 'the mapping');
  const delimiter = raw.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw invalid('delimiter must be one character, not a quote or a line break');
  }
  const encoding = raw.encoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'latin1') {
    throw invalid('encoding is "utf8" or "latin1"');
  }
  const timeZone = raw.timeZone ?? 'Europe/London';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    throw invalid(`timeZone ${JSON.stringify(timeZone)} is not a time zone like "Europe/London"`);
  }
  if (raw.occurredAt === undefined) {
    throw invalid('occurredAt is required: every incident needs the date it happened');
  }
  const occurredAt = dateColumn(raw.occurredAt, 'occurredAt', true);
  const reportedAt =
    raw.reportedAt === undefined ? null : dateColumn(raw.reportedAt, 'reportedAt', false);

  if (!isObject(raw.category)) {
    throw invalid(
      'category is required: {"column": "...", "values": {"partner code": "NUISANCE"}} and/or {"default": "UNCLASSIFIED"}',
    );
  }
  onlyKeys(raw.category, ['column', 'values', 'default'], 'category');
  const categoryColumn = optionalColumn(raw.category.column, 'category');
  const values = new Map<string, IncidentCategory>();
  if (raw.category.values !== undefined) {
    if (!isObject(raw.category.values)) throw invalid('category.values must be an object');
    for (const [code, target] of Object.entries(raw.category.values)) {
      values.set(code.trim(), category(target, `category.values[${JSON.stringify(code)}]`));
    }
  }
  const categoryDefault =
    raw.category.default === undefined ? null : category(raw.category.default, 'category.default');
  if (!categoryColumn && !categoryDefault) {
    throw invalid('category needs a column, a default, or both');
  }

  let location: CheckedMapping['location'] = null;
  if (raw.location !== undefined) {
    const column = columnOf(raw.location, 'location', ['kind']);
    const kind = isObject(raw.location)
      ? (raw.location.kind ?? LocationKind.PUBLIC_PLACE)
      : LocationKind.PUBLIC_PLACE;
    if (!(Object.values(LocationKind) as unknown[]).includes(kind)) {
      throw invalid(`location.kind is ADDRESS or PUBLIC_PLACE, not ${JSON.stringify(kind)}`);
    }
    location = { column, kind: kind as LocationKind };
  }
  const latitude = optionalColumn(raw.latitude, 'latitude');
  const longitude = optionalColumn(raw.longitude, 'longitude');
  if (!latitude !== !longitude) throw invalid('latitude and longitude come together, or neither');

  let hateIncident: CheckedMapping['hateIncident'] = null;
  if (raw.hateIncident !== undefined) {
    const column = columnOf(raw.hateIncident, 'hateIncident', ['trueValues']);
    const trueValues =
      isObject(raw.hateIncident) && raw.hateIncident.trueValues !== undefined
        ? raw.hateIncident.trueValues
        : ['Y', 'Yes', 'True', '1'];
    if (!Array.isArray(trueValues) || !trueValues.every((v) => typeof v === 'string')) {
      throw invalid('hateIncident.trueValues must be a list of strings');
    }
    hateIncident = {
      column,
      trueValues: new Set(trueValues.map((v: string) => v.trim().toLowerCase())),
    };
  }

  const checked: CheckedMapping = {
    source: raw as unknown as ImportMapping,
    delimiter,
    encoding,
    timeZone,
    occurredAt,
    reportedAt,
    category: { column: categoryColumn, values, default: categoryDefault },
    description: optionalColumn(raw.description, 'description'),
    location,
    latitude,
    longitude,
    lsoaCode: optionalColumn(raw.lsoaCode, 'lsoaCode'),
    lsoaName: optionalColumn(raw.lsoaName, 'lsoaName'),
    sourceReference: optionalColumn(raw.sourceReference, 'sourceReference'),
    hateIncident,
    columns: [],
  };
  checked.columns = [
    ...new Set(
      [
        checked.occurredAt.column,
        checked.reportedAt?.column,
        checked.category.column,
        checked.description,
        checked.location?.column,
        checked.latitude,
        checked.longitude,
        checked.lsoaCode,
        checked.lsoaName,
        checked.sourceReference,
        checked.hateIncident?.column,
      ].filter((column): column is string => Boolean(column)),
    ),
  ];
  return checked;
}

/** A mapping file's text, parsed and checked. */
export function parseMapping(text: string): CheckedMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not valid JSON (${(error as Error).message})`);
  }
  return checkMapping(raw);
}
