import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Case } from '../cases/case.entity';
import { CaseType } from '../cases/case.type';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { OfficerType } from '../users/officer.type';
import type { Action } from './action.entity';
import { AssignActionInput, CancelActionInput, CompleteActionInput } from './action.input';
import { isOverdue } from './action.rules';
import { assignAction, cancelAction, completeAction, outstandingActions } from './action.service';
import { ActionType } from './action.type';

@ArgsType()
export class OutstandingActionsArgs {
  @Field({ defaultValue: false, description: 'Only actions past their due date.' })
  overdueOnly!: boolean;

  @Field(() => Int, {
    defaultValue: 50,
    description: 'How many; refused above the hub\u2019s cap.',
  })
  first!: number;
}

@Resolver(() => CaseType)
export class CaseActionsResolver {
  @FieldResolver(() => [ActionType], {
    description: 'Tasks for partners on the case, soonest due first.',
  })
  actions(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.actionsByCase.load(c.id);
  }
}

@Resolver(() => ActionType)
export class ActionResolver {
  @Query(() => [ActionType], {
    nullable: true,
    description:
      'Open actions assigned to your partner, soonest due first; overdueOnly for those past their due date.',
  })
  outstandingActions(@Args() args: OutstandingActionsArgs, @Ctx() ctx: HubContext) {
    return outstandingActions(ctx.em, ctx.viewer, args, ctx.config.maxPageSize);
  }

  @Mutation(() => ActionType, {
    nullable: true,
    description: 'Assign a task to a partner taking part in the case.',
  })
  assignAction(@Arg('input') input: AssignActionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => assignAction(em, ctx.viewer, input));
  }

  @Mutation(() => ActionType, {
    nullable: true,
    description: 'Mark an action done: the partner it is assigned to, or the case\u2019s lead.',
  })
  completeAction(@Arg('input') input: CompleteActionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => completeAction(em, ctx.viewer, input));
  }

  @Mutation(() => ActionType, {
    nullable: true,
    description: 'Cancel an action: the partner it is assigned to, or the case\u2019s lead.',
  })
  cancelAction(@Arg('input') input: CancelActionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => cancelAction(em, ctx.viewer, input));
  }

  @FieldResolver(() => Boolean, {
    description: 'Still open after its due date (calendar days, England and Wales).',
  })
  overdue(@Root() action: Action) {
    return isOverdue(action);
  }

  @FieldResolver(() => PartnerType)
  assignedPartner(@Root() action: Action, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(action.assignedPartner.id);
  }

  @FieldResolver(() => CaseType, { nullable: true })
  case(@Root() action: Action, @Ctx() ctx: HubContext) {
    return ctx.loaders.visibleCaseById.load(action.case.id);
  }

  @FieldResolver(() => OfficerType, {
    nullable: true,
    description: 'Null when a rule of the hub raised it.',
  })
  createdBy(@Root() action: Action, @Ctx() ctx: HubContext) {
    return action.createdBy ? ctx.loaders.userById.load(action.createdBy.id) : null;
  }
}
