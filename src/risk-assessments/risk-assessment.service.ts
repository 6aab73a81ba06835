import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { clock } from '../common/clock';
import { optionalText, requirePast } from '../common/validate';
import { CasePerson } from '../cases/case-person.entity';
import { lockedCase } from '../corrections/case-correction.service';
import { CorrectedRecord } from '../corrections/corrected-record.enum';
import { recordCorrections } from '../corrections/correction.service';
import { badInput, conflict } from '../errors';
import { Partner } from '../partners/partner.entity';
import { requireRow } from '../permissions/row-access';
import { User } from '../users/user.entity';
import type { RecordRiskAssessmentInput } from './risk-assessment.input';
import { RiskAssessment } from './risk-assessment.entity';
import {
  FACTOR_MAX,
  FACTOR_MIN,
  factorsFor,
  PERPETRATOR_FACTORS,
  riskLevelOf,
  VICTIM_FACTORS,
  type RiskFactor,
} from './risk-assessment.rules';

const ALL_FACTORS: readonly RiskFactor[] = [
  ...new Set([...VICTIM_FACTORS, ...PERPETRATOR_FACTORS]),
];

/**
 * Records a risk assessment of a victim or perpetrator on a case, by any casework member of a
 * partner on it. The case is locked, so two assessments at once are decided one after the other:
 * the latest by `assessedAt` (then by id) sets the case's risk level whatever order they commit
 * in, and a change of level is written to the case's history as coming from the assessment.
 */
export async function recordRiskAssessment(
  em: EntityManager,
  viewer: Viewer,
  input: RecordRiskAssessmentInput,
): Promise<RiskAssessment> {
  const found = await lockedCase(em, viewer, input.caseId);
  const personId = await requireRow({ em, viewer }, 'person', input.personId);
  const inCase = await em.findOne(CasePerson, { case: found, person: personId });
  if (!inCase) throw conflict(`This person is not in case ${found.reference}`);
  const factors = factorsFor(inCase.role);
  if (!factors)
    throw badInput('Only a victim or a perpetrator on the case is risk assessed', 'personId');
  const scores: Partial<Record<RiskFactor, number>> = {};
  for (const factor of ALL_FACTORS) {
    const value = input[factor];
    if (!factors.includes(factor)) {
      if (value != null)
        throw badInput(`${factor} is not scored for a ${inCase.role.toLowerCase()}`, factor);
      continue;
    }
    if (value == null) throw badInput(`${factor} is required`, factor);
    if (!Number.isInteger(value) || value < FACTOR_MIN || value > FACTOR_MAX)
      throw badInput(`${factor} must be from ${FACTOR_MIN} to ${FACTOR_MAX}`, factor);
    scores[factor] = value;
  }
  const values = factors.map((factor) => scores[factor]!);
  const now = clock.now();
  const assessment = em.create(RiskAssessment, {
    case: found,
    person: inCase.person,
    role: inCase.role,
    repeatVictimisation: scores.repeatVictimisation ?? null,
    vulnerability: scores.vulnerability!,
    impact: scores.impact ?? null,
    escalation: scores.escalation ?? null,
    riskOfHarm: scores.riskOfHarm ?? null,
    score: values.reduce((a, b) => a + b, 0),
    riskLevel: riskLevelOf(values),
    notes: optionalText(input.notes, 'notes'),
    assessedAt: requirePast(input.assessedAt ?? now, 'assessedAt'),
    assessedBy: em.getReference(User, viewer.userId),
    assessedByPartner: em.getReference(Partner, viewer.partnerId),
    recordedAt: now,
  });
  await em.flush();

  const [latest] = await em.find(
    RiskAssessment,
    { case: found },
    { orderBy: { assessedAt: 'desc', id: 'desc' }, limit: 1 },
  );
  if (latest.riskLevel !== found.riskLevel) {
    recordCorrections(
      em,
      viewer,
      {
        record: CorrectedRecord.CASE,
        recordId: found.id,
        caseId: found.id,
        reason: `Risk assessment of the ${latest.role.toLowerCase()} on ${latest.assessedAt.toISOString()}`,
        riskAssessment: latest,
      },
      [{ field: 'riskLevel', before: found.riskLevel, after: latest.riskLevel }],
    );
    found.riskLevel = latest.riskLevel;
    await em.flush();
  }
  return assessment;
}
