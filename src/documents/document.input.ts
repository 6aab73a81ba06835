import { Field, ID, InputType } from 'type-graphql';
import { StatementReviewStatus } from './statement-review.entity';

@InputType({ description: 'The legal team\u2019s review of a lead officer statement.' })
export class RecordStatementReviewInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => StatementReviewStatus)
  status!: StatementReviewStatus;

  @Field(() => String, { nullable: true, description: 'Required when returned with comments.' })
  comments?: string | null;
}

@InputType({ description: 'New wording for a letter template; placeholders must be known ones.' })
export class UpdateLetterTemplateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field()
  body!: string;

  @Field({ description: 'Why the wording changed, for the audit.' })
  reason!: string;
}

@InputType({ description: 'Render a template, or unsaved wording for it, without saving.' })
export class PreviewLetterInput {
  @Field(() => ID)
  templateId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Render against this intervention (casework roles); without it, sample values.',
  })
  interventionId?: string | null;
}
