import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import type { HousingRecord } from './housing-record.entity';
import type { PartnerRecordBase } from './partner-record.base';
import {
  DrugAlcoholRecordType,
  HousingRecordType,
  MentalHealthRecordType,
  PoliceRecordType,
} from './partner-record.type';

/** Every record type answers `owner`: the partner that holds the record. */
function ownerResolver(recordType: ClassType) {
  @Resolver(() => recordType)
  class OwnerResolver {
    @FieldResolver(() => PartnerType, {
      nullable: true,
      description: 'The partner that holds this record.',
    })
    owner(@Root() record: PartnerRecordBase, @Ctx() ctx: HubContext) {
      return ctx.loaders.partnerById.load(record.ownerPartner.id);
    }
  }
  return OwnerResolver;
}

export const PoliceRecordResolver = ownerResolver(PoliceRecordType);
export const MentalHealthRecordResolver = ownerResolver(MentalHealthRecordType);
export const DrugAlcoholRecordResolver = ownerResolver(DrugAlcoholRecordType);
export const HousingRecordOwnerResolver = ownerResolver(HousingRecordType);

@Resolver(() => HousingRecordType)
export class HousingRecordResolver {
  @FieldResolver(() => LocationType, { nullable: true, description: 'The tenanted property.' })
  property(@Root() record: HousingRecord, @Ctx() ctx: HubContext) {
    return record.property ? ctx.loaders.locationById.load(record.property.id) : null;
  }
}
