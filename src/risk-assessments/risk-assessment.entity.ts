import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RiskLevel } from '../cases/case-enums';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { PersonRole } from '../people/person-role.enum';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';

/**
 * One risk assessment of a victim or perpetrator on a case, as scored at the time: assessments
 * are never changed, a new one is recorded. The latest (by `assessedAt`) sets the case's risk.
 */
@Entity({ tableName: 'risk_assessment' })
@Index({ properties: ['case', 'assessedAt'] })
export class RiskAssessment {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Person)
  person!: Person;

  /** The person's role on the case when assessed: VICTIM or PERPETRATOR. */
  @Enum({ items: () => PersonRole, type: 'text' })
  role!: PersonRole;

  /** Victims: reported before, or targeted again (0 to 3). */
  @Property({ type: 'smallint', nullable: true })
  repeatVictimisation?: number | null;

  /** Victims and perpetrators: how vulnerable they are (0 to 3). */
  @Property({ type: 'smallint' })
  vulnerability!: number;

  /** Victims: harm and impact on them, their family and community (0 to 3). */
  @Property({ type: 'smallint', nullable: true })
  impact?: number | null;

  /** Perpetrators: behaviour getting worse or more frequent (0 to 3). */
  @Property({ type: 'smallint', nullable: true })
  escalation?: number | null;

  /** Perpetrators: risk of harm to others (0 to 3). */
  @Property({ type: 'smallint', nullable: true })
  riskOfHarm?: number | null;

  /** The sum of the factors. */
  @Property({ type: 'smallint' })
  score!: number;

  @Enum({ items: () => RiskLevel, type: 'text' })
  riskLevel!: RiskLevel;

  /** The assessor's notes: free text, personal data. */
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'datetime' })
  assessedAt!: Date;

  @ManyToOne(() => User)
  assessedBy!: User;

  @ManyToOne(() => Partner)
  assessedByPartner!: Partner;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
