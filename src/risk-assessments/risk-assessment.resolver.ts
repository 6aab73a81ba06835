import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CasePerson } from '../cases/case-person.entity';
import { CasePersonType } from '../cases/case-person.type';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { OfficerType } from '../users/officer.type';
import type { RiskAssessment } from './risk-assessment.entity';
import { RecordRiskAssessmentInput } from './risk-assessment.input';
import { recordRiskAssessment } from './risk-assessment.service';
import { RiskAssessmentType } from './risk-assessment.type';

@Resolver(() => RiskAssessmentType)
export class RiskAssessmentResolver {
  @Mutation(() => RiskAssessmentType, {
    nullable: true,
    description:
      'Record a risk assessment of a victim or perpetrator on a case; the latest assessment sets the case\u2019s risk level.',
  })
  recordRiskAssessment(@Arg('input') input: RecordRiskAssessmentInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordRiskAssessment(em, ctx.viewer, input));
  }

  @FieldResolver(() => OfficerType)
  assessedBy(@Root() row: RiskAssessment, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(row.assessedBy.id);
  }

  @FieldResolver(() => PartnerType)
  assessedByPartner(@Root() row: RiskAssessment, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(row.assessedByPartner.id);
  }
}

@Resolver(() => CasePersonType)
export class CasePersonRiskAssessmentsResolver {
  @FieldResolver(() => [RiskAssessmentType], {
    description: 'Risk assessments of this person on this case, latest first.',
  })
  riskAssessments(@Root() row: CasePerson, @Ctx() ctx: HubContext) {
    return ctx.loaders.riskAssessmentsByCasePerson.load(`${row.case.id}:${row.person.id}`);
  }
}
