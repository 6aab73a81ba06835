import { Entity, Opt, Property } from '@mikro-orm/core';
import { PartnerRecordBase } from './partner-record.base';

/** The police force's record about a person. */
@Entity({ tableName: 'police_record' })
export class PoliceRecord extends PartnerRecordBase {
  /** The force's nominal reference for the person. */
  @Property({ type: 'text', nullable: true })
  nominalReference?: string | null;

  /** The Police National Computer reference for the person. */
  @Property({ type: 'text', nullable: true })
  pncReference?: string | null;

  /** PNC-style warning markers (e.g. VIOLENT, WEAPONS, DRUGS), codes not prose. */
  @Property({ type: 'text[]', default: '{}' })
  warningMarkers: string[] & Opt = [];

  /** Warnings issued and arrests, as the force shares them with partners on the case. */
  @Property({ type: 'text', nullable: true })
  warningsSummary?: string | null;

  /** Police intelligence: never leaves the force. */
  @Property({ type: 'text', nullable: true })
  intelligence?: string | null;
}
