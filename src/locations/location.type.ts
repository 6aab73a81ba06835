import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocationKind } from './location-kind.enum';

@ObjectType('Location', { description: 'An address or a public place.' })
export class LocationType {
  @Field(() => ID)
  id!: string;

  @Field(() => LocationKind)
  kind!: LocationKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Unique property reference number' })
  uprn?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'Lower layer super output area' })
  lsoaCode?: string | null;
}
