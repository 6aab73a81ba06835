import { registerEnumType } from 'type-graphql';

export enum SupportKind {
  MEDIATION = 'MEDIATION',
  MENTAL_HEALTH_REFERRAL = 'MENTAL_HEALTH_REFERRAL',
  DRUG_ALCOHOL_REFERRAL = 'DRUG_ALCOHOL_REFERRAL',
  VICTIM_SUPPORT = 'VICTIM_SUPPORT',
  DIVERSIONARY_SCHEME = 'DIVERSIONARY_SCHEME',
  HOUSING_SUPPORT = 'HOUSING_SUPPORT',
  OTHER = 'OTHER',
}

export enum SupportResponse {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  NO_RESPONSE = 'NO_RESPONSE',
}

registerEnumType(SupportKind, { name: 'SupportKind' });
registerEnumType(SupportResponse, { name: 'SupportResponse' });
