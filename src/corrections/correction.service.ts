import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { clock } from '../common/clock';
import { requireDistinct, requirePast, requireText } from '../common/validate';
import { HubError } from '../errors';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import type { RiskAssessment } from '../risk-assessments/risk-assessment.entity';
import { User } from '../users/user.entity';
import { badInput } from '../errors';
import { CorrectedRecord } from './corrected-record.enum';
import { Correction } from './correction.entity';

/** A field's value as the history keeps it: text, lists joined, times in ISO 8601. */
export type FieldValue = string | Date | readonly string[] | null | undefined;

export function asHistoryText(value: FieldValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? [...value].join(', ') : null;
  return value as string;
}

/** The reason every correction must give: free text, required, bounded. */
export const requireReason = (reason: string) => requireText(reason, 'reason', 2000);

export interface CorrectionOf {
  record: CorrectedRecord;
  recordId: string;
  caseId?: string | null;
  personId?: string | null;
  reason: string;
  riskAssessment?: RiskAssessment | null;
}

/**
 * Writes the history of one correction: one row per field whose value changes, all with the same
 * time, reason and author. Fields given with their current value change nothing and are left
 * out; a correction that changes nothing at all is refused, so no empty history is written.
 */
export function recordCorrections(
  em: EntityManager,
  viewer: Viewer,
  of: CorrectionOf,
  changes: { field: string; before: FieldValue; after: FieldValue }[],
): Correction[] {
  const changed = changes
    .map((change) => ({
      field: change.field,
      before: asHistoryText(change.before),
      after: asHistoryText(change.after),
    }))
    .filter((change) => change.before !== change.after);
  if (changed.length === 0) throw badInput('The correction changes nothing', 'input');
  const correctedAt = clock.now();
  return changed.map((change) =>
    em.create(Correction, {
      record: of.record,
      recordId: of.recordId,
      case: of.caseId ? em.getReference(Case, of.caseId) : null,
      person: of.personId ? em.getReference(Person, of.personId) : null,
      field: change.field,
      previousValue: change.before,
      newValue: change.after,
      reason: of.reason,
      correctedBy: em.getReference(User, viewer.userId),
      correctedByPartner: em.getReference(Partner, viewer.partnerId),
      correctedAt,
      riskAssessment: of.riskAssessment ?? null,
    }),
  );
}

/** The refusal when the writer can see a record but its partner does not own it. */
export const notYoursToCorrect = (mutation: string, who: string) =>
  new HubError('FORBIDDEN', `Only ${who} may make this correction`, {
    field: `Mutation.${mutation}`,
  });

export { requireDistinct, requirePast };
