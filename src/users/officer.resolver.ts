import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { OfficerType } from './officer.type';
import type { User } from './user.entity';

@Resolver(() => OfficerType)
export class OfficerResolver {
  @FieldResolver(() => PartnerType)
  partner(@Root() user: User, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(user.partner.id);
  }
}
