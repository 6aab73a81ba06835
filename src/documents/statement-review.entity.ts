import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';

/** Where the legal team has got to with a lead officer statement before it goes in an evidence file. */
export enum StatementReviewStatus {
  DRAFT = 'DRAFT',
  RETURNED_WITH_COMMENTS = 'RETURNED_WITH_COMMENTS',
  VALIDATED = 'VALIDATED',
}

registerEnumType(StatementReviewStatus, { name: 'StatementReviewStatus' });

/**
 * One step of the legal team's review of a case's lead officer statement. Rows are only ever
 * added: the latest is the statement's status, the rest its history.
 */
@Entity({ tableName: 'statement_review' })
export class StatementReview {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @Enum({ items: () => StatementReviewStatus, type: 'text' })
  status!: StatementReviewStatus;

  /** What the lead officer must change (required when returned with comments). */
  @Property({ type: 'text', nullable: true })
  comments?: string | null;

  @ManyToOne(() => User)
  reviewedBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  reviewedAt: Date & Opt = clock.now();
}
