import { Field, ID, InputType } from 'type-graphql';
import { SharingBasisKind } from './sharing-basis-kind.enum';

/**
 * What a basis is about and whom it releases to, the same for consent and for an override: one
 * person, seen through one case, released to the partners it names (src/permissions/decide.ts).
 */
@InputType()
abstract class SharingScopeInput {
  @Field(() => ID, { description: 'Someone in a case your partner takes part in.' })
  personId!: string;

  @Field(() => ID, {
    description:
      'The case it is recorded for: it releases nothing on the person\u2019s other cases.',
  })
  caseId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The partners on the case it releases to. Give these, or set allPartnersOnCase; an empty or unknown id is refused.',
  })
  recipientPartnerIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Release to every other partner on the case now: resolved to a fixed list when recorded, so a partner added later is not covered.',
  })
  allPartnersOnCase?: boolean | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@InputType({
  description:
    "Record the basis on which your partner releases its fields about a person: the person's consent, or a lawful basis.",
})
export class RecordSharingBasisInput extends SharingScopeInput {
  @Field(() => SharingBasisKind)
  kind!: SharingBasisKind;

  @Field({ description: 'Who consented and when, or the safeguarding concern and who decided.' })
  reason!: string;
}

@InputType({
  description:
    'Withdraw a basis your partner recorded (the person withdrew consent, the risk has passed). Takes effect at once.',
})
export class WithdrawSharingBasisInput {
  @Field(() => ID)
  sharingBasisId!: string;

  @Field({ description: 'Why it is withdrawn: quoted in the record and the audit.' })
  reason!: string;
}

@InputType({
  description:
    'Share without consent (an override): safeguarding (DPA 2018 sch.1 para 18) or preventing or detecting unlawful acts (para 10). Supervisors of the owner partner only.',
})
export class RecordSharingOverrideInput extends SharingScopeInput {
  @Field(() => SharingBasisKind, {
    description: 'SAFEGUARDING or PREVENTING_UNLAWFUL_ACTS; CONSENT is not an override.',
  })
  kind!: SharingBasisKind;

  @Field({ description: 'Who decided: the name and role of the decision maker.' })
  decisionMaker!: string;

  @Field({
    description:
      'The lawful basis relied on, e.g. UK GDPR art. 6(1)(e) and DPA 2018 sch.1 para 18.',
  })
  lawfulBasis!: string;

  @Field({ description: 'Why sharing without consent is necessary and proportionate.' })
  reason!: string;
}
