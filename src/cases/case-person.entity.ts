import { clock } from '../common/clock';
import { Entity, Index, Enum, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { PersonRole } from '../people/person-role.enum';
import { Vulnerability } from '../people/vulnerability.enum';
import { Case } from './case.entity';

/** Someone in a case, with their role and the vulnerabilities assessed for this case. */
@Entity({ tableName: 'case_person' })
@Unique({ properties: ['person', 'case'] })
export class CasePerson {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Person)
  person!: Person;

  @Enum({ items: () => PersonRole, type: 'text' })
  role!: PersonRole;

  @Enum({ items: () => Vulnerability, type: 'text', array: true, default: [] })
  vulnerabilities: Vulnerability[] & Opt = [];

  /**
   * The partner that added them, which may correct their part (src/corrections/); null for
   * people added before this was kept, whom only the lead partner corrects.
   */
  @ManyToOne(() => Partner, { nullable: true, deleteRule: 'set null' })
  addedByPartner?: Partner | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  addedAt: Date & Opt = clock.now();
}
