import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { optionalText, requireText } from '../common/validate';
import { caseForWrite } from '../cases/case-access';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePerson } from '../cases/case-person.entity';
import type { Case } from '../cases/case.entity';
import { CaseReviewApplication } from '../case-reviews/case-review-application.entity';
import { CaseReviewDecision } from '../case-reviews/case-review-decision.entity';
import { lockRow } from '../db/locks';
import { conflict } from '../errors';
import { IncidentPerson } from '../incidents/incident-person.entity';
import { Intervention } from '../interventions/intervention.entity';
import { JointVisitPerson } from '../joint-visits/joint-visit-person.entity';
import { requireRow } from '../permissions/row-access';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { SupportOffer } from '../support/support-offer.entity';
import { CorrectedRecord } from './corrected-record.enum';
import type {
  CorrectCaseInput,
  CorrectCasePersonInput,
  RemovePersonFromCaseInput,
} from './correction.input';
import { notYoursToCorrect, recordCorrections, requireReason } from './correction.service';

/** The case, locked: corrections and risk assessments of one case are decided one at a time. */
export async function lockedCase(em: EntityManager, viewer: Viewer, caseId: string): Promise<Case> {
  const found = await caseForWrite(em, viewer, caseId);
  await lockRow(em, 'asb_case', found.id);
  await em.refresh(found);
  return found;
}

/** Corrects a case's title, summary or risk level: the lead partner's, as it answers for the case. */
export async function correctCase(
  em: EntityManager,
  viewer: Viewer,
  input: CorrectCaseInput,
): Promise<Case> {
  const found = await lockedCase(em, viewer, input.caseId);
  if (found.leadPartner.id !== viewer.partnerId)
    throw notYoursToCorrect('correctCase', 'the lead partner');
  const reason = requireReason(input.reason);
  const title = input.title == null ? undefined : requireText(input.title, 'title', 200);
  const summary = input.summary == null ? undefined : optionalText(input.summary, 'summary');
  recordCorrections(
    em,
    viewer,
    { record: CorrectedRecord.CASE, recordId: found.id, caseId: found.id, reason },
    [
      ...(title !== undefined ? [{ field: 'title', before: found.title, after: title }] : []),
      ...(summary !== undefined
        ? [{ field: 'summary', before: found.summary ?? null, after: summary }]
        : []),
      ...(input.riskLevel
        ? [{ field: 'riskLevel', before: found.riskLevel, after: input.riskLevel }]
        : []),
    ],
  );
  if (title !== undefined) found.title = title;
  if (summary !== undefined) found.summary = summary;
  if (input.riskLevel) found.riskLevel = input.riskLevel;
  await em.flush();
  return found;
}

/**
 * Someone in a case, for a correction: the case's lead partner, or the partner that added them,
 * may correct it. Ids go through row access first (NOT_FOUND alike for hidden and missing).
 */
async function casePersonToCorrect(
  em: EntityManager,
  viewer: Viewer,
  input: { caseId: string; personId: string },
  mutation: string,
) {
  const found = await lockedCase(em, viewer, input.caseId);
  const personId = await requireRow({ em, viewer }, 'person', input.personId);
  const row = await em.findOne(CasePerson, { case: found, person: personId });
  if (!row) throw conflict(`This person is not in case ${found.reference}`);
  const mayCorrect =
    found.leadPartner.id === viewer.partnerId || row.addedByPartner?.id === viewer.partnerId;
  if (!mayCorrect)
    throw notYoursToCorrect(mutation, 'the lead partner or the partner that added this person');
  return { found, row };
}

export async function correctCasePerson(
  em: EntityManager,
  viewer: Viewer,
  input: CorrectCasePersonInput,
): Promise<CasePerson> {
  const { found, row } = await casePersonToCorrect(em, viewer, input, 'correctCasePerson');
  const reason = requireReason(input.reason);
  const vulnerabilities = input.vulnerabilities ? [...new Set(input.vulnerabilities)].sort() : null;
  recordCorrections(
    em,
    viewer,
    {
      record: CorrectedRecord.CASE_PERSON,
      recordId: row.id,
      caseId: found.id,
      personId: row.person.id,
      reason,
    },
    [
      ...(input.role ? [{ field: 'role', before: row.role, after: input.role }] : []),
      ...(vulnerabilities
        ? [
            {
              field: 'vulnerabilities',
              before: [...row.vulnerabilities].sort(),
              after: vulnerabilities,
            },
          ]
        : []),
    ],
  );
  if (input.role) row.role = input.role;
  if (vulnerabilities) row.vulnerabilities = vulnerabilities;
  await em.flush();
  return row;
}

/**
 * Takes a person added by mistake off a case. The history keeps their part (role,
 * vulnerabilities, when added); the links that only this case gave them go too: their
 * involvement in the case's incidents, unless another case they are in links the same incident.
 * A person the case has already acted on or recorded a decision about (interventions, support
 * offers, joint visits, case review applications and decisions, sharing bases) is refused with
 * CONFLICT: those records must be corrected first, as taking the person away would leave them
 * pointing at someone no longer in the case.
 */
export async function removePersonFromCase(
  em: EntityManager,
  viewer: Viewer,
  input: RemovePersonFromCaseInput,
): Promise<Case> {
  const { found, row } = await casePersonToCorrect(em, viewer, input, 'removePersonFromCase');
  const reason = requireReason(input.reason);
  const person = row.person.id;
  const dependants = [
    await em.count(Intervention, { case: found, subject: person }),
    await em.count(SupportOffer, { case: found, person }),
    await em.count(JointVisitPerson, { visit: { case: found }, person }),
    await em.count(CaseReviewApplication, { case: found, victim: person }),
    await em.count(CaseReviewDecision, { case: found, victim: person }),
    await em.count(SharingBasis, { case: found, person }),
  ].reduce((a, b) => a + b, 0);
  if (dependants > 0)
    throw conflict(
      'Records on this case are about this person (interventions, support, visits, case reviews or sharing bases): correct those first',
    );

  const caseIncidents = (await em.find(CaseIncident, { case: found })).map((l) => l.incident.id);
  const otherCases = (await em.find(CasePerson, { person, case: { $ne: found.id } })).map(
    (other) => other.case.id,
  );
  const keptByOtherCases = new Set(
    otherCases.length && caseIncidents.length
      ? (
          await em.find(CaseIncident, {
            case: { $in: otherCases },
            incident: { $in: caseIncidents },
          })
        ).map((link) => link.incident.id)
      : [],
  );
  const links = caseIncidents.length
    ? await em.find(IncidentPerson, { person, incident: { $in: caseIncidents } })
    : [];
  const dropped = links.filter((link) => !keptByOtherCases.has(link.incident.id));

  recordCorrections(
    em,
    viewer,
    {
      record: CorrectedRecord.CASE_PERSON,
      recordId: row.id,
      caseId: found.id,
      personId: person,
      reason,
    },
    [
      {
        field: 'removed',
        before: `${row.role}; vulnerabilities: ${[...row.vulnerabilities].sort().join(', ') || 'none'}; added ${row.addedAt.toISOString()}; incidents: ${dropped.map((link) => `${link.incident.id} as ${link.role}`).join(', ') || 'none'}`,
        after: 'removed from the case',
      },
    ],
  );
  for (const link of dropped) em.remove(link);
  em.remove(row);
  await em.flush();
  return found;
}
