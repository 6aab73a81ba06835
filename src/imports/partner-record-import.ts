import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { PARTNER_RECORD_SPECS } from '../partner-records/partner-record-kinds';
import type { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import { type CsvRecord, CsvRecordReader } from './csv-records';
import { isRejection } from './import-format';
import { PartnerRecordReader } from './partner-record.format';
import { hubNamesMapping } from './partner-record-mapping';
import { writePartnerRecordRow } from './partner-record-writer';

/*
 * Import of a partner's own records typed into one request (`importPartnerRecords(kind, csv)`,
 * docs/rules.md "Partner records"): a CSV whose header names `personId`, `caseId`,
 * `sourceReference` and any of the kind's fields. The file upload (POST /imports with a `records`
 * mapping) reads and writes each row with the very same reader and row writer; this is that
 * import with the hub's own names as the mapping, in the request's transaction, answering at once.
 * Each row goes through the record mutations' service in its own savepoint: a bad row is reported
 * with its line and writes nothing; the others land. Keyed on the partner's own reference, so
 * importing the same file again changes nothing.
 */

/** Columns every row must have. */
const KEY_COLUMNS = ['personId', 'caseId', 'sourceReference'] as const;

export interface PartnerRecordImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reasons: string[] }[];
}

const refuse = (message: string) => new HubError('IMPORT_COLUMNS_MISSING', message);

export async function importPartnerRecords(
  em: EntityManager,
  viewer: Viewer,
  kind: PartnerRecordKind,
  csv: string,
): Promise<PartnerRecordImportResult> {
  const spec = PARTNER_RECORD_SPECS[kind];
  const records: CsvRecord[] = [];
  const reader = new CsvRecordReader();
  reader.push(csv, records);
  reader.end(records);
  const [head, ...rows] = records;
  if (!head || !('fields' in head) || rows.length === 0) {
    throw new HubError('IMPORT_EMPTY_FILE', 'The file has no header or no rows');
  }
  const header = head.fields.map((name) => name.trim());
  const missing = KEY_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length) throw refuse(`The header lacks ${missing.join(', ')}`);
  const unknown = header.filter(
    (name) => !(KEY_COLUMNS as readonly string[]).includes(name) && !(name in spec.fields),
  );
  if (unknown.length) {
    throw refuse(
      `Unknown columns ${unknown.join(', ')}; a ${spec.typeName} has ${Object.keys(spec.fields).join(', ')}`,
    );
  }
  const rowReader = new PartnerRecordReader(
    header,
    hubNamesMapping(
      kind,
      header.filter((name) => name in spec.fields),
    ),
    spec,
  );

  const result: PartnerRecordImportResult = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  for (const row of rows) {
    if (!('fields' in row)) {
      result.rejected.push({ line: row.line, reasons: [row.malformed] });
      continue;
    }
    const prepared = rowReader.prepare(row.line, row.fields);
    if (isRejection(prepared)) {
      result.rejected.push({ line: row.line, reasons: prepared.reasons });
      continue;
    }
    const written = await writePartnerRecordRow(em, viewer, spec, prepared.write);
    if (written === 'created') result.created += 1;
    else if (written === 'updated') result.updated += 1;
    else if (written === 'unchanged') result.unchanged += 1;
    else result.rejected.push({ line: row.line, reasons: [written.reason] });
  }
  return result;
}
