import type { PartnerRecordSpec } from '../partner-records/partner-record-kinds';
import type { PartnerRecordWrite } from '../partner-records/partner-record.service';
import { ImportFormat } from './import-enums';
import { mappedColumnPositions } from './mapped-header';
import { type FormatReader, type RowRejection, wrongFieldCount } from './import-format';
import { checkFields, type CheckedPartnerRecordMapping } from './partner-record-mapping';

/** A row of a partner's export of its own records: the write it asks for, and its line. */
export interface PartnerRecordRow {
  line: number;
  write: PartnerRecordWrite;
  /** The row as sent, for the rejected rows report should the service refuse it. */
  fields: readonly string[];
}

/** Fields that are lists in a cell: separated by `;` or `|`. */
const LIST_FIELDS = new Set(['warningMarkers']);
/** Fields that are yes/no. */
const FLAG_FIELDS = new Set(['knownToServices', 'engagedInTreatment']);

/** A cell as the service wants it: an empty cell says nothing (the field stays as it is). */
function cell(field: string, text: string): unknown {
  const value = text.trim();
  if (!value) return undefined;
  if (LIST_FIELDS.has(field)) return value.split(/[;|]/).filter((item) => item.trim());
  if (FLAG_FIELDS.has(field)) {
    if (/^(true|yes|y|1)$/i.test(value)) return true;
    if (/^(false|no|n|0)$/i.test(value)) return false;
    return value; // refused by the field's own check
  }
  return value;
}

/**
 * A partner's export of its own records of one kind, read through its mapping: each row the write
 * the record mutations take (person, case, the partner's reference, fields), checked here only for
 * what needs the file (its shape, a reference given once); everything else is the partner-record
 * service's to check when the row is written, so an upload, the mutation and the import mutation
 * keep one set of rules.
 */
export class PartnerRecordReader implements FormatReader<PartnerRecordRow> {
  readonly format = ImportFormat.PARTNER_RECORD_CSV;
  private readonly at: Map<string, number>;
  /** References seen so far and their lines: one reference is one record. */
  private readonly references = new Map<string, number>();

  constructor(
    readonly header: readonly string[],
    private readonly mapping: CheckedPartnerRecordMapping,
    readonly spec: PartnerRecordSpec,
  ) {
    checkFields(
      spec.kind,
      mapping.fields.map(([field]) => field),
    );
    this.at = mappedColumnPositions(header, mapping.columns);
  }

  prepare(line: number, fields: string[]): PartnerRecordRow | RowRejection {
    if (fields.length !== this.header.length) {
      return { reasons: [wrongFieldCount(fields.length, this.header.length, 'the header')] };
    }
    const m = this.mapping;
    const value = (column: string) => fields[this.at.get(column)!];
    const reasons: string[] = [];
    const key = (column: string, what: string) => {
      const text = value(column).trim();
      if (!text) reasons.push(`BAD_USER_INPUT: ${column} is empty: every row needs ${what}`);
      return text;
    };
    const personId = key(m.personId, 'the hub id of the person');
    const caseId = key(m.caseId, 'the hub id of the case');
    const reference = key(m.sourceReference, 'your own reference for the record');
    const first = reference ? this.references.get(reference) : undefined;
    if (first !== undefined) {
      reasons.push(
        `BAD_USER_INPUT: ${m.sourceReference} ${JSON.stringify(reference)} was already on line ${first}: one reference is one record`,
      );
    }
    if (reasons.length > 0) return { reasons };
    this.references.set(reference, line);
    const write: PartnerRecordWrite = { personId, caseId, sourceReference: reference };
    for (const [field, column] of m.fields) {
      const parsed = cell(field, value(column));
      if (parsed !== undefined) write[field] = parsed;
    }
    return { line, write, fields };
  }
}
