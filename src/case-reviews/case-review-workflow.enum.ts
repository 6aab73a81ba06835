import { registerEnumType } from 'type-graphql';

/** Which route met the ASB case review threshold. */
export enum CaseReviewRoute {
  /** N qualifying complaints by one victim in the window (2014 Act s.104(4), s.104(11)). */
  VICTIM_THRESHOLD = 'VICTIM_THRESHOLD',
  /** Area procedure: several victims reporting the same place (e.g. five reports, two victims). */
  LOCATION = 'LOCATION',
  /** Area procedure: a single hate incident. */
  HATE_INCIDENT = 'HATE_INCIDENT',
}

/** What became of an alert: the partners act on it (an application) or dismiss it. */
export enum CaseReviewAlertStatus {
  OPEN = 'OPEN',
  ACTIONED = 'ACTIONED',
  DISMISSED = 'DISMISSED',
}

/** How the application reached a partner: the statutory guidance allows any route. */
export enum CaseReviewApplicationChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ONLINE_FORM = 'ONLINE_FORM',
  LETTER = 'LETTER',
  IN_PERSON = 'IN_PERSON',
  THROUGH_ANOTHER_PARTNER = 'THROUGH_ANOTHER_PARTNER',
}

/** The steps of an ASB case review, in the order they must be recorded. */
export enum CaseReviewStep {
  APPLICATION = 'APPLICATION',
  ACKNOWLEDGEMENT = 'ACKNOWLEDGEMENT',
  DECISION = 'DECISION',
  REVIEW_MEETING = 'REVIEW_MEETING',
  RECOMMENDATIONS = 'RECOMMENDATIONS',
  RESPONSE = 'RESPONSE',
  APPEAL = 'APPEAL',
  CLOSURE = 'CLOSURE',
}

/** What partners weigh when deciding to review below the threshold (2014 Act s.104(5)). */
export enum CaseReviewConsideration {
  PERSISTENCE = 'PERSISTENCE',
  HARM_OR_POTENTIAL_HARM = 'HARM_OR_POTENTIAL_HARM',
  ADEQUACY_OF_RESPONSE = 'ADEQUACY_OF_RESPONSE',
}

registerEnumType(CaseReviewRoute, { name: 'CaseReviewRoute' });
registerEnumType(CaseReviewAlertStatus, { name: 'CaseReviewAlertStatus' });
registerEnumType(CaseReviewApplicationChannel, { name: 'CaseReviewApplicationChannel' });
registerEnumType(CaseReviewStep, { name: 'CaseReviewStep' });
registerEnumType(CaseReviewConsideration, { name: 'CaseReviewConsideration' });
