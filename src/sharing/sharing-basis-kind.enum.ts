import { registerEnumType } from 'type-graphql';

/**
 * Why a partner may release its fields about a person to others. Health and substance data are
 * special category data: they need consent or an article 9 condition from DPA 2018 schedule 1.
 */
export enum SharingBasisKind {
  /** The person's own consent. */
  CONSENT = 'CONSENT',
  /** DPA 2018 schedule 1 paragraph 18: safeguarding of individuals at risk. */
  SAFEGUARDING = 'SAFEGUARDING',
  /** DPA 2018 schedule 1 paragraph 10: preventing or detecting unlawful acts. */
  PREVENTING_UNLAWFUL_ACTS = 'PREVENTING_UNLAWFUL_ACTS',
}

registerEnumType(SharingBasisKind, { name: 'SharingBasisKind' });
