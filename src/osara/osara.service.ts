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
import { requireDistinct, requireId, requireLocalDate, requireText } from '../common/validate';
import { badInput, conflict, HubError, notFound } from '../errors';
import {
  PARTNER_RECORDS,
  requireOptionalRow,
  requireRow,
  requireRows,
  ROW_KINDS,
} from '../permissions/row-access';
import type { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { isLive } from '../sharing/sharing-basis.loaders';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { OsaraAnswerRecord } from './osara-answer-record.entity';
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

/**
 * The partner asked answers its request for data (OSARA scanning), with content: its own partner
 * records about people on the case, a note shared under a basis it recorded for the case, or that
 * it holds nothing (docs/rules.md "OSARA scanning"). Once per request.
 */
export async function recordPartnerDataAnswered(
  em: EntityManager,
  viewer: Viewer,
  input: RecordPartnerDataAnsweredInput,
) {
  const asker = { em, viewer };
  // Every id first, through row access: hidden and missing alike are "not found". A request on
  // another partner's case; a record that is not the viewer's partner's own, or about no one in a
  // case it takes part in; a basis neither its own nor naming it.
  const id = await requireRow(asker, 'partnerDataRequest', input.requestId);
  const recordIds = await requireRows(asker, 'ownPartnerRecord', input.partnerRecordIds ?? []);
  const basisId = await requireOptionalRow(asker, 'sharingBasis', input.note?.sharingBasisId);
  const request = await em.findOneOrFail(OsaraPartnerRequest, { id });
  // Only the partner asked says it has shared what it holds: no one answers for another partner.
  if (request.partner.id !== viewer.partnerId) {
    throw new HubError(
      'PARTNER_DATA_REQUEST_NOT_YOURS',
      'Only the partner asked for its data answers the request; ask that partner',
      { field: 'requestId' },
    );
  }
  const answer = answerContent(input, recordIds);
  const basis = basisId ? await noteBasis(em, viewer, basisId, request.case.id) : null;
  await openCaseForWrite(em, viewer, request.case.id);
  // Read again under the case's row lock: a second answer sent at once waits, then sees the
  // first (CONFLICT); a person removed from the case meanwhile is seen removed.
  await em.refresh(request);
  if (request.answeredAt) throw conflict('This partner data request is already answered');
  const records = await recordsOnCase(em, request.case.id, answer.recordIds);
  request.answeredAt = clock.now();
  request.answeredBy = me(em, viewer);
  request.nothingHeld = answer.nothingHeld;
  request.note = answer.note;
  request.noteSharingBasis = basis;
  for (const record of records) {
    em.create(OsaraAnswerRecord, { request, recordKind: record.kind, recordId: record.id });
  }
  await em.flush();
  return request;
}

/** What an answer says, checked: at least one of records, a note, or nothing held; not both. */
function answerContent(input: RecordPartnerDataAnsweredInput, recordIds: string[]) {
  const note = input.note ? requireText(input.note.text, 'note.text') : null;
  const nothingHeld = Boolean(input.nothingHeld);
  requireDistinct(recordIds, 'partnerRecordIds');
  if (nothingHeld && (recordIds.length > 0 || note)) {
    throw badInput(
      'An answer of nothing held gives no records or note: send one or the other',
      'nothingHeld',
    );
  }
  if (!nothingHeld && recordIds.length === 0 && !note) {
    throw badInput(
      'Answer with your records about people on the case, a shared note, or nothingHeld: true if your partner holds nothing',
      'input',
    );
  }
  return { recordIds, note, nothingHeld };
}

/**
 * The basis a note is shared under: the answering partner's own, recorded for the request's case
 * and in force. Who reads the note is decided at every read from this basis alone, so one
 * withdrawn later hides the note again; no lock is needed to keep the note from outliving it.
 */
async function noteBasis(em: EntityManager, viewer: Viewer, basisId: string, caseId: string) {
  const field = 'note.sharingBasisId';
  const basis = await em.findOneOrFail(SharingBasis, { id: basisId });
  if (basis.ownerPartner.id !== viewer.partnerId) {
    throw new HubError(
      'SHARING_BASIS_NOT_YOURS',
      'A note is shared under a basis your own partner recorded: record one with recordSharingBasis',
      { field },
    );
  }
  if (basis.case.id !== caseId) {
    throw badInput(
      'That sharing basis was recorded for another case: it releases nothing here',
      field,
    );
  }
  if (!isLive(basis)) {
    throw badInput('That sharing basis is withdrawn or expired: record a basis in force', field);
  }
  return basis;
}

/**
 * The records, with their kinds, if each is about someone on the request's case; otherwise the
 * NOT_FOUND a missing id gets (row access reached it through another case of the partner's).
 */
async function recordsOnCase(em: EntityManager, caseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await em.execute<{ id: string; kind: PartnerRecordKind }[]>(
    `select r.id, r.kind from ${PARTNER_RECORDS} r
      where r.id in (?)
        and r.person_id in (select person_id from case_person where case_id = ?)`,
    [ids, caseId],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notFound(ROW_KINDS.ownPartnerRecord.what, missing);
  return ids.map((id) => byId.get(id)!);
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
