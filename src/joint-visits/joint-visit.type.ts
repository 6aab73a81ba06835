import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('JointVisit', { description: 'A visit by officers of several partners together.' })
export class JointVisitType {
  @Field(() => ID)
  id!: string;

  @Field()
  visitedAt!: Date;

  @Field()
  purpose!: string;

  @Field()
  outcome!: string;
}

@ObjectType('JointVisitAttendee')
export class JointVisitAttendeeType {
  @Field()
  officerName!: string;
}
