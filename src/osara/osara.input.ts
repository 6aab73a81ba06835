import { Field, ID, InputType } from 'type-graphql';
import { OsaraStage } from '../cases/case-enums';
import { LocalDate } from '../common/scalars';

@InputType({ description: 'OSARA Objective: what the case must achieve, and by when.' })
export class RecordOsaraObjectiveInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  objective!: string;

  @Field(() => LocalDate, { description: 'Not in the past.' })
  targetDate!: string;
}

@InputType({ description: 'OSARA Scanning: what data the partners hold about the problem.' })
export class RecordOsaraScanningInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  scanning!: string;
}

@InputType({ description: 'OSARA Scanning: ask a partner on the case for the data it holds.' })
export class AskPartnerForDataInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  partnerId!: string;
}

@InputType({
  description:
    'A note shared with an answer: free text about people in the case, shared under a sharing basis your partner recorded for the case.',
})
export class SharedNoteInput {
  @Field()
  text!: string;

  @Field(() => ID, {
    description:
      'A basis your partner recorded for this case (recordSharingBasis or recordSharingOverride) and still in force: only the partners it names read the note, and only while it stays in force.',
  })
  sharingBasisId!: string;
}

@InputType({
  description:
    'The partner asked for data answers: with its own records about people on the case and/or a shared note, or saying it holds nothing. At least one of these.',
})
export class RecordPartnerDataAnsweredInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Your partner\u2019s own partner records (police, housing, mental health, drug and alcohol) about people on the case. Anything else, another partner\u2019s record included, is not found.',
  })
  partnerRecordIds?: string[] | null;

  @Field(() => SharedNoteInput, { nullable: true })
  note?: SharedNoteInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Your partner looked and holds nothing about the problem: not with records or a note.',
  })
  nothingHeld?: boolean | null;
}

@InputType({
  description:
    'OSARA Analysis: patterns, peak times, days of week, repeat victims, places and perpetrators.',
})
export class RecordOsaraAnalysisInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  analysis!: string;
}

@InputType({
  description:
    'OSARA Response: the plan in words. What each partner will do is its OSARA response actions.',
})
export class RecordOsaraResponseInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  response!: string;
}

@InputType({
  description: 'OSARA Assessment: what worked, what we would do differently, good practice.',
})
export class RecordOsaraAssessmentInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  assessment!: string;
}

@InputType({ description: 'Move the case to the next OSARA stage, once its stage is complete.' })
export class AdvanceOsaraStageInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => OsaraStage, {
    description: 'The stage after the current one: a stale client cannot skip or repeat a move.',
  })
  to!: OsaraStage;
}

@InputType({ description: 'Go back to an earlier OSARA stage, saying why.' })
export class ReopenOsaraStageInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => OsaraStage)
  to!: OsaraStage;

  @Field(() => String, { nullable: true, description: 'Required: why the stage is revisited.' })
  reason?: string | null;
}

@InputType({ description: 'Close a case your partner leads, once its assessment is recorded.' })
export class CloseCaseInput {
  @Field(() => ID)
  caseId!: string;
}
