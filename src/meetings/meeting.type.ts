import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActionType } from '../actions/action.type';
import { PartnerType } from '../partners/partner.type';

@ObjectType('Meeting', {
  description:
    'A problem-solving group meeting: partners meet about a list of cases and agree actions. Seen only by the partners attending it.',
})
export class MeetingType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the group meets (or met).' })
  heldAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When attendance was taken; until then the partners are those expected.',
  })
  attendanceRecordedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Free text that names people.' })
  minutes?: string | null;

  @Field(() => Date, { nullable: true })
  minutesRecordedAt?: Date | null;
}

@ObjectType('MeetingAgendaItem', { description: 'A case on a meeting\u2019s agenda.' })
export class MeetingAgendaItemType {
  @Field(() => Int, { description: '1 for the first case discussed.' })
  position!: number;

  @Field()
  addedAt!: Date;
}

@ObjectType('MeetingPartnerActions', {
  description: 'A partner\u2019s open actions on the cases of a meeting\u2019s agenda.',
})
export class MeetingPartnerActionsType {
  @Field(() => PartnerType)
  partner!: PartnerType;

  @Field(() => Int)
  overdue!: number;

  @Field(() => [ActionType], { description: 'Soonest due first.' })
  actions!: unknown[];
}
