import { clock } from '../../src/common/clock';
import { OsaraStage } from '../../src/cases/case-enums';
import { CasePartner } from '../../src/cases/case-partner.entity';
import { Case } from '../../src/cases/case.entity';
import type { Partner } from '../../src/partners/partner.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { OsaraPartnerRequest } from '../../src/osara/osara-partner-request.entity';
import { OsaraStageChange } from '../../src/osara/osara-stage-change.entity';
import { gql } from '../support/gql';
import { makeCase, type Member } from '../support/factories';
import type { RowCounts } from '../mutations/refusals';

/* The OSARA and action operations the tests send, with the case fields they read back. */

const CASE_OSARA = `
  id
  status
  closedAt
  osara {
    stage
    objective
    objectiveTargetDate
    scanning
    analysis
    response
    assessment
    missingBeforeNextStage
    history { fromStage toStage kind changedAt reason changedBy { id } }
    partnerRequests { id partner { id } askedAt answeredAt askedBy { id } answeredBy { id } }
  }
`;

export interface OsaraCase {
  id: string;
  status: string;
  closedAt: string | null;
  osara: {
    stage: OsaraStage;
    objective: string | null;
    objectiveTargetDate: string | null;
    scanning: string | null;
    analysis: string | null;
    response: string | null;
    assessment: string | null;
    missingBeforeNextStage: string[];
    history: {
      fromStage: OsaraStage;
      toStage: OsaraStage;
      kind: string;
      changedAt: string;
      reason: string | null;
      changedBy: { id: string } | null;
    }[];
    partnerRequests: {
      id: string;
      partner: { id: string };
      askedAt: string;
      answeredAt: string | null;
      askedBy: { id: string } | null;
      answeredBy: { id: string } | null;
    }[];
  };
}

type Input = Record<string, unknown>;
const write = <K extends string>(name: K, type: string, selection = CASE_OSARA) =>
  gql<Record<K, OsaraCase | null>, { input: Input }>(
    `mutation ($input: ${type}!) { ${name}(input: $input) { ${selection} } }`,
  );

export const RecordObjective = write('recordOsaraObjective', 'RecordOsaraObjectiveInput');
export const RecordScanning = write('recordOsaraScanning', 'RecordOsaraScanningInput');
export const RecordAnalysis = write('recordOsaraAnalysis', 'RecordOsaraAnalysisInput');
export const RecordResponse = write('recordOsaraResponse', 'RecordOsaraResponseInput');
export const RecordAssessment = write('recordOsaraAssessment', 'RecordOsaraAssessmentInput');
export const Advance = write('advanceOsaraStage', 'AdvanceOsaraStageInput');
export const Reopen = write('reopenOsaraStage', 'ReopenOsaraStageInput');
export const CloseCase = write('closeCase', 'CloseCaseInput');
export const AskPartner = gql<
  { askPartnerForData: { id: string; partner: { id: string } } | null },
  { input: Input }
>(
  `mutation ($input: AskPartnerForDataInput!) { askPartnerForData(input: $input) { id partner { id } } }`,
);
export const DataAnswered = gql<
  { recordPartnerDataAnswered: { id: string; answeredAt: string | null } | null },
  { input: Input }
>(
  `mutation ($input: RecordPartnerDataAnsweredInput!) { recordPartnerDataAnswered(input: $input) { id answeredAt } }`,
);
export const ReadOsara = gql<{ case: OsaraCase | null }, { id: string }>(
  `query ($id: ID!) { case(id: $id) { ${CASE_OSARA} } }`,
);

export interface ActionView {
  id: string;
  title: string | null;
  details: string | null;
  dueDate: string;
  status: string;
  source: string;
  overdue: boolean;
  assignedPartner: { id: string };
  case: { id: string } | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}
