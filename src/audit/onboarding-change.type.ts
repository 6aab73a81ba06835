import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfoType } from '../cases/case.type';
import { Role } from '../users/role.enum';
import { AuditAction } from './audit-action.enum';
import { DirectoryRecord } from './directory-changes';

@ObjectType('OnboardingChange', {
  description:
    'One audited change to the staff directory (a partner, an identity claim of one, a user): who made it, when, to what, and which fields it wrote. Field names only, never their values.',
})
export class OnboardingChangeType {
  @Field(() => ID, { description: 'The audit entry\u2019s id.' })
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { description: 'The request id, as quoted in the hub\u2019s logs and errors.' })
  requestId!: string;

  @Field(() => AuditAction, { description: 'CREATE, UPDATE or DELETE.' })
  action!: AuditAction;

  @Field(() => DirectoryRecord)
  record!: DirectoryRecord;

  @Field(() => ID, { description: 'The id of the partner, identity claim or user changed.' })
  recordId!: string;

  @Field(() => ID, { description: 'The partner the change concerns (a user\u2019s: theirs).' })
  partnerId!: string;

  @Field(() => ID, { nullable: true, description: 'The user changed, for a USER change.' })
  userId?: string | null;

  @Field(() => [String], {
    description:
      'The fields written: all those set on CREATE, those that changed on UPDATE, none on DELETE.',
  })
  fields!: string[];

  @Field(() => ID, {
    description:
      'Who made it; 00000000-0000-0000-0000-000000000000 is `npm run admin` on the command line.',
  })
  actorUserId!: string;

  @Field(() => ID)
  actorPartnerId!: string;

  @Field(() => Role)
  actorRole!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'Why, as the client stated it in the x-purpose header (`--purpose`).',
  })
  purpose?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The root fields of the request, or the `npm run admin` command.',
  })
  operation?: string | null;
}

@ObjectType('OnboardingChangeEdge')
export class OnboardingChangeEdgeType {
  @Field()
  cursor!: string;

  @Field(() => OnboardingChangeType)
  node!: OnboardingChangeType;
}

@ObjectType('OnboardingChangeConnection', {
  description: 'A page of the staff directory\u2019s changes, newest first.',
})
export class OnboardingChangeConnectionType {
  @Field(() => [OnboardingChangeEdgeType])
  edges!: OnboardingChangeEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
