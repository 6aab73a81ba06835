import { nameUuid, sha1Base64 } from '../common/name-uuid';
import type { IncidentCategory } from '../incidents/incident-category.enum';
import type { OccurredPrecision } from '../incidents/occurred-precision.enum';
import type { LocationKind } from '../locations/location-kind.enum';

/*
 * The rows one line of an import file becomes, exactly as they are copied into the database, and
 * the column lists of that copy. The benchmark copies the very same rows with a plain COPY, so
 * both read these lists from here.
 */

export interface IncidentRow {
  id: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  category: IncidentCategory;
  description: string;
  locationId: string | null;
  hateIncident: boolean;
  occurredPrecision: OccurredPrecision;
  recordedByPartnerId: string;
  areaCode: string | null;
  /** data.police.uk's "Falls within": the force area; null from other sources. */
  policeForce: string | null;
  /** data.police.uk's "Reported by": the reporting force; null from other sources. */
  reportedBy: string | null;
  importRunId: string | null;
}

export interface IncidentReportRow {
  id: string;
  incidentId: string;
  partnerId: string;
  /** ISO 8601, UTC. */
  reportedAt: string;
  sourceReference: string | null;
  recordedById: string | null;
}

export interface LocationRow {
  id: string;
  kind: LocationKind;
  description: string;
  latitude: number | null;
  longitude: number | null;
  lsoaCode: string | null;
}

export interface LsoaRow {
  code: string;
  name: string;
  localAuthority: string;
}

/** One good line of an import file: an incident, the importing partner's report, its place and area. */
export interface ImportRow {
  /** Physical line the row starts on (the header is line 1). */
  line: number;
  incident: IncidentRow;
  report: IncidentReportRow;
  location: LocationRow | null;
  lsoa: LsoaRow | null;
}

type Value = string | number | boolean | null;

export interface CopyTable<Row> {
  table: string;
  columns: readonly string[];
  /** PostgreSQL types of the columns, for `unnest` of arrays when COPY cannot be used. */
  types: readonly string[];
  values(row: Row): Value[];
}

/** Every table an import writes, its columns in COPY order and each row's values in that order. */
export const IMPORT_TABLES = {
  lsoa: {
    table: 'lsoa',
    columns: ['code', 'name', 'local_authority'],
    types: ['text', 'text', 'text'],
    values: (row: LsoaRow) => [row.code, row.name, row.localAuthority],
  } satisfies CopyTable<LsoaRow>,
  location: {
    table: 'location',
    columns: ['id', 'kind', 'description', 'latitude', 'longitude', 'lsoa_code'],
    types: ['uuid', 'text', 'text', 'float8', 'float8', 'text'],
    values: (row: LocationRow) => [
      row.id,
      row.kind,
      row.description,
      row.latitude,
      row.longitude,
      row.lsoaCode,
    ],
  } satisfies CopyTable<LocationRow>,
  incident: {
    table: 'incident',
    columns: [
      'id',
      'occurred_at',
      'category',
      'description',
      'location_id',
      'hate_incident',
      'occurred_precision',
      'recorded_by_partner_id',
      'area_code',
      'police_force',
      'reported_by',
      'import_run_id',
    ],
    // record_key is left to the database's default: a random key for each incident inserted.
    types: [
      'uuid',
      'timestamptz',
      'text',
      'text',
      'uuid',
      'bool',
      'text',
      'uuid',
      'text',
      'text',
      'text',
      'uuid',
    ],
    values: (row: IncidentRow) => [
      row.id,
      row.occurredAt,
      row.category,
      row.description,
      row.locationId,
      row.hateIncident,
      row.occurredPrecision,
      row.recordedByPartnerId,
      row.areaCode,
      row.policeForce,
      row.reportedBy,
      row.importRunId,
    ],
  } satisfies CopyTable<IncidentRow>,
  incidentReport: {
    table: 'incident_report',
    columns: [
      'id',
      'incident_id',
      'partner_id',
      'reported_at',
      'source_reference',
      'recorded_by_id',
    ],
    types: ['uuid', 'uuid', 'uuid', 'timestamptz', 'text', 'uuid'],
    values: (row: IncidentReportRow) => [
      row.id,
      row.incidentId,
      row.partnerId,
      row.reportedAt,
      row.sourceReference,
      row.recordedById,
    ],
  } satisfies CopyTable<IncidentReportRow>,
} as const;

/** `COPY <table> (<columns>) FROM STDIN`, text format. */
export function copyStatement<Row>(table: CopyTable<Row>): string {
  return `COPY ${table.table} (${table.columns.join(', ')}) FROM STDIN`;
}

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function copyValue(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING RETURNING <first column>`, with one
 * array parameter per column: for rows that may already be there.
 */
export function insertIgnoringConflicts<Row>(
  table: CopyTable<Row>,
  rows: readonly Row[],
): { text: string; values: Value[][] } {
  const values: Value[][] = table.columns.map(() => []);
  for (const row of rows) table.values(row).forEach((value, i) => values[i].push(value));
  const arrays = table.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  return {
    text: `INSERT INTO ${table.table} (${table.columns.join(', ')}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING RETURNING ${table.columns[0]}`,
    values,
  };
}

/** Rows in COPY's text format, one line each. */
export function copyText<Row>(table: CopyTable<Row>, rows: Iterable<Row>): string {
  let text = '';
  for (const row of rows) text += table.values(row).map(copyValue).join('\t') + '\n';
  return text;
}

/*
 * Deterministic ids. An imported incident's id is a name-based UUID of the importing partner and
 * the row's source key, so importing the same row again finds it instead of adding it. The
 * namespaces are fixed for ever: changing one would make every earlier import look new.
 */
const INCIDENT_NAMESPACE = '4670d9d5-cffd-41d5-aa75-77c745dba9ca';
const REPORT_NAMESPACE = '9b0c6a51-2f43-4a8e-b1d7-3c5e8f0a6d12';
const LOCATION_NAMESPACE = 'e2f1a7c4-58b9-4d3e-9a06-71c4b8d2f935';

export const incidentId = (partnerId: string, sourceKey: string) =>
  nameUuid(INCIDENT_NAMESPACE, `${partnerId}:${sourceKey}`);

export const reportId = (partnerId: string, sourceKey: string) =>
  nameUuid(REPORT_NAMESPACE, `${partnerId}:${sourceKey}`);

/** Places are shared across rows, partners and imports: the same point, words and area are one place. */
export const locationId = (place: Omit<LocationRow, 'id'>) =>
  nameUuid(
    LOCATION_NAMESPACE,
    [
      place.kind,
      place.longitude ?? '',
      place.latitude ?? '',
      place.description,
      place.lsoaCode ?? '',
    ]
      .map(String)
      .join('\u001f'),
  );

/**
 * The source key of a row without a reference of its own (data.police.uk publishes ASB without a
 * crime id): its normalised content, and how many identical rows came before it in the file.
 * Identical published rows are distinct incidents (two reports at the same snap point in the same
 * month), so each counts; importing the file again gives each the same key again.
 */
export class ContentKeys {
  private readonly seen = new Map<string, number>();

  next(normalisedFields: readonly string[]): string {
    const digest = sha1Base64(normalisedFields.join('\u001f'));
    const occurrence = (this.seen.get(digest) ?? 0) + 1;
    this.seen.set(digest, occurrence);
    return `row:${digest}:${occurrence}`;
  }
}

/** The partner system's own reference as a source key: one reference is one incident. */
export const referenceKey = (reference: string) => `ref:${reference}`;
