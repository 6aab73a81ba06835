import { Entity, Opt, Property } from '@mikro-orm/core';
import { PartnerRecordBase } from './partner-record.base';

/** An NHS mental health service's record. Its existence alone says "known to services". */
@Entity({ tableName: 'mental_health_record' })
export class MentalHealthRecord extends PartnerRecordBase {
  @Property({ type: 'boolean', default: true })
  knownToServices: boolean & Opt = true;

  /** Care coordinator's name and how partners can reach them. */
  @Property({ type: 'text', nullable: true })
  careContact?: string | null;

  /** A risk summary the service chooses to share for safeguarding. */
  @Property({ type: 'text', nullable: true })
  riskSummary?: string | null;

  /** Clinical detail: never leaves the service. */
  @Property({ type: 'text', nullable: true })
  clinicalNotes?: string | null;
}
