import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { PARTNER_RECORD_SPECS } from '../partner-records/partner-record-kinds';
import type { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import {
  type PartnerRecordWrite,
  recordPartnerRecord,
} from '../partner-records/partner-record.service';
import { type CsvRecord, CsvRecordReader } from './csv-records';

/*
 * Bulk import of a partner's own records from its system (docs/rules.md "Partner records"): a CSV
 * whose header names `personId`, `caseId`, `sourceReference` and any of the kind's fields. Each
 * row goes through the very service the record mutations use (kind, row access, history), in its
 * own savepoint: a bad row is reported with its line and writes nothing; the others land. Keyed on
 * the partner's own reference, so importing the same file again changes nothing.
 */

/** Columns every row must have. */
const KEY_COLUMNS = ['personId', 'caseId', 'sourceReference'] as const;
/** Fields that are lists in a cell: separated by `;` or `|`. */
const LIST_FIELDS = new Set(['warningMarkers']);
/** Fields that are yes/no. */
const FLAG_FIELDS = new Set(['knownToServices', 'engagedInTreatment']);

export interface PartnerRecordImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; reasons: string[] }[];
}

/** A cell as the service wants it: an empty cell says nothing (the field stays as it is). */
function cell(field: string, text: string): unknown {
  const value = text.trim();
  if (!value) return undefined;
  if (LIST_FIELDS.has(field)) return value.split(/[;|]/).filter((item) => item.trim());
  if (FLAG_FIELDS.has(field)) {
    if (/^(true|yes|y|1)$/i.test(value)) return true;
    if (/^(false|no|n|0)$/i.test(value)) return false;
    return value; // refused by the field's own check below
  }
  return value;
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

  const result: PartnerRecordImportResult = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  for (const row of rows) {
    if (!('fields' in row)) {
      result.rejected.push({ line: row.line, reasons: [row.malformed] });
      continue;
    }
    if (row.fields.length !== header.length) {
      result.rejected.push({
        line: row.line,
        reasons: [`The row has ${row.fields.length} fields; the header has ${header.length}`],
      });
      continue;
    }
    const input: PartnerRecordWrite = { personId: '', caseId: '' };
    header.forEach((name, i) => {
      const value = (KEY_COLUMNS as readonly string[]).includes(name)
        ? row.fields[i].trim()
        : cell(name, row.fields[i]);
      if (value !== undefined) input[name] = value;
    });
    try {
      // A savepoint per row: a refused row leaves nothing behind, the rest of the file lands.
      const written = await em.transactional((inner) =>
        recordPartnerRecord(inner as EntityManager, viewer, spec, input),
      );
      if (written.created) result.created += 1;
      else if (written.changedFields.length) result.updated += 1;
      else result.unchanged += 1;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      result.rejected.push({
        line: row.line,
        reasons: [`${error.extensions.code}: ${error.message}`],
      });
    }
  }
  return result;
}
