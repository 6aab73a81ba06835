import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { seenThroughCase } from '../permissions/decide';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import { RecordSupportOfferInput } from './support-offer.input';
import { recordSupportOffer } from './support-offer.service';
import { SupportOfferType } from './support-offer.type';
import type { SupportOffer } from './support-offer.entity';

@Resolver(() => SupportOfferType)
export class SupportOfferResolver {
  @Mutation(() => SupportOfferType, {
    nullable: true,
    description:
      'Record support offered (mediation, a referral, victim support...) and the answer.',
  })
  recordSupportOffer(@Arg('input') input: RecordSupportOfferInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordSupportOffer(em, ctx.viewer, input));
  }

  @FieldResolver(() => PartnerType)
  offeredBy(@Root() offer: SupportOffer, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(offer.offeredBy.id);
  }

  @FieldResolver(() => PersonType)
  async person(@Root() offer: SupportOffer, @Ctx() ctx: HubContext) {
    // Seen through the offer's case: sharing bases release on the case they were recorded for.
    const person = await ctx.loaders.personById.load(offer.person.id);
    return person && seenThroughCase(person, offer.case.id);
  }
}
