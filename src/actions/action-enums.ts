import { registerEnumType } from 'type-graphql';

export enum ActionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** Why an action exists: set by a person, or raised by a rule the hub enforces. */
export enum ActionSource {
  MANUAL = 'MANUAL',
  /** 2025 guidance: on a victim's second report in 6 months, tell them about the case review. */
  CASE_REVIEW_VICTIM_NOTICE = 'CASE_REVIEW_VICTIM_NOTICE',
  CASE_REVIEW_RECOMMENDATION = 'CASE_REVIEW_RECOMMENDATION',
  OSARA_RESPONSE = 'OSARA_RESPONSE',
  MEETING = 'MEETING',
}

registerEnumType(ActionStatus, { name: 'ActionStatus' });
registerEnumType(ActionSource, { name: 'ActionSource' });
