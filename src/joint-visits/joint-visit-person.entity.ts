import { Entity, ManyToOne, Opt, PrimaryKey, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { JointVisit } from './joint-visit.entity';

/** Someone seen on a joint visit. */
@Entity({ tableName: 'joint_visit_person' })
@Unique({ properties: ['visit', 'person'] })
export class JointVisitPerson {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => JointVisit)
  visit!: JointVisit;

  @ManyToOne(() => Person)
  person!: Person;
}
