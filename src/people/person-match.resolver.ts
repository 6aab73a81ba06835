import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PersonLinkStatus } from './person-link-enums';
import type { PersonLink } from './person-link.entity';
import {
  decidePersonMatch,
  personMatchesFor,
  type PersonMatchDecision,
} from './person-match.service';
import { PersonMatchType } from './person-match.type';
import { PersonType } from './person.type';

/** The match review list and its decisions (docs/rules.md "One person across partners"). */
@Resolver(() => PersonMatchType)
export class PersonMatchResolver {
  @Query(() => [PersonMatchType], {
    nullable: true,
    description:
      'Matches one of whose records is in a case your partner takes part in; REVIEW (the review list) by default.',
  })
  personMatches(
    @Arg('status', () => PersonLinkStatus, { defaultValue: PersonLinkStatus.REVIEW })
    status: PersonLinkStatus,
    @Ctx() ctx: HubContext,
  ) {
    return personMatchesFor(ctx.em, ctx.viewer, status);
  }

  @Mutation(() => PersonMatchType, {
    nullable: true,
    description: 'They are one individual: the review item becomes a link.',
  })
  confirmPersonMatch(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return this.decide(ctx, id, 'confirm');
  }

  @Mutation(() => PersonMatchType, {
    nullable: true,
    description: 'They are two people: the review item is closed.',
  })
  rejectPersonMatch(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return this.decide(ctx, id, 'reject');
  }

  @Mutation(() => PersonMatchType, {
    nullable: true,
    description: 'Undo a link: two separate individuals again.',
  })
  unlinkPersonMatch(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return this.decide(ctx, id, 'unlink');
  }

  @FieldResolver(() => [PersonType], {
    description: 'The records of the pair you could see anyway; hidden ones are left out.',
  })
  async people(@Root() link: PersonLink, @Ctx() ctx: HubContext) {
    const ids = [link.person.id, link.matchedPerson.id];
    const visible = await Promise.all(ids.map((id) => ctx.loaders.personVisible.load(id)));
    const people = await Promise.all(
      ids.filter((_, i) => visible[i]).map((id) => ctx.loaders.personById.load(id)),
    );
    return people.filter(Boolean);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Known to another partner: ask the lead of case X — only if that partner allows it; otherwise null.',
  })
  async knownToAnotherPartner(@Root() link: PersonLink, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.knownToAnotherPartnerByMatch.load(link.id))?.sentence ?? null;
  }

  private decide(ctx: HubContext, id: string, decision: PersonMatchDecision) {
    return inTransaction(ctx, (em) => decidePersonMatch(em, ctx.viewer, id, decision));
  }
}
