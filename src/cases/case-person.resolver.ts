import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { seenThroughCase } from '../permissions/decide';
import { PersonType } from '../people/person.type';
import type { CasePerson } from './case-person.entity';
import { CasePersonType } from './case-person.type';

@Resolver(() => CasePersonType)
export class CasePersonResolver {
  @FieldResolver(() => PersonType, { nullable: true })
  async person(@Root() row: CasePerson, @Ctx() ctx: HubContext) {
    // The person seen through this case: sharing bases release on the case they were recorded for.
    const person = await ctx.loaders.personById.load(row.person.id);
    return person && seenThroughCase(person, row.case.id);
  }
}
