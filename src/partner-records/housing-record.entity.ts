import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Location } from '../locations/location.entity';
import { PartnerRecordBase } from './partner-record.base';

/** A housing provider's tenancy record about a person. */
@Entity({ tableName: 'housing_record' })
export class HousingRecord extends PartnerRecordBase {
  @ManyToOne(() => Location, { nullable: true })
  property?: Location | null;

  @Property({ type: 'text', nullable: true })
  tenancyReference?: string | null;

  /** e.g. assured, starter, secure. */
  @Property({ type: 'text', nullable: true })
  tenancyType?: string | null;

  @Property({ type: 'date', nullable: true })
  tenancyStartDate?: string | null;

  /** Conditions of the tenancy relevant to the case (e.g. no visitors after 11pm), as agreed. */
  @Property({ type: 'text', nullable: true })
  tenancyConditions?: string | null;

  /** Breaches of tenancy and notices served. */
  @Property({ type: 'text', nullable: true })
  tenancyBreaches?: string | null;

  /** The housing officer's own notes: stay with the provider. */
  @Property({ type: 'text', nullable: true })
  officerNotes?: string | null;
}
