import { Entity, ManyToOne, Opt, PrimaryKey, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Intervention } from './intervention.entity';

/** A partner issuing an intervention; CPWs are often issued jointly by police and council. */
@Entity({ tableName: 'intervention_partner' })
@Unique({ properties: ['intervention', 'partner'] })
export class InterventionPartner {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @ManyToOne(() => Partner)
  partner!: Partner;
}
