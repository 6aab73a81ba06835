import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { PersonReference } from './person-reference.entity';
import type { Person } from './person.entity';
import { PersonType } from './person.type';

/** A partner's own reference for a person: each partner sees its own, never another's. */
@Resolver(() => PersonType)
export class PersonReferenceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Your partner's own reference for this person, if it gave one.",
  })
  async yourReference(@Root() person: Person, @Ctx() ctx: HubContext) {
    const row = await ctx.em.findOne(
      PersonReference,
      { person: person.id, partner: ctx.viewer.partnerId },
      { orderBy: { createdAt: 'asc' } },
    );
    return row?.reference ?? null;
  }
}
