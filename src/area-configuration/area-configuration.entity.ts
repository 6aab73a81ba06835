import { clock } from '../common/clock';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { Check, Entity, Enum, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/**
 * The area's own rules, set by its administrator (one row: a hub serves one area). Statutory
 * limits are enforced here as well as in code, so no path can store an unlawful value.
 */
@Entity({ tableName: 'area_configuration' })
@Check({ name: 'area_configuration_single_row', expression: 'id = 1' })
@Check({
  name: 'case_review_threshold_at_most_3',
  expression: '(case_review_threshold >= 1) AND (case_review_threshold <= 3)',
})
export class AreaConfiguration {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number & Opt = 1;

  /** N qualifying complaints in the window meet the ASB case review threshold; N <= 3 (2014 Act s.104(4)). */
  @Property({ type: 'integer', default: 3 })
  caseReviewThreshold: number & Opt = 3;

  /** The window qualifying complaints are counted in (s.104(11): 6 months). */
  @Property({ type: 'integer', default: 6 })
  caseReviewWindowMonths: number & Opt = 6;

  /** A complaint qualifies only if made within this many months of the behaviour (s.104(11)). */
  @Property({ type: 'integer', default: 1 })
  qualifyingComplaintMonths: number & Opt = 1;

  /** Local route: this many reports about one location in the window... (null: route off). */
  @Property({ type: 'integer', nullable: true, default: 5 })
  locationRouteReports?: number | null = 5;

  /** ...from at least this many different victims. */
  @Property({ type: 'integer', default: 2 })
  locationRouteVictims: number & Opt = 2;

  /** Local route: a single hate incident meets the threshold. */
  @Property({ type: 'boolean', default: true })
  hateIncidentRoute: boolean & Opt = true;

  /** Case review timescales, in working days from the application. */
  @Property({ type: 'integer', default: 10 })
  acknowledgeWorkingDays: number & Opt = 10;

  @Property({ type: 'integer', default: 15 })
  decideWorkingDays: number & Opt = 15;

  @Property({ type: 'integer', default: 20 })
  meetWorkingDays: number & Opt = 20;

  /** From the review meeting to the response to the victim. */
  @Property({ type: 'integer', default: 5 })
  respondWorkingDays: number & Opt = 5;

  /** How long the victim has to appeal after the response. */
  @Property({ type: 'integer', default: 20 })
  appealWindowWorkingDays: number & Opt = 20;

  /** Who hears appeals: often the police and crime commissioner. */
  @Property({ type: 'text', default: 'Police and crime commissioner' })
  appealHeardBy: string & Opt = 'Police and crime commissioner';

  /** Youngest age for a community protection notice: 16 (s.43), or 10 where the law has changed. */
  @Property({ type: 'integer', default: 16 })
  cpnMinimumAge: number & Opt = 16;

  /** Aggregate cells below this count are suppressed. */
  @Property({ type: 'integer', default: 5 })
  smallNumberThreshold: number & Opt = 5;

  /**
   * The cell key method's largest change to an aggregate count, up or down (src/aggregates/cell-key.ts);
   * 0 publishes exact counts (suppression alone).
   */
  @Property({ type: 'integer', default: 3 })
  perturbationMaxNoise: number & Opt = 3;

  /** The variance of that change, for counts far enough from the threshold to take it. */
  @Property({ type: 'double', default: 2 })
  perturbationVariance: number & Opt = 2;

  /**
   * The language of letters to someone whose choice is not recorded: ENGLISH, WELSH or BOTH.
   * Areas in Wales usually choose BOTH (the Welsh language standards).
   */
  @Enum({
    items: () => CorrespondenceLanguage,
    type: 'text',
    default: CorrespondenceLanguage.ENGLISH,
  })
  defaultCorrespondenceLanguage: CorrespondenceLanguage & Opt = CorrespondenceLanguage.ENGLISH;

  /** Closed cases are reviewed for deletion this many years after closure (6 is common). */
  @Property({ type: 'integer', default: 6 })
  retentionYears: number & Opt = 6;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = clock.now();

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: User | null;
}
