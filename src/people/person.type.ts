import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { CorrespondenceLanguage } from './correspondence-language.enum';

@ObjectType('Person', {
  description: 'Someone in one or more cases. Reached only through a case you take part in.',
})
export class PersonType {
  @Field(() => ID)
  id!: string;

  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field(() => LocalDate, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'NHS number: a strong identifier.' })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Police National Computer id, YY/NNNNNNNL.' })
  pncId?: string | null;

  @Field(() => CorrespondenceLanguage, {
    nullable: true,
    description:
      'The language they asked for letters in; null until recorded (letters then use the area default).',
  })
  correspondenceLanguage?: CorrespondenceLanguage | null;
}
