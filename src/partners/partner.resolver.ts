import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { requireRow } from '../permissions/row-access';
import { Partner } from './partner.entity';
import { CreatePartnerInput, UpdatePartnerInput } from './partner.input';
import { createPartner, updatePartner } from './partner.service';
import { PartnerIdentityType, PartnerType } from './partner.type';

/** The issuers a partner's identity claims may name: those this hub trusts. */
const trustedIssuerNames = (ctx: HubContext) =>
  ctx.config.trustedIssuers.map((issuer) => issuer.issuer);

@Resolver(() => PartnerType)
export class PartnerResolver {
  @Query(() => [PartnerType], { description: 'The partners in the sharing agreement.' })
  partners(@Ctx() ctx: HubContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => [PartnerIdentityType], {
    nullable: true,
    description: 'The identity-provider claims that map its staff\u2019s tokens to it.',
  })
  identities(@Root() partner: Partner, @Ctx() ctx: HubContext) {
    return ctx.loaders.identitiesByPartner.load(partner.id);
  }

  @Mutation(() => PartnerType, {
    nullable: true,
    description: 'Add a partner to the sharing agreement (administrators); audited.',
  })
  createPartner(@Arg('input') input: CreatePartnerInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => createPartner(em, input, trustedIssuerNames(ctx)));
  }

  @Mutation(() => PartnerType, {
    nullable: true,
    description: 'Rename a partner or change the claims that map tokens to it; audited.',
  })
  updatePartner(@Arg('input') input: UpdatePartnerInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, async (em) => {
      const id = await requireRow({ em, viewer: ctx.viewer }, 'partner', input.id);
      return updatePartner(em, id, input, trustedIssuerNames(ctx));
    });
  }
}
