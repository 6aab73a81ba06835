import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { ActionSource, ActionStatus } from './action-enums';

/**
 * A task for a partner on a case. The title, details and cancel reason are free text that can
 * name people: case readers only, so they are nullable.
 */
@ObjectType('Action', { description: 'A task for a partner on a case, with a due date.' })
export class ActionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => LocalDate)
  dueDate!: string;

  @Field(() => ActionStatus)
  status!: ActionStatus;

  @Field(() => ActionSource)
  source!: ActionSource;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason?: string | null;
}
