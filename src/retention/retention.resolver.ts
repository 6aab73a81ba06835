import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { requireDataProtectionOfficer } from '../subject-access/subject-access.service';
import { DeletedCase } from './deleted-case.entity';
import { approveCaseDeletion, casesDueForDeletionReview } from './retention.service';
import {
  ApproveCaseDeletionInput,
  DeletedCaseType,
  RetentionReviewCaseType,
} from './retention.type';

@Resolver()
export class RetentionResolver {
  @Query(() => [RetentionReviewCaseType], {
    nullable: true,
    description:
      'Closed cases past the area\u2019s retention period (retentionYears from closure), for a deletion review. Data protection officer only.',
  })
  casesDueForDeletionReview(@Ctx() ctx: HubContext) {
    return casesDueForDeletionReview(ctx.em, ctx.viewer);
  }

  @Query(() => [DeletedCaseType], {
    nullable: true,
    description: 'Tombstones of deleted cases, newest first: references and counts only.',
  })
  deletedCases(@Ctx() ctx: HubContext) {
    requireDataProtectionOfficer(ctx.viewer, 'read deleted cases');
    return ctx.em.find(DeletedCase, {}, { orderBy: { deletedAt: 'desc', id: 'asc' } });
  }

  @Mutation(() => DeletedCaseType, {
    nullable: true,
    description:
      'Approve the deletion of a closed case past its retention period: its personal data goes, a tombstone with counts stays.',
  })
  approveCaseDeletion(@Arg('input') input: ApproveCaseDeletionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => approveCaseDeletion(em, ctx.viewer, input, ctx.audit));
  }
}
