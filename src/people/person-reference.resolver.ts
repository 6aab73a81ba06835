import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
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
    const [first] = await ctx.loaders.ownReferencesByPerson.load(person.id);
    return first?.reference ?? null;
  }
}
