import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

@InputType({ description: 'Schedule a problem-solving group meeting.' })
export class ScheduleMeetingInput {
  @Field({ description: 'When the group meets.' })
  heldAt!: Date;

  @Field(() => ID, { description: 'The user who chairs it; their partner always attends.' })
  chairUserId!: string;

  @Field(() => [ID], {
    description:
      'The partners expected to attend, besides yours and the chair\u2019s (which always are).',
  })
  partnerIds!: string[];
}

@InputType({
  description: 'Put a case on a meeting\u2019s agenda: one the chair\u2019s partner takes part in.',
})
export class AddCaseToMeetingAgendaInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  caseId!: string;
}

@InputType({ description: 'Record which partners attended; replaces the expected list.' })
export class RecordMeetingAttendanceInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => [ID], { description: 'Every partner that attended, the chair\u2019s included.' })
  partnerIds!: string[];
}

@InputType({ description: 'Record the minutes of a meeting that has been held.' })
export class RecordMeetingMinutesInput {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  minutes!: string;
}

@InputType({
  description: 'An action the meeting agreed: a task for a partner on a case on its agenda.',
})
export class AgreeMeetingActionInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { description: 'A case on the meeting\u2019s agenda.' })
  caseId!: string;

  @Field(() => ID, { description: 'A partner taking part in the case.' })
  partnerId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => LocalDate, { description: 'Today or later.' })
  dueDate!: string;
}
