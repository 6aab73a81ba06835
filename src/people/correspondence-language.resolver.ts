import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { requireRow } from '../permissions/row-access';
import { CorrespondenceLanguage } from './correspondence-language.enum';
import { Person } from './person.entity';
import { PersonType } from './person.type';

@InputType({ description: 'The language a person asked for letters in.' })
export class RecordCorrespondenceLanguageInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => CorrespondenceLanguage)
  language!: CorrespondenceLanguage;
}

/** The Welsh language standards: a person's choice of language is recorded once and then kept to. */
@Resolver()
export class CorrespondenceLanguageResolver {
  @Mutation(() => PersonType, {
    nullable: true,
    description:
      'Record the language a person asked for letters in (Welsh, English or both); letters then follow it.',
  })
  recordCorrespondenceLanguage(
    @Arg('input') input: RecordCorrespondenceLanguageInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, async (em) => {
      // Only someone in a case the writer's partner takes part in: hidden answers like missing.
      const id = await requireRow({ em, viewer: ctx.viewer }, 'person', input.personId);
      const person = await em.findOneOrFail(Person, { id });
      person.correspondenceLanguage = input.language;
      await em.flush();
      return person;
    });
  }
}
