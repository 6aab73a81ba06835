import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { AddPartnerToCaseInput, AddPersonToCaseInput, OpenCaseInput } from './case.input';
import { addPartnerToCase, addPersonToCase, openCase } from './case.service';
import { CasePersonType } from './case-person.type';
import { CaseType } from './case.type';

/** Opening a case and bringing partners and people into it. */
@Resolver()
export class CaseMembershipResolver {
  @Mutation(() => CaseType, { nullable: true, description: 'Open a case led by your partner.' })
  openCase(@Arg('input') input: OpenCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => openCase(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Bring another partner into a case your partner takes part in.',
  })
  addPartnerToCase(@Arg('input') input: AddPartnerToCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => addPartnerToCase(em, ctx.viewer, input));
  }

  @Mutation(() => CasePersonType, {
    nullable: true,
    description: 'Add someone to a case as victim, perpetrator, witness or reporter.',
  })
  addPersonToCase(@Arg('input') input: AddPersonToCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) =>
      addPersonToCase(em, ctx.viewer, input, (id) => ctx.loaders.personVisible.load(id)),
    );
  }
}
