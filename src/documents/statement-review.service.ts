import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { optionalText } from '../common/validate';
import { HubError } from '../errors';
import { User } from '../users/user.entity';
import { StatementReview, StatementReviewStatus } from './statement-review.entity';

/**
 * The legal team records where its review of a case's lead officer statement stands. Only the
 * LEGAL role reaches this (the policy); a case the legal officer's partner is not on is NOT_FOUND.
 */
export async function recordStatementReview(
  em: EntityManager,
  viewer: Viewer,
  input: { caseId: string; status: StatementReviewStatus; comments?: string | null },
) {
  const onCase = await caseForWrite(em, viewer, input.caseId);
  const comments = optionalText(input.comments, 'comments', 10_000);
  if (input.status === StatementReviewStatus.RETURNED_WITH_COMMENTS && !comments) {
    throw new HubError(
      'REVIEW_COMMENTS_REQUIRED',
      'A statement returned with comments needs the comments: say what the lead officer must change',
      { field: 'comments' },
    );
  }
  const review = em.create(StatementReview, {
    case: onCase,
    status: input.status,
    comments,
    reviewedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return review;
}
