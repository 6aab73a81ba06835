import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { RiskAssessment } from '../risk-assessments/risk-assessment.entity';
import { User } from '../users/user.entity';
import { CorrectedRecord } from './corrected-record.enum';

/**
 * One field of a record as it was before a partner corrected it, and what it says now. Rows are
 * never changed or deleted: they are the record's history, and what the statement shows "as
 * amended". A field whose value is free text keeps free text here too (personal data).
 */
@Entity({ tableName: 'correction' })
@Index({ properties: ['record', 'recordId'] })
export class Correction {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Enum({ items: () => CorrectedRecord, type: 'text' })
  record!: CorrectedRecord;

  /** The id of the corrected row (incident, case, case_person, case_partner); a removed row's id is kept. */
  @Property({ type: 'uuid' })
  recordId!: string;

  /** The case the correction was made on; null for an incident, which may matter to several. */
  @Index()
  @ManyToOne(() => Case, { nullable: true, deleteRule: 'set null' })
  case?: Case | null;

  /** The person a CASE_PERSON correction is about. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  person?: Person | null;

  /** The GraphQL field corrected (description, riskLevel, ...), or `removed` for a removal. */
  @Property({ type: 'text' })
  field!: string;

  /** The value before, as text (lists joined by ", ", times in ISO 8601); null when it had none. */
  @Property({ type: 'text', nullable: true })
  previousValue?: string | null;

  @Property({ type: 'text', nullable: true })
  newValue?: string | null;

  /** Why: free text, personal data. */
  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User)
  correctedBy!: User;

  @ManyToOne(() => Partner)
  correctedByPartner!: Partner;

  @Property({ type: 'datetime' })
  correctedAt!: Date;

  /** Set when the change came from a risk assessment rather than a correction by hand. */
  @ManyToOne(() => RiskAssessment, { nullable: true, deleteRule: 'set null' })
  riskAssessment?: RiskAssessment | null;
}
