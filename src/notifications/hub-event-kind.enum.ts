import { registerEnumType } from 'type-graphql';

/** What happened that partners should hear about. */
export enum HubEventKind {
  /** An ASB case review route was met: the alert lists the incidents counted. */
  CASE_REVIEW_THRESHOLD_MET = 'CASE_REVIEW_THRESHOLD_MET',
  /** A case review step's working-day deadline is near or has passed. */
  CASE_REVIEW_STEP_DUE = 'CASE_REVIEW_STEP_DUE',
  /** An incident was recorded against someone with an active CPW or CPN. */
  POSSIBLE_BREACH = 'POSSIBLE_BREACH',
  ACTION_ASSIGNED = 'ACTION_ASSIGNED',
  ACTION_OVERDUE = 'ACTION_OVERDUE',
  /**
   * A partner joined a case on which the audience partner releases fields by a sharing basis: the
   * basis does not cover the newcomer, and the owner decides whether to record one that does.
   */
  SHARING_REVIEW_NEEDED = 'SHARING_REVIEW_NEEDED',
}

registerEnumType(HubEventKind, { name: 'HubEventKind' });
