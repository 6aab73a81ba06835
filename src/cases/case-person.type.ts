import { Field, ObjectType } from 'type-graphql';
import { PersonRole } from '../people/person-role.enum';
import { Vulnerability } from '../people/vulnerability.enum';

@ObjectType('CasePerson', {
  description: 'Someone in a case: their role and assessed vulnerabilities.',
})
export class CasePersonType {
  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => [Vulnerability])
  vulnerabilities!: Vulnerability[];

  @Field()
  addedAt!: Date;
}
