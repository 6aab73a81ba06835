import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { Partner } from './partner.entity';
import { PartnerType } from './partner.type';

@Resolver(() => PartnerType)
export class PartnerResolver {
  @Query(() => [PartnerType], { description: 'The partners in the sharing agreement.' })
  partners(@Ctx() ctx: HubContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { name: 'asc' } });
  }
}
