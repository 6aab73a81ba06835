import { registerEnumType } from 'type-graphql';

/** The kind of organisation a partner is; the sharing policy is written per kind. */
export enum PartnerKind {
  POLICE = 'POLICE',
  COUNCIL = 'COUNCIL',
  HOUSING = 'HOUSING',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  DRUG_ALCOHOL = 'DRUG_ALCOHOL',
  OTHER = 'OTHER',
}

registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description:
    'Police force, local authority ASB team, housing provider, NHS mental health service, drug and alcohol service, or another partner the area adds',
});
