import type { EntityManager } from '@mikro-orm/postgresql';
import { actionLoaders } from './actions/action.loaders';
import { AuditTrail } from './audit/audit-trail';
import type { Viewer } from './auth/viewer';
import { BatchWaves } from './common/batch-loader';
import { caseReviewLoaders } from './case-reviews/case-review.loaders';
import { caseLoaders } from './cases/case.loaders';
import { correctionLoaders } from './corrections/correction.loaders';
import type { HubConfig } from './config';
import { requestTimedOut } from './http/request-timeout';
import { incidentLoaders } from './incidents/incident.loaders';
import { interventionLoaders } from './interventions/intervention.loaders';
import { jointVisitLoaders } from './joint-visits/joint-visit.loaders';
import { locationLoaders } from './locations/location.loaders';
import type { NotificationFeed } from './notifications/notification-feed';
import { meetingLoaders } from './meetings/meeting.loaders';
import { osaraLoaders } from './osara/osara.loaders';
import { partnerRecordLoaders } from './partner-records/partner-record.loaders';
import { partnerLoaders } from './partners/partner.loaders';
import { personLoaders } from './people/person.loaders';
import { riskAssessmentLoaders } from './risk-assessments/risk-assessment.loaders';
import { rowAccessLoaders } from './permissions/row-access';
import { sharingBasisLoaders } from './sharing/sharing-basis.loaders';
import { supportOfferLoaders } from './support/support-offer.loaders';
import { userLoaders } from './users/user.loaders';

/** Everything one GraphQL request carries: who asks, its own EntityManager and batch loaders. */
export interface HubContext {
  requestId: string;
  viewer: Viewer;
  em: EntityManager;
  config: HubConfig;
  loaders: Loaders;
  /** Permission answers that depend only on the viewer, remembered for this request. */
  decisions: Map<string, boolean>;
  /** The live notification subscribers of this hub process (absent in scripts). */
  feed?: NotificationFeed;
  /** Reads and writes of personal data in this request, for the audit (src/audit/). */
  audit: AuditTrail;
  /** Write transactions this request has committed (inTransaction): a keyed retry must not repeat them. */
  committedWrites?: number;
}

export function createLoaders(em: EntityManager, viewer: Viewer, config?: HubConfig) {
  const waves = new BatchWaves(config && requestDeadline(config));
  return {
    /** For a statement of the request's own that no loader sends (the case graph). */
    waves,
    ...rowAccessLoaders(em, waves, viewer),
    ...partnerLoaders(em, waves),
    ...userLoaders(em, waves),
    ...personLoaders(em, waves, viewer),
    ...locationLoaders(em, waves),
    ...caseLoaders(em, waves, viewer),
    ...incidentLoaders(em, waves),
    ...jointVisitLoaders(em, waves),
    ...supportOfferLoaders(em, waves),
    ...interventionLoaders(em, waves, viewer),
    ...caseReviewLoaders(em, waves),
    ...partnerRecordLoaders(em, waves),
    ...sharingBasisLoaders(em, waves),
    ...osaraLoaders(em, waves),
    ...actionLoaders(em, waves),
    ...meetingLoaders(em, waves),
    ...correctionLoaders(em, waves),
    ...riskAssessmentLoaders(em, waves),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** When this request's time is up: its loaders send nothing more after it. */
function requestDeadline(config: HubConfig) {
  const { requestTimeoutMs } = config.limits;
  return {
    at: Date.now() + requestTimeoutMs,
    exceeded: () => requestTimedOut(requestTimeoutMs, config.mode !== 'production'),
  };
}

export function createContext(input: {
  requestId: string;
  viewer: Viewer;
  em: EntityManager;
  config: HubConfig;
  feed?: NotificationFeed;
  /** Why the client asks, when it says (the `x-purpose` header). */
  purpose?: string | null;
}): HubContext {
  const { purpose, ...rest } = input;
  return {
    ...rest,
    loaders: createLoaders(input.em, input.viewer, input.config),
    decisions: new Map(),
    audit: new AuditTrail(
      input.config.auditEnabled,
      input.requestId,
      input.viewer,
      purpose ?? null,
    ),
  };
}
