import { registerEnumType } from 'type-graphql';

/** What the partners decided on an ASB case review application. */
export enum CaseReviewOutcome {
  /** Threshold met: the review must be held (2014 Act s.104(4)). */
  REVIEW_THRESHOLD_MET = 'REVIEW_THRESHOLD_MET',
  /** Below the threshold, reviewed anyway on persistence, harm or adequacy of response (s.104(5)). */
  DISCRETIONARY_REVIEW = 'DISCRETIONARY_REVIEW',
  /** Below the threshold and no discretionary review. */
  NO_REVIEW = 'NO_REVIEW',
}

registerEnumType(CaseReviewOutcome, { name: 'CaseReviewOutcome' });
