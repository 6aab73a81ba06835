import { CorrectedRecord } from './corrected-record.enum';

/** The GraphQL type each kind of corrected record is read as: its policy entry governs the values. */
const SOURCE_TYPE: Record<CorrectedRecord, string> = {
  [CorrectedRecord.INCIDENT]: 'Incident',
  [CorrectedRecord.CASE]: 'Case',
  [CorrectedRecord.CASE_PERSON]: 'CasePerson',
  [CorrectedRecord.CASE_PARTNER]: 'Case',
};

/**
 * The type and field a correction's values come from, whose policy entry they follow: a removal
 * (`removed`) is about the case's people (`Case.person` of a CasePerson) or its partners
 * (`Case.partners`); any other correction is about the field it names.
 */
export function correctionSource(row: { record: CorrectedRecord; field: string }) {
  const type = SOURCE_TYPE[row.record];
  if (row.field !== 'removed') return { type, field: row.field };
  return { type, field: row.record === CorrectedRecord.CASE_PARTNER ? 'partners' : 'person' };
}
