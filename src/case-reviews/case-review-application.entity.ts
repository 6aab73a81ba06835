import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Action } from '../actions/action.entity';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { CaseReviewDecision } from './case-review-decision.entity';
import { CaseReviewApplicationChannel } from './case-review-workflow.enum';
import { CaseReviewAlert } from './case-review-alert.entity';
import { RecordKey } from '../db/record-key';

/**
 * An ASB case review application, by the victim or on their behalf, and each step after it:
 * acknowledged, decided, review meeting held, response to the victim, appeal, closed. Each step
 * is a date; the deadlines are computed from the area's working-day timescales.
 */
@Entity({ tableName: 'case_review_application' })
export class CaseReviewApplication {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  /** The victim the application is by or for. */
  @ManyToOne(() => Person)
  victim!: Person;

  /** False when someone applied on the victim's behalf (a relative, a councillor, an advocate). */
  @Property({ type: 'boolean' })
  madeByVictim!: boolean;

  /** Who applied on the victim's behalf: personal data. */
  @Property({ type: 'text', nullable: true })
  applicantName?: string | null;

  @Property({ type: 'text', nullable: true })
  applicantRelationship?: string | null;

  @Property({ type: 'text', nullable: true })
  applicantContact?: string | null;

  @Enum({ items: () => CaseReviewApplicationChannel, type: 'text' })
  channel!: CaseReviewApplicationChannel;

  /** The partner that received the application. */
  @ManyToOne(() => Partner)
  receivedBy!: Partner;

  @ManyToOne(() => User)
  recordedBy!: User;

  /** The alert the application answers, if any. */
  @ManyToOne(() => CaseReviewAlert, { nullable: true })
  alert?: CaseReviewAlert | null;

  /** When the application was made: the working-day deadlines count from this day. */
  @Property({ type: 'datetime' })
  appliedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt?: Date | null;

  /** The decision (recordCaseReviewDecision with this application's id). */
  @ManyToOne(() => CaseReviewDecision, { nullable: true, unique: true })
  decision?: CaseReviewDecision | null;

  @Property({ type: 'datetime', nullable: true })
  meetingHeldAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  /** What the victim was told: free text, may name people. */
  @Property({ type: 'text', nullable: true })
  responseSummary?: string | null;

  @Property({ type: 'datetime', nullable: true })
  appealedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  appealGrounds?: string | null;

  /** Who hears the appeal, from the area configuration when the appeal was lodged. */
  @Property({ type: 'text', nullable: true })
  appealHeardBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  closingNotes?: string | null;

  /*
   * When the step-due sweep raised CASE_REVIEW_STEP_DUE for a step left undone past its deadline:
   * stamped in the event's transaction, so each step is raised at most once per application.
   */

  @Property({ type: 'datetime', nullable: true })
  acknowledgementDueRaisedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  decisionDueRaisedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  meetingDueRaisedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  responseDueRaisedAt?: Date | null;

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;
}

/** A recommendation of the review meeting: an action for a partner on the case. */
@Entity({ tableName: 'case_review_recommendation' })
export class CaseReviewRecommendation {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => CaseReviewApplication)
  application!: CaseReviewApplication;

  @ManyToOne(() => Action, { unique: true })
  action!: Action;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
