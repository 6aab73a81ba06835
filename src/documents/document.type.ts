import { InterventionDemandType } from '../cases/case-demand.type';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { LetterLanguage } from './letter-language';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LetterKind } from './letter-template.entity';
import { StatementEntryKind } from './lead-officer-statement.service';
import { StatementReviewStatus } from './statement-review.entity';

registerEnumType(StatementEntryKind, { name: 'StatementEntryKind' });

@ObjectType('StatementEntry', { description: 'One dated entry of a lead officer statement.' })
export class StatementEntryType {
  @Field(() => ID, {
    description: 'The incident, offer, visit, intervention or breach it is drawn from.',
  })
  recordId!: string;

  @Field(() => StatementEntryKind)
  kind!: StatementEntryKind;

  @Field()
  occurredAt!: Date;

  @Field(() => [String], { description: 'The partners it comes from.' })
  sourcePartners!: string[];

  @Field()
  summary!: string;

  @Field(() => [String])
  details!: string[];
}

@ObjectType('StatementOsara', {
  description: 'The case\u2019s OSARA record, as the statement presents it.',
})
export class StatementOsaraType {
  @Field(() => String, { nullable: true })
  objective?: string | null;

  @Field(() => String, { nullable: true })
  scanning?: string | null;

  @Field(() => String, { nullable: true })
  analysis?: string | null;

  @Field(() => String, { nullable: true })
  response?: string | null;

  @Field(() => String, { nullable: true })
  assessment?: string | null;
}

@ObjectType('StatementReview', {
  description: 'One step of the legal team\u2019s review of a statement.',
})
export class StatementReviewType {
  @Field(() => ID)
  id!: string;

  @Field(() => StatementReviewStatus)
  status!: StatementReviewStatus;

  @Field(() => String, { nullable: true })
  comments?: string | null;

  @Field()
  reviewedAt!: Date;
}

@ObjectType('LeadOfficerStatement', {
  description:
    'The chronology of every partner\u2019s involvement in a case, in date order, for an evidence file. Built from what the viewer may read.',
})
export class LeadOfficerStatementType {
  @Field(() => ID)
  caseId!: string;

  @Field()
  caseReference!: string;

  @Field()
  caseTitle!: string;

  @Field(() => [String], {
    description:
      'Corrections of the case and of its people, "as amended" (src/corrections/); earlier values only where the viewer may read them.',
  })
  amendments!: string[];

  @Field()
  leadPartner!: string;

  @Field(() => String, { nullable: true })
  leadOfficer?: string | null;

  @Field()
  generatedAt!: Date;

  @Field(() => StatementOsaraType)
  osara!: StatementOsaraType;

  @Field(() => [StatementEntryType])
  entries!: StatementEntryType[];

  @Field(() => [String], {
    description:
      'Type.field coordinates your partner and role may not read, left out of the entries.',
  })
  withheld!: string[];

  @Field(() => StatementReviewStatus, {
    description: 'The latest legal review status (DRAFT until reviewed).',
  })
  reviewStatus!: StatementReviewStatus;

  @Field(() => [StatementReviewType], { description: 'The legal review history, oldest first.' })
  reviewHistory!: StatementReviewType[];

  @Field(() => [InterventionDemandType], {
    description:
      'The case\u2019s call demand before and after each intervention (Case.demand, 90-day windows); empty when Case.demand is withheld.',
  })
  demand!: InterventionDemandType[];
}

@ObjectType('LetterTemplate', {
  description: 'An area\u2019s wording of a letter on the escalation ladder.',
})
export class LetterTemplateType {
  @Field(() => ID)
  id!: string;

  @Field(() => LetterKind)
  kind!: LetterKind;

  @Field(() => LetterLanguage, { description: 'Each kind has a Welsh and an English wording.' })
  language!: LetterLanguage;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType('LetterTemplateChange', { description: 'An audited change to a letter template.' })
export class LetterTemplateChangeType {
  @Field(() => Int)
  version!: number;

  @Field()
  oldTitle!: string;

  @Field()
  newTitle!: string;

  @Field()
  oldBody!: string;

  @Field()
  newBody!: string;

  @Field()
  reason!: string;

  @Field()
  changedAt!: Date;
}

@ObjectType('LetterPreview', { description: 'A template rendered without saving anything.' })
export class LetterPreviewType {
  @Field()
  title!: string;

  @Field()
  text!: string;
}

@ObjectType('SentLetter', { description: 'A letter as sent for an intervention.' })
export class SentLetterType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  templateVersion!: number;

  @Field(() => CorrespondenceLanguage, {
    description: 'Welsh, English, or BOTH: then title and text are the Welsh part, Welsh first.',
  })
  language!: CorrespondenceLanguage;

  @Field({ description: 'The title of the letter (of its Welsh part, for a letter in both).' })
  title!: string;

  @Field({ description: 'The text as sent (of its Welsh part, for a letter in both).' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'A letter in both: the English title.' })
  secondTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'A letter in both: the English text.' })
  secondText?: string | null;

  @Field()
  sentAt!: Date;
}

export { StatementReviewStatus };
