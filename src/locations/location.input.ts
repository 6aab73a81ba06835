import { Field, Float, InputType } from 'type-graphql';
import { LocationKind } from './location-kind.enum';

@InputType({ description: 'A place not yet known to the hub.' })
export class NewLocationInput {
  @Field(() => LocationKind)
  kind!: LocationKind;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  uprn?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  lsoaCode?: string | null;
}
