import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import { InterventionBreachType, InterventionType } from './intervention.type';
import type { Intervention } from './intervention.entity';

@Resolver(() => InterventionType)
export class InterventionResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: 'The person it was issued to.' })
  subject(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return intervention.subject ? ctx.loaders.personById.load(intervention.subject.id) : null;
  }

  @FieldResolver(() => LocationType, {
    nullable: true,
    description: 'The premises, for closure powers.',
  })
  premises(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return intervention.premises ? ctx.loaders.locationById.load(intervention.premises.id) : null;
  }

  @FieldResolver(() => [PartnerType], {
    description: 'The partners that issued it, jointly or alone.',
  })
  async issuedBy(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    const rows = await ctx.loaders.issuersByIntervention.load(intervention.id);
    return (await ctx.loaders.partnerById.loadMany(rows.map((row) => row.partner.id))).filter(
      Boolean,
    );
  }

  @FieldResolver(() => [InterventionBreachType])
  breaches(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return ctx.loaders.breachesByIntervention.load(intervention.id);
  }
}
