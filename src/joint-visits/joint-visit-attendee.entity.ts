import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { JointVisit } from './joint-visit.entity';

/** An officer who attended a joint visit, for their partner. */
@Entity({ tableName: 'joint_visit_attendee' })
export class JointVisitAttendee {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => JointVisit)
  visit!: JointVisit;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @Property({ type: 'text' })
  officerName!: string;
}
