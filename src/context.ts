import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth/viewer';
import { caseReviewLoaders } from './case-reviews/case-review.loaders';
import { caseLoaders } from './cases/case.loaders';
import type { HubConfig } from './config';
import { incidentLoaders } from './incidents/incident.loaders';
import { interventionLoaders } from './interventions/intervention.loaders';
import { jointVisitLoaders } from './joint-visits/joint-visit.loaders';
import { locationLoaders } from './locations/location.loaders';
import { partnerRecordLoaders } from './partner-records/partner-record.loaders';
import { partnerLoaders } from './partners/partner.loaders';
import { personLoaders } from './people/person.loaders';
import { rowScopeLoaders } from './permissions/row-scope';
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
}

export function createLoaders(em: EntityManager, viewer: Viewer) {
  return {
    ...rowScopeLoaders(em, viewer),
    ...partnerLoaders(em),
    ...userLoaders(em),
    ...personLoaders(em),
    ...locationLoaders(em),
    ...caseLoaders(em, viewer),
    ...incidentLoaders(em),
    ...jointVisitLoaders(em),
    ...supportOfferLoaders(em),
    ...interventionLoaders(em),
    ...caseReviewLoaders(em),
    ...partnerRecordLoaders(em),
    ...sharingBasisLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createContext(input: {
  requestId: string;
  viewer: Viewer;
  em: EntityManager;
  config: HubConfig;
}): HubContext {
  return { ...input, loaders: createLoaders(input.em, input.viewer), decisions: new Map() };
}
