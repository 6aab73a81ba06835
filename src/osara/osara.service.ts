import { clock } from '../common/clock';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource, ActionStatus } from '../actions/action-enums';
import type { Viewer } from '../auth/viewer';
import { londonDay } from '../area-configuration/working-days';
import { CaseStatus, OsaraStage } from '../cases/case-enums';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import type { Case } from '../cases/case.entity';
import { requireId, requireLocalDate, requireText } from '../common/validate';
import { badInput, conflict, HubError, notFound } from '../errors';
import { requireRow } from '../permissions/row-access';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { OsaraStageChangeKind } from './osara-enums';
import { OsaraPartnerRequest } from './osara-partner-request.entity';
import { OsaraStageChange } from './osara-stage-change.entity';
import type {
  AdvanceOsaraStageInput,
  AskPartnerForDataInput,
  CloseCaseInput,
  RecordOsaraAnalysisInput,
  RecordOsaraAssessmentInput,
  RecordOsaraObjectiveInput,
  RecordOsaraResponseInput,
  RecordOsaraScanningInput,
  RecordPartnerDataAnsweredInput,
  ReopenOsaraStageInput,
} from './osara.input';
import {
  type OsaraFacts,
  nextStage,
  outOfOrder,
  requireStage,
  SOURCE,
  stageIncomplete,
  stageIndex,
  stageLabel,
} from './osara.rules';

/**
 * The case a write is about, locked for the rest of the transaction so two partners moving its
 * stage at once are applied one after the other. A closed case takes no more casework.
 */
export async function openCaseForWrite(
  em: EntityManager,
  viewer: Viewer,
  caseId: string,
): Promise<Case> {
  const found = await caseForWrite(em, viewer, caseId);
  await em.lock(found, LockMode.PESSIMISTIC_WRITE);
  await em.refresh(found);
  if (found.status === CaseStatus.CLOSED) {
    throw new HubError(
      'CASE_CLOSED',
      `Case ${found.reference} is closed: it takes no more casework (${SOURCE})`,
    );
  }
  return found;
}

/** Is this partner taking part in the case? Actions and data requests go only to those who are. */
export async function requirePartnerOnCase(
  em: EntityManager,
  onCase: Case,
  partnerId: string,
): Promise<Partner> {
  const partner = await em.findOne(Partner, { id: requireId(partnerId, 'partner') });
  if (!partner) throw notFound('partner', partnerId);
  if (!(await em.count(CasePartner, { case: onCase, partner }))) {
    throw new HubError(
      'PARTNER_NOT_ON_CASE',
      `${partner.name} does not take part in case ${onCase.reference}: add it to the case first`,
      { field: 'partnerId' },
    );
  }
  return partner;
}

/** What the stage rules need besides the embedded record, counted in the caller's transaction. */
export async function osaraFacts(em: EntityManager, onCase: Case): Promise<OsaraFacts> {
  const [partnersAsked, responseActions] = await Promise.all([
    em.count(OsaraPartnerRequest, { case: onCase }),
    countResponseActions(em, onCase.id),
  ]);
  return { osara: onCase.osara, partnersAsked, responseActions };
}

