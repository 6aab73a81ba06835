import { Field, ID, InputType } from 'type-graphql';
import { NewLocationInput } from '../locations/location.input';

@InputType()
export class JointVisitAttendeeInput {
  @Field(() => ID, { description: 'A partner taking part in the case.' })
  partnerId!: string;

  @Field()
  officerName!: string;
}

@InputType({ description: 'A visit made by officers of at least two partners on the case.' })
export class RecordJointVisitInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  visitedAt!: Date;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => NewLocationInput, { nullable: true })
  newLocation?: NewLocationInput | null;

  @Field()
  purpose!: string;

  @Field()
  outcome!: string;

  @Field(() => [JointVisitAttendeeInput])
  attendees!: JointVisitAttendeeInput[];

  @Field(() => [ID], { defaultValue: [], description: 'People in the case who were seen.' })
  personIds!: string[];
}
