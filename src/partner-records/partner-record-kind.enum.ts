import { registerEnumType } from 'type-graphql';

/** The four kinds of partner record; each is written only by a partner of the matching kind. */
export enum PartnerRecordKind {
  POLICE = 'POLICE',
  HOUSING = 'HOUSING',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  DRUG_ALCOHOL = 'DRUG_ALCOHOL',
}

registerEnumType(PartnerRecordKind, {
  name: 'PartnerRecordKind',
  description: 'Police, housing, mental health or drug and alcohol record',
});