async function countResponseActions(em: EntityManager, caseId: string) {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from action a
       join case_partner cp on cp.case_id = a.case_id and cp.partner_id = a.assigned_partner_id
      where a.case_id = ? and a.source = ? and a.status <> ?`,
    [caseId, ActionSource.OSARA_RESPONSE, ActionStatus.CANCELLED],
  );
  return Number(row.n);
}

const me = (em: EntityManager, viewer: Viewer) => em.getReference(User, viewer.userId);

export async function recordObjective(
  em: EntityManager,
  viewer: Viewer,
  input: RecordOsaraObjectiveInput,
) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  requireStage(onCase.osara.stage, OsaraStage.OBJECTIVE, 'the objective');
  const objective = requireText(input.objective, 'objective', 2000);
  const targetDate = requireLocalDate(input.targetDate, 'targetDate');
  if (targetDate < londonDay(clock.now())) {
    throw badInput(
      'targetDate is in the past: an objective is achieved by a future date',
      'targetDate',
    );
  }
  onCase.osara.objective = objective;
  onCase.osara.objectiveTargetDate = targetDate;
  await em.flush();
  return onCase;
}

/** Scanning, analysis, response and assessment text: recorded while the case is at that stage. */
async function recordStageText(
  em: EntityManager,
  viewer: Viewer,
  caseId: string,
  stage: OsaraStage,
  field: 'scanning' | 'analysis' | 'response' | 'assessment',
  value: string,
) {
  const onCase = await openCaseForWrite(em, viewer, caseId);
  requireStage(onCase.osara.stage, stage, `the ${field}`);
  onCase.osara[field] = requireText(value, field);
  await em.flush();
  return onCase;
}

export const recordScanning = (
  em: EntityManager,
  viewer: Viewer,
  input: RecordOsaraScanningInput,
) => recordStageText(em, viewer, input.caseId, OsaraStage.SCANNING, 'scanning', input.scanning);
export const recordAnalysis = (
  em: EntityManager,
  viewer: Viewer,
  input: RecordOsaraAnalysisInput,
) => recordStageText(em, viewer, input.caseId, OsaraStage.ANALYSIS, 'analysis', input.analysis);
export const recordResponse = (
  em: EntityManager,
  viewer: Viewer,
  input: RecordOsaraResponseInput,
) => recordStageText(em, viewer, input.caseId, OsaraStage.RESPONSE, 'response', input.response);
export const recordAssessment = (
  em: EntityManager,
  viewer: Viewer,
  input: RecordOsaraAssessmentInput,
) =>
  recordStageText(em, viewer, input.caseId, OsaraStage.ASSESSMENT, 'assessment', input.assessment);

/** Scanning: a partner on the case is asked for the data it holds; once per partner. */
export async function askPartnerForData(
  em: EntityManager,
  viewer: Viewer,
  input: AskPartnerForDataInput,
) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  requireStage(onCase.osara.stage, OsaraStage.SCANNING, 'partners are asked for their data');
  const partner = await requirePartnerOnCase(em, onCase, input.partnerId);
  if (await em.count(OsaraPartnerRequest, { case: onCase, partner })) {
    throw conflict(
      `${partner.name} has already been asked for its data on case ${onCase.reference}`,
    );
  }
  const request = em.create(OsaraPartnerRequest, {
    case: onCase,
    partner,
    askedBy: me(em, viewer),
  });
  await em.flush();
  return request;
}

/** The data asked for has come in; recorded by any partner on the case (usually the lead). */
export async function recordPartnerDataAnswered(
  em: EntityManager,
  viewer: Viewer,
  input: RecordPartnerDataAnsweredInput,
) {
  // Hidden and missing alike: a request on another partner's case is "not found".
  const id = await requireRow({ em, viewer }, 'partnerDataRequest', input.requestId);
  const request = await em.findOneOrFail(OsaraPartnerRequest, { id });
  // Only the partner asked says it has shared what it holds: no one answers for another partner.
  if (request.partner.id !== viewer.partnerId) {
    throw new HubError(
      'PARTNER_DATA_REQUEST_NOT_YOURS',
      'Only the partner asked for its data answers the request; ask that partner',
      { field: 'requestId' },
    );
  }
  await openCaseForWrite(em, viewer, request.case.id);
  // Read again under the case's row lock: a second answer sent at once sees the first.
  await em.refresh(request);
  if (request.answeredAt) throw conflict('This partner data request is already answered');
  request.answeredAt = clock.now();
  request.answeredBy = me(em, viewer);
  await em.flush();
  return request;
}

/** The next stage, once the current one has its content. */
export async function advanceStage(
  em: EntityManager,
  viewer: Viewer,
  input: AdvanceOsaraStageInput,
) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  const current = onCase.osara.stage;
  const next = nextStage(current);
  if (input.to !== next) {
    throw outOfOrder(
      current,
      next
        ? `the next stage is ${stageLabel(next)}, not ${stageLabel(input.to)}`
        : 'Assessment is the last stage; close the case instead',
    );
  }
  const incomplete = stageIncomplete(current, await osaraFacts(em, onCase));
  if (incomplete) throw incomplete;
  onCase.osara.stage = next;
  em.create(OsaraStageChange, {
    case: onCase,
    fromStage: current,
    toStage: next,
    kind: OsaraStageChangeKind.ADVANCED,
    changedBy: me(em, viewer),
  });
  await em.flush();
  return onCase;
}

/** Back to an earlier stage, with the reason kept in the case's stage history. */
export async function reopenStage(em: EntityManager, viewer: Viewer, input: ReopenOsaraStageInput) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  const current = onCase.osara.stage;
  if (stageIndex(input.to) >= stageIndex(current)) {
    throw outOfOrder(
      current,
      `only an earlier stage can be reopened, not ${stageLabel(input.to)}; advance to move on`,
    );
  }
  const reason = (input.reason ?? '').trim();
  if (!reason) {
    throw new HubError(
      'OSARA_REOPEN_REASON_REQUIRED',
      `Say why ${stageLabel(input.to)} is being revisited: the reason is kept in the case's stage history (${SOURCE})`,
      { field: 'reason' },
    );
  }
  onCase.osara.stage = input.to;
  em.create(OsaraStageChange, {
    case: onCase,
    fromStage: current,
    toStage: input.to,
    kind: OsaraStageChangeKind.REOPENED,
    changedBy: me(em, viewer),
    reason: requireText(reason, 'reason', 2000),
  });
  await em.flush();
  return onCase;
}

/**
 * Closing a case needs an assessment (domain brief, OSARA): the case must be at Assessment with
 * what worked recorded. Only the lead partner closes its case.
 */
export async function closeCase(em: EntityManager, viewer: Viewer, input: CloseCaseInput) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  if (onCase.leadPartner.id !== viewer.partnerId) {
    throw new HubError(
      'LEAD_PARTNER_ONLY',
      `Only the lead partner closes case ${onCase.reference} (${SOURCE})`,
    );
  }
  if (onCase.osara.stage !== OsaraStage.ASSESSMENT || !onCase.osara.assessment) {
    throw new HubError(
      'ASSESSMENT_REQUIRED',
      `Case ${onCase.reference} cannot close without an assessment: reach Assessment and record what worked (${SOURCE})`,
      { stage: onCase.osara.stage },
    );
  }
  onCase.status = CaseStatus.CLOSED;
  onCase.closedAt = clock.now();
  await em.flush();
  return onCase;
}