const ACTION = `id title details dueDate status source overdue assignedPartner { id } case { id } completedAt cancelledAt cancelReason`;
export const AssignAction = gql<{ assignAction: ActionView | null }, { input: Input }>(
  `mutation ($input: AssignActionInput!) { assignAction(input: $input) { ${ACTION} } }`,
);
export const CompleteAction = gql<{ completeAction: ActionView | null }, { input: Input }>(
  `mutation ($input: CompleteActionInput!) { completeAction(input: $input) { ${ACTION} } }`,
);
export const CancelAction = gql<{ cancelAction: ActionView | null }, { input: Input }>(
  `mutation ($input: CancelActionInput!) { cancelAction(input: $input) { ${ACTION} } }`,
);
export const CaseActions = gql<{ case: { actions: ActionView[] } | null }, { id: string }>(
  `query ($id: ID!) { case(id: $id) { actions { ${ACTION} } } }`,
);
export const OutstandingActions = gql<
  { outstandingActions: ActionView[] | null },
  { overdueOnly?: boolean; first?: number }
>(
  `query ($overdueOnly: Boolean, $first: Int) { outstandingActions(overdueOnly: $overdueOnly, first: $first) { ${ACTION} } }`,
);

/** ISO calendar day `days` from today (London and UTC agree except near midnight). */
export const isoDayFromToday = (days: number) => {
  const date = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(clock.now())}T00:00:00Z`,
  );
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const ORDER = [
  OsaraStage.OBJECTIVE,
  OsaraStage.SCANNING,
  OsaraStage.ANALYSIS,
  OsaraStage.RESPONSE,
  OsaraStage.ASSESSMENT,
];

/**
 * A case led by `lead` with `others` on it, already at `stage` with every earlier stage's
 * content in place (written straight to the database, as the stage tests' starting point).
 */
export async function makeCaseAt(
  em: EntityManager,
  lead: Member,
  others: Partner[],
  stage: OsaraStage,
): Promise<Case> {
  const created = await makeCase(em, lead, { others });
  const reached = ORDER.indexOf(stage);
  const osara = created.osara;
  osara.stage = stage;
  if (reached > 0) {
    osara.objective = 'Stop the visitors using the flat';
    osara.objectiveTargetDate = isoDayFromToday(60);
  }
  if (reached > 1) {
    osara.scanning = 'Police logs and tenancy records reviewed';
    em.create(OsaraPartnerRequest, {
      case: created,
      partner: others[0] ?? lead.partner,
      askedBy: lead.user,
    });
  }
  if (reached > 2) osara.analysis = 'Visits peak on Friday and Saturday nights';
  if (reached > 3) {
    em.create(Action, {
      case: created,
      assignedPartner: others[0] ?? lead.partner,
      title: 'Tenancy visit',
      dueDate: isoDayFromToday(7),
      source: ActionSource.OSARA_RESPONSE,
      createdBy: lead.user,
    });
  }
  await em.flush();
  return created;
}

/** The rows an OSARA write can touch on one case: its stage and content, history and requests. */
export const osaraRows =
  (caseId: string): RowCounts =>
  async (em) => {
    const found = await em.findOneOrFail(Case, { id: caseId });
    const o = found.osara;
    return {
      stage: ORDER.indexOf(o.stage),
      closed: found.closedAt ? 1 : 0,
      contentLength: [
        o.objective,
        o.objectiveTargetDate,
        o.scanning,
        o.analysis,
        o.response,
        o.assessment,
      ]
        .map((value) => value?.length ?? 0)
        .reduce((a, b) => a + b, 0),
      stageChanges: await em.count(OsaraStageChange, { case: caseId }),
      partnerRequests: await em.count(OsaraPartnerRequest, { case: caseId }),
      answered: await em.count(OsaraPartnerRequest, { case: caseId, answeredAt: { $ne: null } }),
      actions: await em.count(Action, { case: caseId }),
      partners: await em.count(CasePartner, { case: caseId }),
    };
  };

export { ORDER as OSARA_ORDER };
