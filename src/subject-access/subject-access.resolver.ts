import { clock } from '../common/clock';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import {
  ExtendSubjectAccessRequestInput,
  RecordSubjectAccessRequestInput,
} from './subject-access.input';
import {
  completeSubjectAccessRequest,
  extendSubjectAccessRequest,
  findSubjectAccessRequest,
  recordSubjectAccessRequest,
  requireDataProtectionOfficer,
} from './subject-access.service';
import { SubjectAccessRequestType } from './subject-access.type';
import { SubjectAccessRequest } from './subject-access-request.entity';

@Resolver(() => SubjectAccessRequestType)
export class SubjectAccessResolver {
  @Query(() => [SubjectAccessRequestType], {
    nullable: true,
    description:
      'Subject access requests, oldest deadline first; open ones only unless includeCompleted. Data protection officer only.',
  })
  subjectAccessRequests(
    @Arg('includeCompleted', { defaultValue: false }) includeCompleted: boolean,
    @Ctx() ctx: HubContext,
  ) {
    requireDataProtectionOfficer(ctx.viewer, 'read subject access requests');
    return ctx.em.find(SubjectAccessRequest, includeCompleted ? {} : { completedAt: null }, {
      orderBy: { deadline: 'asc', id: 'asc' },
      limit: ctx.config.maxPageSize,
    });
  }

  @Query(() => SubjectAccessRequestType, { nullable: true })
  subjectAccessRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return findSubjectAccessRequest(ctx.em, ctx.viewer, id);
  }

  @Mutation(() => SubjectAccessRequestType, {
    nullable: true,
    description:
      'Record a subject access request as received: due one calendar month later (UK GDPR art. 12(3)).',
  })
  recordSubjectAccessRequest(
    @Arg('input') input: RecordSubjectAccessRequestInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordSubjectAccessRequest(em, ctx.viewer, input));
  }

  @Mutation(() => SubjectAccessRequestType, {
    nullable: true,
    description: 'Extend the deadline once by two further months, with a reason.',
  })
  extendSubjectAccessRequest(
    @Arg('input') input: ExtendSubjectAccessRequestInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => extendSubjectAccessRequest(em, ctx.viewer, input));
  }

  @Mutation(() => SubjectAccessRequestType, {
    nullable: true,
    description: 'Record that the answer was sent to the person.',
  })
  completeSubjectAccessRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => completeSubjectAccessRequest(em, ctx.viewer, id));
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The person asking; null once their data was deleted after a retention review.',
  })
  personId(@Root() request: SubjectAccessRequest) {
    return request.person?.id ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Past its deadline (extended, if it was) and not completed.',
  })
  overdue(@Root() request: SubjectAccessRequest) {
    const due = request.extendedDeadline ?? request.deadline;
    return !request.completedAt && clock.now().toISOString().slice(0, 10) > due;
  }
}
