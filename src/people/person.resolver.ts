import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CaseType } from '../cases/case.type';
import { requireId } from '../common/validate';
import type { HubContext } from '../context';
import { notFound } from '../errors';
import {
  DrugAlcoholRecordType,
  HousingRecordType,
  MentalHealthRecordType,
  PoliceRecordType,
} from '../partner-records/partner-record.type';
import { caseSeenThrough } from '../permissions/decide';
import { visibleRecords } from '../permissions/record-rows';
import { isLive } from '../sharing/sharing-basis.loaders';
import { SharingBasisType } from '../sharing/sharing-basis.type';
import type { Person } from './person.entity';
import { PersonType } from './person.type';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonType, {
    nullable: true,
    description: 'Someone in a case your partner takes part in; anyone else answers NOT_FOUND.',
  })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    const personId = requireId(id, 'person');
    const found = (await ctx.loaders.personVisible.load(personId))
      ? await ctx.loaders.personById.load(personId)
      : undefined;
    if (!found) throw notFound('person', id);
    return found;
  }

  @FieldResolver(() => [CaseType], {
    description: 'The cases this person is in that your partner takes part in.',
  })
  async cases(@Root() person: Person, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.visibleCasesByPerson.load(person.id)).map((row) => row.case);
  }

  @FieldResolver(() => [PoliceRecordType])
  async policeRecords(@Root() person: Person, @Ctx() ctx: HubContext) {
    return visibleRecords(
      ctx,
      'PoliceRecord',
      await ctx.loaders.policeRecordsByPerson.load(person.id),
      caseSeenThrough(person),
    );
  }

  @FieldResolver(() => [HousingRecordType])
  async housingRecords(@Root() person: Person, @Ctx() ctx: HubContext) {
    return visibleRecords(
      ctx,
      'HousingRecord',
      await ctx.loaders.housingRecordsByPerson.load(person.id),
      caseSeenThrough(person),
    );
  }

  @FieldResolver(() => [MentalHealthRecordType], {
    description:
      'Only your own records, or those released to your partner by consent or a safeguarding basis.',
  })
  async mentalHealthRecords(@Root() person: Person, @Ctx() ctx: HubContext) {
    return visibleRecords(
      ctx,
      'MentalHealthRecord',
      await ctx.loaders.mentalHealthRecordsByPerson.load(person.id),
      caseSeenThrough(person),
    );
  }

  @FieldResolver(() => [DrugAlcoholRecordType], {
    description:
      'Only your own records, or those released to your partner by consent or a safeguarding basis.',
  })
  async drugAlcoholRecords(@Root() person: Person, @Ctx() ctx: HubContext) {
    return visibleRecords(
      ctx,
      'DrugAlcoholRecord',
      await ctx.loaders.drugAlcoholRecordsByPerson.load(person.id),
      caseSeenThrough(person),
    );
  }

  @FieldResolver(() => [SharingBasisType], {
    nullable: true,
    description:
      'Bases your partner recorded, or in force and naming your partner; read through a case, only those recorded for it.',
  })
  async sharingBases(@Root() person: Person, @Ctx() ctx: HubContext) {
    const { partnerId } = ctx.viewer;
    const onCase = caseSeenThrough(person);
    return (await ctx.loaders.basesByPerson.load(person.id)).filter(
      (basis) =>
        (!onCase || basis.case.id === onCase) &&
        (basis.ownerPartner.id === partnerId ||
          (isLive(basis) && basis.recipientPartnerIds.includes(partnerId))),
    );
  }
}
