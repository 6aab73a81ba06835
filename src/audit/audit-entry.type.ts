import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfoType } from '../cases/case.type';
import { Role } from '../users/role.enum';
import { AuditAction } from './audit-action.enum';

@ObjectType('AuditEntry', {
  description:
    'One audited read or write of personal data: who, for which partner and in which role, what (a record and its fields), about whom, in which case, when, in which request and why.',
})
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { description: 'The request id, as quoted in the hub\u2019s logs and errors.' })
  requestId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field({
    description: 'The GraphQL type read (Person, MentalHealthRecord) or the record written.',
  })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'The person the data is about, when known.' })
  personId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The case it was read in or written to, when known.',
  })
  caseId?: string | null;

  @Field(() => [String], { description: 'The fields read or written.' })
  fields!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Why, as the client stated it in the x-purpose header.',
  })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'The root fields of the GraphQL request.' })
  operation?: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeType {
  @Field()
  cursor!: string;

  @Field(() => AuditEntryType)
  node!: AuditEntryType;
}

@ObjectType('AuditEntryConnection', { description: 'A page of the audit, newest first.' })
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType])
  edges!: AuditEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@InputType('AuditEntryFilter', {
  description: 'Every condition given must hold; from and to bound occurredAt (inclusive).',
})
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  caseId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
