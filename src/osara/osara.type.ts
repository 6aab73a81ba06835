import { Field, ID, ObjectType } from 'type-graphql';
import { OsaraStage } from '../cases/case-enums';
import { OsaraStageChangeKind } from './osara-enums';

@ObjectType('OsaraStageChange', {
  description: 'A move of the case\u2019s OSARA stage: forward, or back to reopen a stage.',
})
export class OsaraStageChangeType {
  @Field(() => ID)
  id!: string;

  @Field(() => OsaraStage)
  fromStage!: OsaraStage;

  @Field(() => OsaraStage)
  toStage!: OsaraStage;

  @Field(() => OsaraStageChangeKind)
  kind!: OsaraStageChangeKind;

  @Field()
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why a stage was reopened: free text.' })
  reason?: string | null;
}

@ObjectType('OsaraPartnerRequest', {
  description: 'OSARA scanning: a partner on the case asked for its data, and when it answered.',
})
export class OsaraPartnerRequestType {
  @Field(() => ID)
  id!: string;

  @Field()
  askedAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt?: Date | null;
}
