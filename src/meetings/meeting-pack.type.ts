import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ActionSource } from '../actions/action-enums';
import { CaseStatus, OsaraStage, RiskLevel } from '../cases/case-enums';
import { LocalDate } from '../common/scalars';
import { PartnerType } from '../partners/partner.type';
import { PersonRole } from '../people/person-role.enum';

/**
 * The meeting pack as structured data. Every value in it was let through by the sharing policy
 * for each partner in the audience (src/meetings/pack-audience.ts); what was not is listed in
 * `withheld` by where it would have been, never by what it was.
 */

export enum MeetingPackAudience {
  /** What every attending partner may see: the pack put on the table at the meeting. */
  WHOLE_MEETING = 'WHOLE_MEETING',
  /** What one partner may see: your own partner's pack. */
  PARTNER = 'PARTNER',
}
registerEnumType(MeetingPackAudience, { name: 'MeetingPackAudience' });

export enum MeetingPackEntryKind {
  INCIDENT = 'INCIDENT',
  JOINT_VISIT = 'JOINT_VISIT',
  SUPPORT_OFFER = 'SUPPORT_OFFER',
  INTERVENTION = 'INTERVENTION',
  BREACH = 'BREACH',
}
registerEnumType(MeetingPackEntryKind, { name: 'MeetingPackEntryKind' });

@ObjectType('WithheldSection', {
  description: 'Where the pack left something out for its audience, and why; never what it was.',
})
export class WithheldSection {
  @Field({ description: 'Where, e.g. "item 2 people[1] MentalHealthRecord.clinicalNotes".' })
  section!: string;

  @Field()
  reason!: string;
}

@ObjectType('MeetingPackEntry', { description: 'One entry of a case\u2019s chronology.' })
export class MeetingPackEntry {
  @Field()
  occurredAt!: Date;

  @Field(() => MeetingPackEntryKind)
  kind!: MeetingPackEntryKind;

  @Field({ description: 'What happened, without personal data: a category, kind or answer.' })
  label!: string;

  @Field(() => PartnerType, { nullable: true, description: 'The partner that did it.' })
  partner?: PartnerType | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'An intervention\u2019s compliance date.',
  })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'The answer to support offered.' })
  answer?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text; null when withheld.' })
  detail?: string | null;

  /** Not in the schema: for the audit. */
  caseId!: string;
  id!: string;
}

@ObjectType('MeetingPackCaseReview', { description: 'Where the case\u2019s ASB case review is.' })
export class MeetingPackCaseReview {
  @Field(() => String, {
    nullable: true,
    description: 'The latest application\u2019s last step: APPLIED to CLOSED.',
  })
  applicationStep?: string | null;

  @Field(() => Date, { nullable: true })
  appliedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The latest decision\u2019s outcome.' })
  decisionOutcome?: string | null;

  @Field(() => Boolean, { nullable: true })
  thresholdMet?: boolean | null;

  @Field(() => Date, { nullable: true })
  decidedAt?: Date | null;
}

@ObjectType('MeetingPackAction', { description: 'An open action.' })
export class MeetingPackAction {
  @Field(() => String, { nullable: true, description: 'Null when withheld.' })
  title?: string | null;

  @Field(() => LocalDate)
  dueDate!: string;

  @Field()
  overdue!: boolean;

  @Field(() => ActionSource)
  source!: ActionSource;

  /** Not in the schema: for the audit. */
  id!: string;
  caseId!: string;
}

@ObjectType('MeetingPackPartnerActions', {
  description: 'A partner\u2019s outstanding and overdue actions on the case.',
})
export class MeetingPackPartnerActions {
  @Field(() => PartnerType)
  partner!: PartnerType;

  @Field(() => Int)
  outstanding!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => [MeetingPackAction])
  actions!: MeetingPackAction[];
}

@ObjectType('MeetingPackField', { description: 'One field of a partner record.' })
export class MeetingPackField {
  @Field({ description: 'The record type\u2019s field, e.g. careContact.' })
  name!: string;

  @Field(() => String, { nullable: true })
  value?: string | null;

  /** Not in the schema: for the audit. */
  recordId!: string;
  personId!: string;
  caseId!: string;
}

@ObjectType('MeetingPackRecord', {
  description: 'A partner\u2019s record about a person, as far as the audience may see it.',
})
export class MeetingPackRecord {
  @Field({ description: 'PoliceRecord, HousingRecord, MentalHealthRecord or DrugAlcoholRecord.' })
  kind!: string;

  @Field(() => PartnerType)
  owner!: PartnerType;

  @Field(() => [MeetingPackField])
  fields!: MeetingPackField[];

  /** Not in the schema: for the audit. */
  id!: string;
  personId!: string;
  caseId!: string;
}

@ObjectType('MeetingPackPerson', { description: 'Someone in the case.' })
export class MeetingPackPerson {
  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => String, { nullable: true, description: 'Null when withheld.' })
  name?: string | null;

  @Field(() => [MeetingPackRecord])
  records!: MeetingPackRecord[];

  /** Not in the schema: for the audit. */
  personId!: string;
  caseId!: string;
}

@ObjectType('MeetingPackChart', {
  description:
    'Chart data: incidents on the case over the 26 weeks before the pack was made, as numbers.',
})
export class MeetingPackChart {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => [Int], { description: '26 weekly counts, oldest first; week 1 starts at `from`.' })
  incidentsPerWeek!: number[];

  @Field(() => [[Int]], {
    description:
      '7 rows (Monday first) of 24 hourly counts (00:00 to 23:00), in UK time (Europe/London).',
  })
  dayOfWeekByHour!: number[][];
}

@ObjectType('MeetingPackItem', { description: 'One case on the agenda.' })
export class MeetingPackItem {
  @Field(() => Int)
  position!: number;

  @Field(() => ID, { nullable: true, description: 'Null when the whole item is withheld.' })
  caseId?: string | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => RiskLevel, { nullable: true })
  riskLevel?: RiskLevel | null;

  @Field(() => OsaraStage, { nullable: true })
  osaraStage?: OsaraStage | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The chronology starts after this: the last earlier meeting with the case on its agenda (null: from the start).',
  })
  chronologySince?: Date | null;

  @Field(() => [MeetingPackEntry])
  chronology!: MeetingPackEntry[];

  @Field(() => MeetingPackCaseReview, { nullable: true })
  caseReview?: MeetingPackCaseReview | null;

  @Field(() => [MeetingPackPartnerActions])
  actionsByPartner!: MeetingPackPartnerActions[];

  @Field(() => [MeetingPackPerson])
  people!: MeetingPackPerson[];

  @Field(() => MeetingPackChart, { nullable: true })
  chart?: MeetingPackChart | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a case centred on a place: a plain SVG map (no background tiles) of the place and of the case\u2019s incidents that have coordinates, with a scale bar and north arrow. Null for a case centred on a person, when nothing has coordinates, or when withheld.',
  })
  map?: string | null;

  @Field(() => [WithheldSection])
  withheld!: WithheldSection[];
}

@ObjectType('MeetingPack', { description: 'The structured meeting pack for one audience.' })
export class MeetingPack {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  heldAt!: Date;

  @Field(() => MeetingPackAudience)
  audience!: MeetingPackAudience;

  @Field(() => [PartnerType], { description: 'The partners whose view the pack keeps to.' })
  audiencePartners!: PartnerType[];

  @Field()
  generatedAt!: Date;

  @Field(() => [MeetingPackItem])
  items!: MeetingPackItem[];

  @Field(() => [WithheldSection], { description: 'Everything withheld, item by item.' })
  withheld!: WithheldSection[];
}
