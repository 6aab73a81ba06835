import { Field, ID, ObjectType } from 'type-graphql';
import { OsaraStage } from '../cases/case-enums';
import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
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
  description:
    'OSARA scanning: a partner on the case asked for its data, and its answer: its own records about people on the case, a shared note, or that it holds nothing.',
})
export class OsaraPartnerRequestType {
  @Field(() => ID)
  id!: string;

  @Field()
  askedAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt?: Date | null;

  @Field({ description: 'The partner answered that it looked and holds nothing.' })
  nothingHeld!: boolean;
}

@ObjectType('OsaraSharedNote', {
  description:
    'A note a partner shared with its answer to a data request: free text, read only by that partner and by the partners its sharing basis names, while the basis is in force.',
})
export class OsaraSharedNoteType {
  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => SharingBasisKind, { nullable: true, description: 'Consent, or an override.' })
  basisKind?: SharingBasisKind;
}
