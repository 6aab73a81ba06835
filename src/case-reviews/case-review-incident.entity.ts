import { Entity, ManyToOne, Opt, PrimaryKey, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Incident } from '../incidents/incident.entity';
import { CaseReviewDecision } from './case-review-decision.entity';

/** A qualifying complaint counted towards a case review decision. */
@Entity({ tableName: 'case_review_incident' })
@Unique({ properties: ['decision', 'incident'] })
export class CaseReviewIncident {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => CaseReviewDecision)
  decision!: CaseReviewDecision;

  @ManyToOne(() => Incident)
  incident!: Incident;
}
