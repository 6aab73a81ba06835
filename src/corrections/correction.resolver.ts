import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Case } from '../cases/case.entity';
import type { CasePerson } from '../cases/case-person.entity';
import { CasePersonType } from '../cases/case-person.type';
import { CaseType } from '../cases/case.type';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import type { Incident } from '../incidents/incident.entity';
import { IncidentType } from '../incidents/incident.type';
import { PartnerType } from '../partners/partner.type';
import { mayEverRead } from '../permissions/decide';
import { policy } from '../permissions/policy';
import { OfficerType } from '../users/officer.type';
import { correctCase, correctCasePerson, removePersonFromCase } from './case-correction.service';
import { removePartnerFromCase } from './case-partner-removal.service';
import { correctionSource } from './correction-source';
import type { Correction } from './correction.entity';
import {
  CorrectCaseInput,
  CorrectCasePersonInput,
  CorrectIncidentInput,
  RemovePartnerFromCaseInput,
  RemovePersonFromCaseInput,
} from './correction.input';
import { CorrectionType } from './correction.type';
import { correctIncident } from './incident-correction.service';

@Resolver()
export class CorrectionMutationResolver {
  @Mutation(() => IncidentType, {
    nullable: true,
    description:
      'Correct an incident your partner recorded, with a reason; the earlier values are kept.',
  })
  correctIncident(@Arg('input') input: CorrectIncidentInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => correctIncident(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Correct a case your partner leads, with a reason; the earlier values are kept.',
  })
  correctCase(@Arg('input') input: CorrectCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => correctCase(em, ctx.viewer, input));
  }

  @Mutation(() => CasePersonType, {
    nullable: true,
    description: 'Correct someone\u2019s role or vulnerabilities on a case, with a reason.',
  })
  correctCasePerson(@Arg('input') input: CorrectCasePersonInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => correctCasePerson(em, ctx.viewer, input));
  }

  @Mutation(() => CaseType, {
    nullable: true,
    description: 'Take a person added by mistake off a case, with a reason; the history keeps it.',
  })
  removePersonFromCase(@Arg('input') input: RemovePersonFromCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => removePersonFromCase(em, ctx.viewer, input));
  }

  @Mutation(() => CorrectionType, {
    nullable: true,
    description:
      'Take a partner off a case it should not be on, with a reason: the lead partner, or the partner itself. Its open actions pass to the lead partner, sharing bases stop releasing to it, and it no longer sees the case; the history keeps what it had there.',
  })
  removePartnerFromCase(@Arg('input') input: RemovePartnerFromCaseInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => removePartnerFromCase(em, ctx.viewer, input));
  }
}

@Resolver(() => IncidentType)
export class IncidentCorrectionsResolver {
  @FieldResolver(() => [CorrectionType], {
    description: 'Corrections of this incident, oldest first.',
  })
  corrections(@Root() incident: Incident, @Ctx() ctx: HubContext) {
    return ctx.loaders.correctionsByRecord.load(incident.id);
  }
}

@Resolver(() => CaseType)
export class CaseCorrectionsResolver {
  @FieldResolver(() => [CorrectionType], {
    description:
      'Corrections on this case, oldest first: its own fields (risk level changes by assessment too) and its people\u2019s, removals included.',
  })
  corrections(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.correctionsByCase.load(c.id);
  }
}

@Resolver(() => CasePersonType)
export class CasePersonCorrectionsResolver {
  @FieldResolver(() => [CorrectionType], {
    description: 'Corrections of this person\u2019s part in the case.',
  })
  corrections(@Root() row: CasePerson, @Ctx() ctx: HubContext) {
    return ctx.loaders.correctionsByRecord.load(row.id);
  }
}

@Resolver(() => CorrectionType)
export class CorrectionResolver {
  /**
   * A value is shown only to a reader of the field it came from: the earlier description of an
   * incident is as much free text as the description itself.
   */
  private mayReadValue(row: Correction, ctx: HubContext) {
    const source = correctionSource(row);
    const grants = policy[source.type]?.fields[source.field] ?? [];
    return mayEverRead(grants, ctx.viewer);
  }

  @FieldResolver(() => String, { nullable: true })
  previousValue(@Root() row: Correction, @Ctx() ctx: HubContext) {
    return this.mayReadValue(row, ctx) ? (row.previousValue ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  newValue(@Root() row: Correction, @Ctx() ctx: HubContext) {
    return this.mayReadValue(row, ctx) ? (row.newValue ?? null) : null;
  }

  @FieldResolver()
  fromRiskAssessment(@Root() row: Correction): boolean {
    return Boolean(row.riskAssessment);
  }

  @FieldResolver(() => PartnerType)
  correctedByPartner(@Root() row: Correction, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(row.correctedByPartner.id);
  }

  @FieldResolver(() => OfficerType)
  correctedBy(@Root() row: Correction, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(row.correctedBy.id);
  }
}
