import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { CaseType } from '../cases/case.type';
import { createLoaders, type HubContext } from '../context';
import { HubError } from '../errors';
import { allows } from '../permissions/decide';
import { policy } from '../permissions/policy';
import type { PublishedEvent } from './notification-feed';
import { listNotifications, type NotificationView } from './notification-list';
import {
  NotificationConnectionType,
  NotificationSubjectType,
  NotificationType,
} from './notification.type';

@ArgsType()
export class NotificationListArgs {
  @Field(() => Int, {
    defaultValue: 20,
    description: 'Page size; refused above the hub\u2019s cap.',
  })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/**
 * Starts a live subscription for the viewer's partner. graphql-shield guards each delivered
 * event's fields, but not the start itself, so the same policy entry is asked here first.
 */
async function subscribeToNotifications(ctx: HubContext) {
  const allowed = await allows(policy.Subscription.fields.notificationAdded, {
    viewer: ctx.viewer,
  });
  if (!allowed) {
    throw new HubError(
      'FORBIDDEN',
      'Your partner and role may not read Subscription.notificationAdded',
      {
        field: 'Subscription.notificationAdded',
      },
    );
  }
  if (!ctx.feed) throw new HubError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket');
  return ctx.feed.subscribe(ctx.viewer.partnerId);
}

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Query(() => NotificationConnectionType, {
    nullable: true,
    description: 'Notifications your partner may see, newest first.',
  })
  notifications(@Args() args: NotificationListArgs, @Ctx() ctx: HubContext) {
    return listNotifications(ctx.em, ctx.viewer, args, ctx.config.maxPageSize);
  }

  @Subscription(() => NotificationType, {
    nullable: true,
    description:
      'Each new notification your partner may see, as it is published (over graphql-ws at /graphql).',
    subscribe: ({ context }) => subscribeToNotifications(context as HubContext),
  })
  notificationAdded(@Root() event: PublishedEvent, @Ctx() ctx: HubContext): NotificationView {
    // A subscription lives long: each event gets a fresh EntityManager and loaders, so cases are
    // read as they are now and nothing accumulates in memory.
    ctx.em = ctx.em.fork();
    ctx.loaders = createLoaders(ctx.em, ctx.viewer);
    return event;
  }

  @FieldResolver(() => CaseType, { nullable: true, description: 'The case, as you may see it.' })
  case(@Root() notification: NotificationView, @Ctx() ctx: HubContext) {
    return ctx.loaders.visibleCaseById.load(notification.caseId);
  }

  @FieldResolver(() => [NotificationSubjectType])
  subjects(@Root() notification: NotificationView): NotificationSubjectType[] {
    return Object.entries(notification.subjectIds).map(([name, ids]) => ({
      name,
      ids: Array.isArray(ids) ? ids : [ids],
    }));
  }
}
