import { Entity, Opt, Property } from '@mikro-orm/core';
import { PartnerRecordBase } from './partner-record.base';

/** A drug and alcohol service's record. Its existence alone says "in contact with treatment". */
@Entity({ tableName: 'drug_alcohol_record' })
export class DrugAlcoholRecord extends PartnerRecordBase {
  @Property({ type: 'boolean', default: false })
  engagedInTreatment: boolean & Opt = false;

  /** Key worker's name and how partners can reach them. */
  @Property({ type: 'text', nullable: true })
  keyWorkerContact?: string | null;

  /** Treatment detail: never leaves the service. */
  @Property({ type: 'text', nullable: true })
  treatmentDetail?: string | null;
}
