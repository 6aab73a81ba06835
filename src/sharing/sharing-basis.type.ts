import { Field, ID, ObjectType } from 'type-graphql';
import { SharingBasisKind } from './sharing-basis-kind.enum';

@ObjectType('SharingBasis', {
  description: 'A consent or lawful basis releasing a partner\u2019s fields about a person.',
})
export class SharingBasisType {
  @Field(() => ID)
  id!: string;

  @Field(() => SharingBasisKind)
  kind!: SharingBasisKind;

  @Field()
  reason!: string;

  @Field()
  recordedAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn.' })
  withdrawalReason?: string | null;

  @Field({
    description: 'True when shared without consent (safeguarding or preventing unlawful acts).',
  })
  override!: boolean;

  @Field(() => String, { nullable: true, description: 'Override: who took the decision.' })
  decisionMaker?: string | null;

  @Field(() => String, { nullable: true, description: 'Override: the lawful basis relied on.' })
  lawfulBasis?: string | null;
}
