import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { LetterLanguage } from './letter-language';
import { inTransaction } from '../common/transaction';
import { requireId } from '../common/validate';
import type { HubContext } from '../context';
import { notFound } from '../errors';
import {
  PreviewLetterInput,
  RecordStatementReviewInput,
  UpdateLetterTemplateInput,
} from './document.input';
import {
  LeadOfficerStatementType,
  LetterPreviewType,
  LetterTemplateChangeType,
  LetterTemplateType,
  SentLetterType,
  StatementReviewType,
} from './document.type';
import {
  buildLeadOfficerStatement,
  type LeadOfficerStatement,
} from './lead-officer-statement.service';
import { LetterTemplate, LetterTemplateChange } from './letter-template.entity';
import { previewLetter, recordLetterSent, updateLetterTemplate } from './letter-template.service';
import { recordStatementReview } from './statement-review.service';
import { StatementReviewStatus } from './statement-review.entity';

/** The statement's GraphQL shape: its review status is the latest review, DRAFT before any. */
export const statementAnswer = (statement: LeadOfficerStatement) => ({
  ...statement,
  reviewStatus:
    statement.reviews[statement.reviews.length - 1]?.status ?? StatementReviewStatus.DRAFT,
  reviewHistory: statement.reviews,
});

@Resolver()
export class DocumentResolver {
  @Query(() => LeadOfficerStatementType, {
    nullable: true,
    description:
      'The lead officer statement of a case: every partner\u2019s involvement in date order, as much of it as your partner and role may read. Reading it is audited.',
  })
  async leadOfficerStatement(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: HubContext) {
    return statementAnswer(await buildLeadOfficerStatement(ctx.em, ctx.viewer, caseId, ctx.audit));
  }

  @Mutation(() => StatementReviewType, {
    nullable: true,
    description:
      'The legal team records the review status of a case\u2019s lead officer statement.',
  })
  recordStatementReview(@Arg('input') input: RecordStatementReviewInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordStatementReview(em, ctx.viewer, input));
  }

  @Query(() => [LetterTemplateType], {
    nullable: true,
    description: 'The area\u2019s letter templates in one language (English unless asked).',
  })
  letterTemplates(
    @Arg('language', () => LetterLanguage, { defaultValue: LetterLanguage.ENGLISH })
    language: LetterLanguage,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.em.find(LetterTemplate, { language }, { orderBy: { kind: 'asc' } });
  }

  @Query(() => [LetterTemplateChangeType], {
    nullable: true,
    description: 'Audited changes to a letter template, newest first.',
  })
  async letterTemplateChanges(
    @Arg('templateId', () => ID) templateId: string,
    @Ctx() ctx: HubContext,
  ) {
    const id = requireId(templateId, 'letter template');
    if (!(await ctx.em.count(LetterTemplate, { id })))
      throw notFound('letter template', templateId);
    return ctx.em.find(LetterTemplateChange, { template: id }, { orderBy: { version: 'desc' } });
  }

  @Query(() => LetterPreviewType, {
    nullable: true,
    description:
      'Render a letter template, or unsaved wording, without saving: against an intervention, or sample values. Unknown placeholders are refused (UNKNOWN_PLACEHOLDER).',
  })
  previewLetter(@Arg('input') input: PreviewLetterInput, @Ctx() ctx: HubContext) {
    return previewLetter(ctx.em, ctx.viewer, input, ctx.audit);
  }

  @Mutation(() => LetterTemplateType, {
    nullable: true,
    description: 'Change a letter template\u2019s wording; each change is audited.',
  })
  updateLetterTemplate(@Arg('input') input: UpdateLetterTemplateInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => updateLetterTemplate(em, ctx.viewer, input));
  }

  @Mutation(() => SentLetterType, {
    nullable: true,
    description:
      'Render the letter for an intervention from its current template and keep the text as sent (GET /documents/interventions/:id/letter.pdf prints it).',
  })
  recordLetterSent(
    @Arg('interventionId', () => ID) interventionId: string,
    @Arg('language', () => CorrespondenceLanguage, {
      nullable: true,
      description:
        'Welsh, English or both; left out, the recipient\u2019s recorded choice, else the area default.',
    })
    language: CorrespondenceLanguage | null | undefined,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordLetterSent(em, ctx.viewer, interventionId, language));
  }
}
