import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { seenThroughCase } from '../permissions/decide';
import type { Person } from '../people/person.entity';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import { RecordJointVisitInput } from './joint-visit.input';
import { recordJointVisit } from './joint-visit.service';
import { JointVisitAttendeeType, JointVisitType } from './joint-visit.type';
import type { JointVisitAttendee } from './joint-visit-attendee.entity';
import type { JointVisit } from './joint-visit.entity';

@Resolver(() => JointVisitType)
export class JointVisitResolver {
  @Mutation(() => JointVisitType, {
    nullable: true,
    description: 'Record a visit made jointly by partners on the case.',
  })
  recordJointVisit(@Arg('input') input: RecordJointVisitInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordJointVisit(em, ctx.viewer, input));
  }

  @FieldResolver(() => LocationType, { nullable: true })
  location(@Root() visit: JointVisit, @Ctx() ctx: HubContext) {
    return visit.location ? ctx.loaders.locationById.load(visit.location.id) : null;
  }

  @FieldResolver(() => [JointVisitAttendeeType])
  attendees(@Root() visit: JointVisit, @Ctx() ctx: HubContext) {
    return ctx.loaders.attendeesByVisit.load(visit.id);
  }

  @FieldResolver(() => [PersonType])
  async peopleVisited(@Root() visit: JointVisit, @Ctx() ctx: HubContext) {
    const rows = await ctx.loaders.peopleByVisit.load(visit.id);
    const people = await ctx.loaders.personById.loadMany(rows.map((row) => row.person.id));
    // Seen through the visit's case, for the sharing bases recorded for it.
    return people
      .filter((person): person is Person => !!person && !(person instanceof Error))
      .map((person) => seenThroughCase(person, visit.case.id));
  }
}

@Resolver(() => JointVisitAttendeeType)
export class JointVisitAttendeeResolver {
  @FieldResolver(() => PartnerType)
  partner(@Root() attendee: JointVisitAttendee, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(attendee.partner.id);
  }
}
