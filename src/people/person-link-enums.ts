import { registerEnumType } from 'type-graphql';

/** Why two person records were put together. */
export enum PersonLinkMethod {
  /** Equal NHS number, PNC id, or the same partner's same reference: deterministic. */
  IDENTIFIER = 'IDENTIFIER',
  /** Fellegi–Sunter match weight at or above the link threshold. */
  PROBABILISTIC = 'PROBABILISTIC',
}

/** Where a candidate pair stands. Only LINKED pairs make one individual. */
export enum PersonLinkStatus {
  LINKED = 'LINKED',
  /** In the review band: waits for a supervisor of an involved partner. */
  REVIEW = 'REVIEW',
  /** A reviewer said they are different people. */
  REJECTED = 'REJECTED',
  /** Was linked, then undone: two separate individuals again. */
  UNLINKED = 'UNLINKED',
}

registerEnumType(PersonLinkMethod, { name: 'PersonLinkMethod' });
registerEnumType(PersonLinkStatus, { name: 'PersonLinkStatus' });
