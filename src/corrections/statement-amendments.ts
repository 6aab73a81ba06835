import type { EntityManager } from '@mikro-orm/postgresql';
import { ukDate } from '../documents/html';
import { Partner } from '../partners/partner.entity';
import { CorrectedRecord } from './corrected-record.enum';
import { correctionSource } from './correction-source';
import { Correction } from './correction.entity';

/** What the statement builder lets this part see of it: its entries and its policy check. */
export interface AmendableStatement {
  caseId: string;
  entries: { recordId: string; kind: string; details: string[] }[];
  /** May the viewer read `type.field`? (Notes what it withholds, as the statement does.) */
  may: (type: string, field: string) => boolean;
  /** Notes a read of personal data for the audit. */
  read: (type: string, fields: string[], recordId: string, personId?: string | null) => void;
}

/** How the statement names each corrected field. */
const FIELD_LABELS: Record<string, string> = {
  description: 'Description',
  category: 'Category',
  occurredAt: 'When it happened',
  location: 'Place',
  title: 'Title',
  summary: 'Summary',
  riskLevel: 'Risk level',
  role: 'Role in the case',
  vulnerabilities: 'Vulnerabilities',
  removed: 'Person removed from the case',
};

/**
 * Corrected items "as amended" (docs/rules.md "Corrections"): each corrected entry says when,
 * by which partner and which field was amended; the earlier value and the reason only where the
 * viewer may read both the corrected field and the history's values (free text: never analysts).
 * Corrections of the case itself and of its people are listed in `caseAmendments`.
 */
export async function amendStatement(
  em: EntityManager,
  statement: AmendableStatement,
): Promise<string[]> {
  const incidentIds = statement.entries
    .filter((entry) => entry.kind === 'INCIDENT')
    .map((entry) => entry.recordId);
  const corrections = await em.find(
    Correction,
    {
      $or: [
        { record: CorrectedRecord.INCIDENT, recordId: { $in: incidentIds } },
        { case: statement.caseId },
      ],
    },
    { orderBy: { correctedAt: 'asc', field: 'asc', id: 'asc' } },
  );
  if (corrections.length === 0) return [];
  const partners = new Map(
    (
      await em.find(Partner, {
        id: { $in: [...new Set(corrections.map((c) => c.correctedByPartner.id))] },
      })
    ).map((partner) => [partner.id, partner.name]),
  );
  const mayValues =
    statement.may('Correction', 'previousValue') && statement.may('Correction', 'reason');
  const line = (row: Correction) => {
    const { type, field } = correctionSource(row);
    const by = partners.get(row.correctedByPartner.id) ?? 'a partner';
    const what =
      row.record === CorrectedRecord.CASE_PARTNER
        ? 'Partner removed from the case'
        : (FIELD_LABELS[row.field] ?? row.field);
    const head = `As amended on ${ukDate(row.correctedAt)} by ${by}${row.riskAssessment ? ' (risk assessment)' : ''}: ${what}`;
    if (!mayValues || !statement.may(type, field)) return head;
    statement.read('Correction', ['previousValue', 'newValue', 'reason'], row.id, row.person?.id);
    const was = row.previousValue ?? 'nothing';
    return `${head}; earlier "${was}", now "${row.newValue ?? 'nothing'}". Reason: ${row.reason}`;
  };
  for (const entry of statement.entries) {
    if (entry.kind !== 'INCIDENT') continue;
    for (const row of corrections.filter((c) => c.recordId === entry.recordId))
      entry.details.push(line(row));
  }
  return corrections.filter((row) => row.record !== CorrectedRecord.INCIDENT).map(line);
}
