import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import { RecordIncidentInput } from './incident.input';
import { recordIncident } from './incident.service';
import {
  IncidentPersonType,
  IncidentReportType,
  IncidentType,
  RecordIncidentPayload,
} from './incident.type';
import type { IncidentPerson } from './incident-person.entity';
import type { IncidentReport } from './incident-report.entity';
import type { Incident } from './incident.entity';

@Resolver(() => IncidentType)
export class IncidentResolver {
  @Mutation(() => RecordIncidentPayload, {
    nullable: true,
    description: 'Record an incident reported to your partner.',
  })
  recordIncident(@Arg('input') input: RecordIncidentInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordIncident(em, ctx.viewer, input, ctx.config));
  }

  @FieldResolver(() => LocationType, { nullable: true })
  location(@Root() incident: Incident, @Ctx() ctx: HubContext) {
    return incident.location ? ctx.loaders.locationById.load(incident.location.id) : null;
  }

  @FieldResolver(() => [IncidentReportType], {
    description: 'One per partner that received a report.',
  })
  reports(@Root() incident: Incident, @Ctx() ctx: HubContext) {
    return ctx.loaders.reportsByIncident.load(incident.id);
  }

  @FieldResolver(() => [IncidentPersonType], { nullable: true })
  people(@Root() incident: Incident, @Ctx() ctx: HubContext) {
    return ctx.loaders.peopleByIncident.load(incident.id);
  }
}

@Resolver(() => IncidentReportType)
export class IncidentReportResolver {
  @FieldResolver(() => PartnerType, { description: 'The partner that received this report.' })
  partner(@Root() report: IncidentReport, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(report.partner.id);
  }
}

@Resolver(() => IncidentPersonType)
export class IncidentPersonResolver {
  @FieldResolver(() => PersonType, { nullable: true })
  person(@Root() row: IncidentPerson, @Ctx() ctx: HubContext) {
    return ctx.loaders.personById.load(row.person.id);
  }
}
