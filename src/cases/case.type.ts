import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { CaseCentre, CaseStatus, OsaraStage, RiskLevel } from './case-enums';

@ObjectType('Osara', {
  description: 'The OSARA record: Objective, Scanning, Analysis, Response, Assessment.',
})
export class OsaraType {
  @Field(() => OsaraStage)
  stage!: OsaraStage;

  @Field(() => String, { nullable: true })
  objective?: string | null;

  @Field(() => LocalDate, { nullable: true })
  objectiveTargetDate?: string | null;

  @Field(() => String, { nullable: true })
  scanning?: string | null;

  @Field(() => String, { nullable: true })
  analysis?: string | null;

  @Field(() => String, { nullable: true })
  response?: string | null;

  @Field(() => String, { nullable: true })
  assessment?: string | null;
}

/**
 * The shared case view. Fields that some case participants may not read are nullable: a
 * forbidden field answers null with a FORBIDDEN error, and the rest of the case stays intact.
 * Relation fields are resolved in case.resolver.ts.
 */
@ObjectType('Case', { description: 'A multi-agency ASB case: the problem being solved.' })
export class CaseType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human reference, e.g. ASB-2026-0001' })
  reference!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => CaseCentre)
  centredOn!: CaseCentre;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => RiskLevel)
  riskLevel!: RiskLevel;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt?: Date | null;

  @Field(() => OsaraType)
  osara!: OsaraType;
}

@ObjectType('CaseEdge')
export class CaseEdgeType {
  @Field()
  cursor!: string;

  @Field(() => CaseType)
  node!: CaseType;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

@ObjectType('CaseConnection', {
  description: 'A page of cases the viewer\u2019s partner takes part in.',
})
export class CaseConnectionType {
  @Field(() => [CaseEdgeType])
  edges!: CaseEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
