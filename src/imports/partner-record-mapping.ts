import { PARTNER_RECORD_SPECS } from '../partner-records/partner-record-kinds';
import { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import type { ImportEncoding } from './import-file';
import { invalid, isObject, onlyKeys } from './import-mapping';

/*
 * The mapping of a partner's export of its own records (docs/import.md, docs/rules.md
 * "Partner records"): a `records` key instead of an incident's columns, naming which of the
 * export's columns holds the hub person id, the case id, the partner's own reference and each of
 * the record's fields. Example: examples/partner-record-mapping.json.
 *
 *   { "records": { "kind": "HOUSING", "personId": "Hub person", "caseId": "Hub case",
 *                  "sourceReference": "Tenancy ref", "fields": { "tenancyType": "Tenure" } } }
 */

export interface PartnerRecordMapping {
  delimiter?: string;
  encoding?: ImportEncoding;
  records: {
    /** The kind of record; default: the importing partner's own kind. */
    kind?: PartnerRecordKind;
    personId: string | { column: string };
    caseId: string | { column: string };
    /** The partner's own reference: what a second import of the same row finds. */
    sourceReference: string | { column: string };
    /** Record field to the export's column. */
    fields: Record<string, string | { column: string }>;
  };
}

/** The mapping, checked: the kind (when named), and the column of each key and field. */
export interface CheckedPartnerRecordMapping {
  source: PartnerRecordMapping;
  delimiter: string;
  encoding: ImportEncoding;
  kind: PartnerRecordKind | null;
  personId: string;
  caseId: string;
  sourceReference: string;
  /** Record field to column, in the mapping's order. */
  fields: [field: string, column: string][];
  /** Every column the mapping names, for the header check. */
  columns: string[];
}

/** The keys of a mapping of partner records: an incident's columns do not belong in it. */
const TOP_KEYS = ['delimiter', 'encoding', 'records'];
const RECORD_KEYS = ['kind', 'personId', 'caseId', 'sourceReference', 'fields'];

function columnOf(value: unknown, key: string): string {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (isObject(value)) {
    onlyKeys(value, ['column'], key);
    if (typeof value.column === 'string' && value.column.trim()) return value.column.trim();
  }
  throw invalid(`${key} must name a column: "${key}": "Column name" or {"column": "Column name"}`);
}

/** Whether a mapping is one of partner records (it has `records`) rather than of incidents. */
export const isPartnerRecordMapping = (raw: unknown): boolean =>
  isObject(raw) && raw.records !== undefined;

/** Checks a mapping of partner records: anything unknown or missing is IMPORT_MAPPING_INVALID. */
export function checkPartnerRecordMapping(raw: unknown): CheckedPartnerRecordMapping {
  if (!isObject(raw)) throw invalid('it must be a JSON object');
  onlyKeys(raw, TOP_KEYS, 'a mapping of partner records');
  const delimiter = raw.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw invalid('delimiter must be one character, not a quote or a line break');
  }
  const encoding = raw.encoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'latin1') throw invalid('encoding is "utf8" or "latin1"');
  const records = raw.records;
  if (!isObject(records)) {
    throw invalid(
      'records must be {"personId": "...", "caseId": "...", "sourceReference": "...", "fields": {...}}',
    );
  }
  onlyKeys(records, RECORD_KEYS, 'records');
  let kind: PartnerRecordKind | null = null;
  if (records.kind !== undefined) {
    if (!(Object.values(PartnerRecordKind) as unknown[]).includes(records.kind)) {
      throw invalid(
        `records.kind is one of ${Object.values(PartnerRecordKind).join(', ')}, not ${JSON.stringify(records.kind)}`,
      );
    }
    kind = records.kind as PartnerRecordKind;
  }
  for (const key of ['personId', 'caseId', 'sourceReference']) {
    if (records[key] === undefined) {
      throw invalid(
        `records.${key} is required: every row names the hub person id, the case id and your own reference`,
      );
    }
  }
  if (!isObject(records.fields) || Object.keys(records.fields).length === 0) {
    throw invalid('records.fields must map at least one field of the record to a column');
  }
  // Field names are checked against the kind once it is known (the partner's, when not named).
  const fields = Object.entries(records.fields).map(
    ([field, column]) => [field, columnOf(column, `records.fields.${field}`)] as [string, string],
  );
  if (kind)
    checkFields(
      kind,
      fields.map(([field]) => field),
    );
  const checked: CheckedPartnerRecordMapping = {
    source: raw as unknown as PartnerRecordMapping,
    delimiter,
    encoding,
    kind,
    personId: columnOf(records.personId, 'records.personId'),
    caseId: columnOf(records.caseId, 'records.caseId'),
    sourceReference: columnOf(records.sourceReference, 'records.sourceReference'),
    fields,
    columns: [],
  };
  checked.columns = [
    ...new Set([
      checked.personId,
      checked.caseId,
      checked.sourceReference,
      ...fields.map(([, column]) => column),
    ]),
  ];
  return checked;
}

/** The mapping's fields are the kind's own: an unknown one refuses the mapping. */
export function checkFields(kind: PartnerRecordKind, fields: readonly string[]) {
  const spec = PARTNER_RECORD_SPECS[kind];
  const unknown = fields.filter((field) => !(field in spec.fields));
  if (unknown.length > 0) {
    throw invalid(
      `records.fields has ${unknown.map((f) => JSON.stringify(f)).join(', ')}; a ${spec.typeName} has ${Object.keys(spec.fields).join(', ')}`,
    );
  }
}

/**
 * The mapping of a CSV that uses the hub's own names as its header (`personId`, `caseId`,
 * `sourceReference` and the record's fields): the `importPartnerRecords` mutation's.
 */
export function hubNamesMapping(
  kind: PartnerRecordKind,
  fields: readonly string[],
): CheckedPartnerRecordMapping {
  const keys = { personId: 'personId', caseId: 'caseId', sourceReference: 'sourceReference' };
  const byField = fields.map((field) => [field, field] as [string, string]);
  return {
    source: { records: { kind, ...keys, fields: Object.fromEntries(byField) } },
    delimiter: ',',
    encoding: 'utf8',
    kind,
    ...keys,
    fields: byField,
    columns: [...Object.values(keys), ...fields],
  };
}
