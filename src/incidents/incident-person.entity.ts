import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { PersonRole } from '../people/person-role.enum';
import { Incident } from './incident.entity';

/** Someone involved in an incident, and how. */
@Entity({ tableName: 'incident_person' })
@Unique({ properties: ['incident', 'person'] })
// A person's incidents: demand before and after a warning, which follows the person.
@Index({ properties: ['person', 'incident'] })
export class IncidentPerson {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Incident)
  incident!: Incident;

  @ManyToOne(() => Person)
  person!: Person;

  @Enum({ items: () => PersonRole, type: 'text' })
  role!: PersonRole;
}
