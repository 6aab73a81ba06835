import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfoType } from '../cases/case.type';
import { HubEventKind } from './hub-event-kind.enum';

@ObjectType('NotificationSubject', {
  description: 'What an event is about, by id, for the client to fetch (an action, incidents).',
})
export class NotificationSubjectType {
  @Field({ description: 'e.g. actionId, incidentIds' })
  name!: string;

  @Field(() => [ID])
  ids!: string[];
}

/**
 * An event from the outbox, as a partner hears of it. The summary carries references, dates and
 * partner names only, never personal data, so it is readable by everyone who may see its case.
 */
@ObjectType('Notification', { description: 'Something partners on a case should hear about.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => HubEventKind)
  kind!: HubEventKind;

  @Field()
  occurredAt!: Date;

  @Field()
  summary!: string;

  @Field(() => ID)
  caseId!: string;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeType {
  @Field()
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

@ObjectType('NotificationConnection', {
  description: 'A page of the notifications your partner may see, newest first.',
})
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType])
  edges!: NotificationEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
