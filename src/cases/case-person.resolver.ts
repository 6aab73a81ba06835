import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { PersonType } from '../people/person.type';
import type { CasePerson } from './case-person.entity';
import { CasePersonType } from './case-person.type';

@Resolver(() => CasePersonType)
export class CasePersonResolver {
  @FieldResolver(() => PersonType, { nullable: true })
  person(@Root() row: CasePerson, @Ctx() ctx: HubContext) {
    return ctx.loaders.personById.load(row.person.id);
  }
}
