import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { seenThroughCase } from '../permissions/decide';
import { inTransaction } from '../common/transaction';
import { LocalDate } from '../common/scalars';
import type { HubContext } from '../context';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import type { Person } from '../people/person.entity';
import type { FixedPenalty } from './fixed-penalty.entity';
import { InterventionKind } from './intervention-enums';
import {
  IssueInterventionInput,
  RecordFixedPenaltyInput,
  RecordInterventionBreachInput,
  RecordProsecutionInput,
} from './intervention.input';
import {
  issueIntervention,
  recordFixedPenalty,
  recordInterventionBreach,
  recordProsecution,
} from './intervention.service';
import {
  FixedPenaltyType,
  InterventionBreachType,
  InterventionType,
  PossibleBreachType,
  ProsecutionType,
} from './intervention.type';
import type { Intervention } from './intervention.entity';
import { appealDeadline, prosecutionNotBefore } from './ladder.rules';
import type { PossibleBreach } from './possible-breach.entity';
import { PersonLinkStatus } from '../people/person-link-enums';

@Resolver(() => InterventionType)
export class InterventionResolver {
  @Mutation(() => InterventionType, {
    nullable: true,
    description:
      'Issue a step on the escalation ladder. Refused, with the rule and its source, unless the 2014 Act\u2019s conditions and the area\u2019s procedure are met (docs/rules.md).',
  })
  issueIntervention(@Arg('input') input: IssueInterventionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => issueIntervention(em, ctx.viewer, input));
  }

  @Mutation(() => InterventionType, {
    nullable: true,
    description: 'Record a breach of an intervention\u2019s terms; its status becomes BREACHED.',
  })
  recordInterventionBreach(
    @Arg('input') input: RecordInterventionBreachInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordInterventionBreach(em, ctx.viewer, input));
  }

  @Mutation(() => FixedPenaltyType, {
    nullable: true,
    description: 'Record a fixed penalty notice for failing to comply with a CPN (s.52).',
  })
  recordFixedPenalty(@Arg('input') input: RecordFixedPenaltyInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordFixedPenalty(em, ctx.viewer, input));
  }

  @Mutation(() => ProsecutionType, {
    nullable: true,
    description:
      'Record proceedings begun for failing to comply with a CPN; not within 14 days of a fixed penalty (s.52).',
  })
  recordProsecution(@Arg('input') input: RecordProsecutionInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordProsecution(em, ctx.viewer, input));
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The person it was issued to.' })
  async subject(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    if (!intervention.subject) return null;
    // Seen through the intervention's case, for the sharing bases recorded for it.
    const person = await ctx.loaders.personById.load(intervention.subject.id);
    return person && seenThroughCase(person, intervention.case.id);
  }

  @FieldResolver(() => LocationType, {
    nullable: true,
    description: 'The premises, for closure powers.',
  })
  premises(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return intervention.premises ? ctx.loaders.locationById.load(intervention.premises.id) : null;
  }

  @FieldResolver(() => [PartnerType], {
    description: 'The partners that issued it, jointly or alone.',
  })
  async issuedBy(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    const rows = await ctx.loaders.issuersByIntervention.load(intervention.id);
    return (await ctx.loaders.partnerById.loadMany(rows.map((row) => row.partner.id))).filter(
      Boolean,
    );
  }

  @FieldResolver(() => [InterventionBreachType])
  breaches(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return ctx.loaders.breachesByIntervention.load(intervention.id);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description:
      'CPN: the last day to appeal to the magistrates, 21 days beginning with the day of issue (2014 Act s.46(2)).',
  })
  appealDeadline(@Root() intervention: Intervention) {
    return intervention.kind === InterventionKind.COMMUNITY_PROTECTION_NOTICE
      ? appealDeadline(intervention.issuedAt)
      : null;
  }

  @FieldResolver(() => InterventionType, {
    nullable: true,
    description:
      'The earlier step this rests on (the CPW of a CPN, the closure notice of an order), when it is on a case your partner takes part in.',
  })
  precededBy(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return intervention.precededBy
      ? ctx.loaders.visibleInterventionById.load(intervention.precededBy.id)
      : null;
  }

  @FieldResolver(() => InterventionType, {
    nullable: true,
    description: 'Closure order: the order this one extends (s.82).',
  })
  extendsOrder(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return intervention.extendsOrder
      ? ctx.loaders.visibleInterventionById.load(intervention.extendsOrder.id)
      : null;
  }

  @FieldResolver(() => [FixedPenaltyType])
  fixedPenalties(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return ctx.loaders.fixedPenaltiesByIntervention.load(intervention.id);
  }

  @FieldResolver(() => [ProsecutionType])
  prosecutions(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return ctx.loaders.prosecutionsByIntervention.load(intervention.id);
  }

  @FieldResolver(() => [PossibleBreachType], {
    nullable: true,
    description:
      'CPW or CPN: incidents recorded against its subject since it was issued, on this case or another.',
  })
  possibleBreaches(@Root() intervention: Intervention, @Ctx() ctx: HubContext) {
    return ctx.loaders.possibleBreachesByIntervention.load(intervention.id);
  }
}

@Resolver(() => FixedPenaltyType)
export class FixedPenaltyResolver {
  @FieldResolver(() => LocalDate, {
    description:
      'The first day proceedings for the offence may begin: 14 days after the notice (2014 Act s.52).',
  })
  prosecutionNotBefore(@Root() penalty: FixedPenalty) {
    return prosecutionNotBefore(penalty.issuedAt);
  }
}

@Resolver(() => PossibleBreachType)
export class PossibleBreachResolver {
  @FieldResolver(() => Date, { description: 'When the incident happened.' })
  incidentOccurredAt(@Root() flag: PossibleBreach) {
    return flag.incident.occurredAt;
  }

  @FieldResolver(() => IncidentCategory)
  incidentCategory(@Root() flag: PossibleBreach) {
    return flag.incident.category;
  }

  @FieldResolver(() => String, {
    description:
      'The reference of the case it was recorded on, which may be one your partner does not take part in: ask the recording partner.',
  })
  recordedOnCaseReference(@Root() flag: PossibleBreach) {
    return flag.recordedOnCase.reference;
  }

  @FieldResolver(() => PartnerType, { description: 'The partner that recorded the incident.' })
  recordedBy(@Root() flag: PossibleBreach, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(flag.recordedBy.id);
  }

  @FieldResolver(() => PersonLinkStatus, {
    nullable: true,
    description:
      'When the incident named another record linked to the subject as one individual: LINKED, or UNLINKED once the link was undone (the flag stays). Null for the subject’s own record.',
  })
  async throughLink(@Root() flag: PossibleBreach, @Ctx() ctx: HubContext) {
    if (!flag.viaPersonLink) return null;
    return (await ctx.loaders.personLinkById.load(flag.viaPersonLink.id))?.status ?? null;
  }
}

@Resolver(() => PersonType)
export class PersonInterventionsResolver {
  @FieldResolver(() => [InterventionType], {
    description:
      'Interventions in force issued to this person (a warning follows the person), on every case your partner takes part in; those on other cases are not shown.',
  })
  activeInterventions(@Root() person: Person, @Ctx() ctx: HubContext) {
    return ctx.loaders.interventionsInForceByPerson.load(person.id);
  }
}
