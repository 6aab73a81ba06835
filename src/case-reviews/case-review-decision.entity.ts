import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { CaseReviewOutcome } from './case-review-decision.enum';
import { CaseReviewConsideration } from './case-review-workflow.enum';
import { RecordKey } from '../db/record-key';

/**
 * An ASB case review (formerly "community trigger") decision: the qualifying complaints counted
 * in the window, whether the threshold was met, and what was decided, by whom and why.
 */
@Entity({ tableName: 'case_review_decision' })
export class CaseReviewDecision {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  /** The victim the application was made by or for. */
  @ManyToOne(() => Person)
  victim!: Person;

  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'datetime' })
  windowEnd!: Date;

  /** The threshold N in force when the decision was made (at most 3, s.104(4)). */
  @Property({ type: 'integer' })
  threshold!: number;

  @Property({ type: 'boolean' })
  thresholdMet!: boolean;

  @Enum({ items: () => CaseReviewOutcome, type: 'text' })
  outcome!: CaseReviewOutcome;

  @Property({ type: 'text' })
  reasons!: string;

  /** What a discretionary review weighed: persistence, harm, adequacy of response (s.104(5)). */
  @Enum({ items: () => CaseReviewConsideration, type: 'text', array: true, default: [] })
  considerations: CaseReviewConsideration[] & Opt = [];

  @ManyToOne(() => User)
  decidedBy!: User;

  @Property({ type: 'datetime' })
  decidedAt!: Date;

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;
}
