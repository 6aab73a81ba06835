import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CaseType } from '../cases/case.type';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { OfficerType } from '../users/officer.type';
import {
  RecordSharingBasisInput,
  RecordSharingOverrideInput,
  WithdrawSharingBasisInput,
} from './sharing-basis.input';
import {
  recordSharingBasis,
  recordSharingOverride,
  withdrawSharingBasis,
} from './sharing-basis.service';
import { SharingBasisType } from './sharing-basis.type';
import type { SharingBasis } from './sharing-basis.entity';

@Resolver(() => SharingBasisType)
export class SharingBasisResolver {
  @Mutation(() => SharingBasisType, {
    nullable: true,
    description:
      'Release your partner\u2019s basis-gated fields about a person, by consent or a lawful basis.',
  })
  recordSharingBasis(@Arg('input') input: RecordSharingBasisInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) =>
      recordSharingBasis(em, ctx.viewer, input, (id) => ctx.loaders.personVisible.load(id)),
    );
  }

  @Mutation(() => SharingBasisType, {
    nullable: true,
    description:
      'Share without consent: safeguarding (DPA 2018 sch.1 para 18) or preventing or detecting unlawful acts (para 10), stating who decided, the lawful basis and why. Supervisors of the owner partner only.',
  })
  recordSharingOverride(@Arg('input') input: RecordSharingOverrideInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) =>
      recordSharingOverride(em, ctx.viewer, input, (id) => ctx.loaders.personVisible.load(id)),
    );
  }

  @Mutation(() => SharingBasisType, {
    nullable: true,
    description:
      'Withdraw a basis your partner recorded; the fields it released are hidden from the next request on.',
  })
  withdrawSharingBasis(@Arg('input') input: WithdrawSharingBasisInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => withdrawSharingBasis(em, ctx.viewer, input));
  }

  @FieldResolver(() => PartnerType, { description: 'The partner whose fields it releases.' })
  ownerPartner(@Root() basis: SharingBasis, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(basis.ownerPartner.id);
  }

  @FieldResolver(() => [PartnerType], {
    description: 'The partners it releases to, fixed when it was recorded.',
  })
  async recipientPartners(@Root() basis: SharingBasis, @Ctx() ctx: HubContext) {
    const partners = await ctx.loaders.partnerById.loadMany(basis.recipientPartnerIds);
    return partners.filter((partner) => partner && !(partner instanceof Error));
  }

  @FieldResolver(() => CaseType, {
    nullable: true,
    description: 'The case it was recorded for, when your partner takes part in it.',
  })
  case(@Root() basis: SharingBasis, @Ctx() ctx: HubContext) {
    return ctx.loaders.visibleCaseById.load(basis.case.id);
  }

  @FieldResolver(() => OfficerType)
  decidedBy(@Root() basis: SharingBasis, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(basis.decidedBy.id);
  }
}
