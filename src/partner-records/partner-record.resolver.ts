import { Arg, type ClassType, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import { importPartnerRecords } from '../imports/partner-record-import';
import { PartnerRecordImportType } from '../imports/partner-record-import.type';
import { OfficerType } from '../users/officer.type';
import { PartnerRecordKind } from './partner-record-kind.enum';
import { PARTNER_RECORD_SPECS } from './partner-record-kinds';
import type { PartnerRecordRevision } from './partner-record-revision.entity';
import {
  RecordDrugAlcoholRecordInput,
  RecordHousingRecordInput,
  RecordMentalHealthRecordInput,
  RecordPoliceRecordInput,
} from './partner-record.input';
import { type PartnerRecordWrite, recordPartnerRecord } from './partner-record.service';
import type { HubContext } from '../context';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import type { HousingRecord } from './housing-record.entity';
import type { PartnerRecordBase } from './partner-record.base';
import {
  DrugAlcoholRecordType,
  HousingRecordType,
  MentalHealthRecordType,
  PartnerRecordRevisionType,
  PoliceRecordType,
} from './partner-record.type';

/**
 * Every record type answers `owner`, the partner that holds the record, and `history`, its
 * revisions (the owner partner only: earlier values are the record's own content).
 */
function ownerResolver(recordType: ClassType, kind: PartnerRecordKind) {
  @Resolver(() => recordType)
  class OwnerResolver {
    @FieldResolver(() => PartnerType, {
      nullable: true,
      description: 'The partner that holds this record.',
    })
    owner(@Root() record: PartnerRecordBase, @Ctx() ctx: HubContext) {
      return ctx.loaders.partnerById.load(record.ownerPartner.id);
    }

    @FieldResolver(() => [PartnerRecordRevisionType], {
      nullable: true,
      description:
        'Every write to this record, newest first: your own partner\u2019s records only.',
    })
    history(@Root() record: PartnerRecordBase, @Ctx() ctx: HubContext) {
      return ctx.loaders.revisionsByRecord.load(`${kind}:${record.id}`);
    }
  }
  return OwnerResolver;
}

export const PoliceRecordResolver = ownerResolver(PoliceRecordType, PartnerRecordKind.POLICE);
export const MentalHealthRecordResolver = ownerResolver(
  MentalHealthRecordType,
  PartnerRecordKind.MENTAL_HEALTH,
);
export const DrugAlcoholRecordResolver = ownerResolver(
  DrugAlcoholRecordType,
  PartnerRecordKind.DRUG_ALCOHOL,
);
export const HousingRecordOwnerResolver = ownerResolver(
  HousingRecordType,
  PartnerRecordKind.HOUSING,
);

@Resolver(() => PartnerRecordRevisionType)
export class PartnerRecordRevisionResolver {
  @FieldResolver(() => OfficerType, { nullable: true, description: 'The officer who wrote it.' })
  changedBy(@Root() revision: PartnerRecordRevision, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(revision.changedBy.id);
  }

  @FieldResolver(() => PartnerType, {
    nullable: true,
    description: 'The partner that wrote it: the owner.',
  })
  changedByPartner(@Root() revision: PartnerRecordRevision, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(revision.ownerPartner.id);
  }

  @FieldResolver(() => String, { nullable: true })
  earlierValues(@Root() revision: PartnerRecordRevision) {
    return JSON.stringify(revision.earlierValues);
  }
}

/** The owner partner writes its own records: one mutation per kind, one service for all four. */
@Resolver()
export class PartnerRecordWriteResolver {
  @Mutation(() => PoliceRecordType, {
    nullable: true,
    description: 'Record or update your police force\u2019s record about someone in a case.',
  })
  recordPoliceRecord(@Arg('input') input: RecordPoliceRecordInput, @Ctx() ctx: HubContext) {
    return write(ctx, PartnerRecordKind.POLICE, input);
  }

  @Mutation(() => HousingRecordType, {
    nullable: true,
    description: 'Record or update your housing provider\u2019s tenancy record about someone.',
  })
  recordHousingRecord(@Arg('input') input: RecordHousingRecordInput, @Ctx() ctx: HubContext) {
    return write(ctx, PartnerRecordKind.HOUSING, input);
  }

  @Mutation(() => MentalHealthRecordType, {
    nullable: true,
    description: 'Record or update your mental health service\u2019s record about someone.',
  })
  recordMentalHealthRecord(
    @Arg('input') input: RecordMentalHealthRecordInput,
    @Ctx() ctx: HubContext,
  ) {
    return write(ctx, PartnerRecordKind.MENTAL_HEALTH, input);
  }

  @Mutation(() => DrugAlcoholRecordType, {
    nullable: true,
    description: 'Record or update your drug and alcohol service\u2019s record about someone.',
  })
  recordDrugAlcoholRecord(
    @Arg('input') input: RecordDrugAlcoholRecordInput,
    @Ctx() ctx: HubContext,
  ) {
    return write(ctx, PartnerRecordKind.DRUG_ALCOHOL, input);
  }

  @Mutation(() => PartnerRecordImportType, {
    nullable: true,
    description:
      'Import your partner\u2019s own records of one kind from a CSV export of its system (docs/rules.md "Partner records"). Each row is written as the record mutation writes it; a bad row is reported by line and writes nothing. Re-importing the same file changes nothing.',
  })
  importPartnerRecords(
    @Arg('kind', () => PartnerRecordKind) kind: PartnerRecordKind,
    @Arg('csv', { description: 'The CSV text, header first.' }) csv: string,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => importPartnerRecords(em, ctx.viewer, kind, csv));
  }
}

const write = (ctx: HubContext, kind: PartnerRecordKind, input: object) =>
  inTransaction(ctx, async (em) => {
    const written = await recordPartnerRecord(
      em,
      ctx.viewer,
      PARTNER_RECORD_SPECS[kind],
      // GraphQL input objects are built without a prototype's own fields; spread to a plain map.
      { ...input } as PartnerRecordWrite,
    );
    return written.record;
  });

@Resolver(() => HousingRecordType)
export class HousingRecordResolver {
  @FieldResolver(() => LocationType, { nullable: true, description: 'The tenanted property.' })
  property(@Root() record: HousingRecord, @Ctx() ctx: HubContext) {
    return record.property ? ctx.loaders.locationById.load(record.property.id) : null;
  }
}
