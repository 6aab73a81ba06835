import type { EntityManager } from '@mikro-orm/postgresql';
import { Action } from '../../src/actions/action.entity';
import { CaseReviewAlert } from '../../src/case-reviews/case-review-alert.entity';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { gql } from '../support/gql';
import type { TestHub } from '../support/hub';

/* Operations and helpers shared by the ASB case review tests. */

export interface AlertView {
  id: string;
  route: string;
  status: string;
  raisedAt: string;
  windowStart: string;
  windowEnd: string;
  incidentCount: number;
  countedIncidents: { id: string; occurredAt: string }[];
  victim: { id: string } | null;
  location: { id: string } | null;
  case: { id: string } | null;
}

export const RECORD_INCIDENT = gql<
  {
    recordIncident: {
      incident: { id: string; hateIncident: boolean };
      attachedToExistingIncident: boolean;
    } | null;
  },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordIncidentInput!) {
    recordIncident(input: $input) { incident { id hateIncident } attachedToExistingIncident }
  }
`);

export const ALERTS = gql<
  { caseReviewAlerts: AlertView[] | null },
  { caseId?: string | null; status?: string }
>(`
  query ($caseId: ID, $status: CaseReviewAlertStatus) {
    caseReviewAlerts(caseId: $caseId, status: $status) {
      id route status raisedAt windowStart windowEnd incidentCount
      countedIncidents { id occurredAt }
      victim { id } location { id } case { id }
    }
  }
`);

export const DISMISS_ALERT = gql<
  { dismissCaseReviewAlert: { id: string; status: string; dismissedReason: string } | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: DismissCaseReviewAlertInput!) {
    dismissCaseReviewAlert(input: $input) { id status dismissedReason }
  }
`);

const APPLICATION_FIELDS = `
  id madeByVictim applicantName channel appliedAt acknowledgedAt meetingHeldAt respondedAt
  responseSummary appealedAt appealGrounds appealHeardBy appealDeadline closedAt
  victim { id } receivedBy { id } case { id }
  decision { id outcome considerations }
  deadlines { step dueDate completedAt overdue }
  recommendations { id title dueDate status assignedPartner { id } }
`;

export interface ApplicationView {
  id: string;
  madeByVictim: boolean;
  applicantName: string | null;
  channel: string;
  appliedAt: string;
  acknowledgedAt: string | null;
  meetingHeldAt: string | null;
  respondedAt: string | null;
  responseSummary: string | null;
  appealedAt: string | null;
  appealGrounds: string | null;
  appealHeardBy: string | null;
  appealDeadline: string | null;
  closedAt: string | null;
  victim: { id: string } | null;
  receivedBy: { id: string };
  case: { id: string } | null;
  decision: { id: string; outcome: string; considerations: string[] } | null;
  deadlines: { step: string; dueDate: string; completedAt: string | null; overdue: boolean }[];
  recommendations: {
    id: string;
    title: string | null;
    dueDate: string;
    status: string;
    assignedPartner: { id: string };
  }[];
}

export const RECORD_APPLICATION = gql<
  { recordCaseReviewApplication: ApplicationView | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordCaseReviewApplicationInput!) {
    recordCaseReviewApplication(input: $input) { ${APPLICATION_FIELDS} }
  }
`);

export const RECORD_STEP = gql<
  { recordCaseReviewStep: ApplicationView | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordCaseReviewStepInput!) {
    recordCaseReviewStep(input: $input) { ${APPLICATION_FIELDS} }
  }
`);

export const RECORD_RECOMMENDATIONS = gql<
  { recordCaseReviewRecommendations: ApplicationView | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordCaseReviewRecommendationsInput!) {
    recordCaseReviewRecommendations(input: $input) { ${APPLICATION_FIELDS} }
  }
`);

export const DECIDE = gql<
  {
    recordCaseReviewDecision: {
      id: string;
      outcome: string;
      thresholdMet: boolean;
      considerations: string[];
    } | null;
  },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordCaseReviewDecisionInput!) {
    recordCaseReviewDecision(input: $input) { id outcome thresholdMet considerations }
  }
`);

export const APPLICATION = gql<{ caseReviewApplication: ApplicationView | null }, { id: string }>(`
  query ($id: ID!) { caseReviewApplication(id: $id) { ${APPLICATION_FIELDS} } }
`);

export const APPLICATIONS = gql<
  { caseReviewApplications: ApplicationView[] | null },
  { caseId: string }
>(`
  query ($caseId: ID!) { caseReviewApplications(caseId: $caseId) { ${APPLICATION_FIELDS} } }
`);

export const OVERDUE = gql<
  {
    overdueCaseReviewApplications:
      | { id: string; deadlines: { step: string; dueDate: string; overdue: boolean }[] }[]
      | null;
  },
  Record<string, never>
>(`
  query { overdueCaseReviewApplications { id deadlines { step dueDate overdue } } }
`);

/** A moment given in UTC, e.g. at('2025-12-22T10:00:00Z'). */
export const at = (iso: string) => new Date(iso);

/** Counts, for one case, of what threshold detection writes. */
export async function detectionRows(em: EntityManager, caseId: string) {
  return {
    alerts: await em.count(CaseReviewAlert, { case: caseId }),
    events: await em.count(HubEvent, { case: caseId }),
    actions: await em.count(Action, { case: caseId }),
  };
}

export async function alertsFor(hub: TestHub, caseId: string, token: string) {
  const response = await hub.request(ALERTS, { caseId }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.caseReviewAlerts!;
}
