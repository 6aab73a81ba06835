import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Action } from '../actions/action.entity';
import { isOverdue } from '../actions/action.rules';
import { openActionsOnCases } from '../actions/action.service';
import { ActionType } from '../actions/action.type';
import { CaseType } from '../cases/case.type';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { OfficerType } from '../users/officer.type';
import type { Meeting, MeetingAgendaItem } from './meeting.entity';
import {
  AddCaseToMeetingAgendaInput,
  AgreeMeetingActionInput,
  RecordMeetingAttendanceInput,
  RecordMeetingMinutesInput,
  ScheduleMeetingInput,
} from './meeting.input';
import { MeetingPack, MeetingPackAudience } from './meeting-pack.type';
import { meetingPack } from './meeting-pack.service';
import {
  addCaseToAgenda,
  agreeAction,
  nextMeeting,
  recordAttendance,
  recordMinutes,
  scheduleMeeting,
  visibleMeeting,
} from './meeting.service';
import { MeetingAgendaItemType, MeetingPartnerActionsType, MeetingType } from './meeting.type';

@ArgsType()
export class MeetingPackArgs {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => MeetingPackAudience)
  audience!: MeetingPackAudience;

  @Field(() => ID, {
    nullable: true,
    description: 'For a PARTNER pack: your own partner (the only one you may ask for).',
  })
  partnerId?: string | null;
}

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Query(() => MeetingType, {
    nullable: true,
    description: 'A meeting your partner attends; any other answers as unknown.',
  })
  meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return visibleMeeting(ctx.em, ctx.viewer, id);
  }

  @Query(() => MeetingType, {
    nullable: true,
    description: 'The next meeting your partner attends, with its agenda; null when none is set.',
  })
  nextMeeting(@Ctx() ctx: HubContext) {
    return nextMeeting(ctx.em, ctx.viewer);
  }

  @Query(() => MeetingPack, {
    nullable: true,
    description:
      'The meeting pack: for the whole meeting (what every attending partner may see) or for your own partner. Withheld content is listed by place, never by content.',
  })
  meetingPack(@Args() args: MeetingPackArgs, @Ctx() ctx: HubContext) {
    return meetingPack(ctx.em, ctx.viewer, args, ctx.loaders.liveBasesByPerson);
  }

  @Mutation(() => MeetingType, {
    nullable: true,
    description: 'Schedule a problem-solving group meeting.',
  })
  scheduleMeeting(@Arg('input') input: ScheduleMeetingInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => scheduleMeeting(em, ctx.viewer, input));
  }

  @Mutation(() => MeetingType, {
    nullable: true,
    description: 'Put a case on the agenda: one your partner and the chair\u2019s take part in.',
  })
  addCaseToMeetingAgenda(@Arg('input') input: AddCaseToMeetingAgendaInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => addCaseToAgenda(em, ctx.viewer, input));
  }

  @Mutation(() => MeetingType, {
    nullable: true,
    description: 'Record which partners attended.',
  })
  recordMeetingAttendance(
    @Arg('input') input: RecordMeetingAttendanceInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordAttendance(em, ctx.viewer, input));
  }

  @Mutation(() => MeetingType, { nullable: true, description: 'Record the minutes.' })
  recordMeetingMinutes(@Arg('input') input: RecordMeetingMinutesInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordMinutes(em, ctx.viewer, input));
  }

  @Mutation(() => ActionType, {
    nullable: true,
    description: 'An action the meeting agreed, for a partner on a case on its agenda.',
  })
  agreeMeetingAction(@Arg('input') input: AgreeMeetingActionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => agreeAction(em, ctx.viewer, input));
  }

  @FieldResolver(() => OfficerType)
  chair(@Root() meeting: Meeting, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(meeting.chair.id);
  }

  @FieldResolver(() => [PartnerType], { description: 'The partners attending.' })
  async partners(@Root() meeting: Meeting, @Ctx() ctx: HubContext) {
    const rows = await ctx.loaders.partnersByMeeting.load(meeting.id);
    return rows.map((row) => row.partner).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [MeetingAgendaItemType], { description: 'The cases, in order.' })
  agenda(@Root() meeting: Meeting, @Ctx() ctx: HubContext) {
    return ctx.loaders.agendaByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [ActionType], {
    description: 'Actions the meeting agreed, on cases your partner takes part in.',
  })
  async actions(@Root() meeting: Meeting, @Ctx() ctx: HubContext) {
    const actions = await ctx.loaders.actionsByMeeting.load(meeting.id);
    const visible = await Promise.all(
      actions.map((action) => ctx.loaders.visibleCaseById.load(action.case.id)),
    );
    return actions.filter((_, i) => visible[i]);
  }

  @FieldResolver(() => [MeetingPartnerActionsType], {
    description:
      'Open actions on the agenda\u2019s cases your partner takes part in, by the partner they are assigned to.',
  })
  async outstandingActions(@Root() meeting: Meeting, @Ctx() ctx: HubContext) {
    const agenda = await ctx.loaders.agendaByMeeting.load(meeting.id);
    const actions = await openActionsOnCases(
      ctx.em,
      ctx.viewer,
      agenda.map((item) => item.case.id),
    );
    const byPartner = new Map<string, Action[]>();
    for (const action of actions) {
      const id = action.assignedPartner.id;
      byPartner.set(id, [...(byPartner.get(id) ?? []), action]);
    }
    const groups = await Promise.all(
      [...byPartner].map(async ([partnerId, list]) => ({
        partner: await ctx.loaders.partnerById.load(partnerId),
        overdue: list.filter((action) => isOverdue(action)).length,
        actions: list,
      })),
    );
    return groups.sort((a, b) => a.partner!.name.localeCompare(b.partner!.name));
  }
}

@Resolver(() => MeetingAgendaItemType)
export class MeetingAgendaItemResolver {
  @FieldResolver(() => CaseType, {
    nullable: true,
    description: 'Null when your partner does not take part in the case.',
  })
  case(@Root() item: MeetingAgendaItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.visibleCaseById.load(item.case.id);
  }
}
