import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { LocalDate } from '../common/scalars';
import { NewLocationInput } from '../locations/location.input';
import { PersonRole } from '../people/person-role.enum';
import { Vulnerability } from '../people/vulnerability.enum';
import { CaseCentre, CaseStatus, RiskLevel } from './case-enums';

@InputType({ description: 'Open a case, led by your partner.' })
export class OpenCaseInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => CaseCentre)
  centredOn!: CaseCentre;

  @Field(() => RiskLevel)
  riskLevel!: RiskLevel;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; cannot be in the future.' })
  openedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'An existing place the case centres on.' })
  locationId?: string | null;

  @Field(() => NewLocationInput, { nullable: true, description: 'Or a new place.' })
  newLocation?: NewLocationInput | null;

  @Field(() => ID, { nullable: true, description: 'A member of your partner; defaults to you.' })
  leadOfficerId?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Other partners taking part from the start.',
  })
  partnerIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'OSARA objective: what the case must achieve.',
  })
  objective?: string | null;

  @Field(() => LocalDate, { nullable: true })
  objectiveTargetDate?: string | null;
}

@InputType()
export class AddPartnerToCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  partnerId!: string;
}

@InputType({ description: 'Someone not yet known to the hub.' })
export class NewPersonInput {
  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field(() => LocalDate, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: '10 digits; the check digit is verified.' })
  nhsNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Police National Computer id, YY/NNNNNNNL or YYYY/NNNNNNNL; the letter is verified.',
  })
  pncId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Your partner's own reference for this person; shown to your partner only.",
  })
  partnerReference?: string | null;

  @Field(() => CorrespondenceLanguage, {
    nullable: true,
    description: 'The language they asked for letters in, when known.',
  })
  correspondenceLanguage?: CorrespondenceLanguage | null;
}

@InputType({ description: 'Add someone to a case: an existing person you can see, or a new one.' })
export class AddPersonToCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => NewPersonInput, { nullable: true })
  newPerson?: NewPersonInput | null;

  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => [Vulnerability], { defaultValue: [] })
  vulnerabilities!: Vulnerability[];
}

export enum CaseOrder {
  OPENED_AT_DESC = 'OPENED_AT_DESC',
  OPENED_AT_ASC = 'OPENED_AT_ASC',
  RISK_LEVEL_DESC = 'RISK_LEVEL_DESC',
  REFERENCE_ASC = 'REFERENCE_ASC',
}
registerEnumType(CaseOrder, { name: 'CaseOrder' });

@InputType({ description: 'Each filter needs permission to read the field it filters on.' })
export class CaseFilter {
  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => RiskLevel, { nullable: true })
  riskLevel?: RiskLevel | null;

  @Field(() => ID, { nullable: true })
  leadPartnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Cases this person is in (needs Case.people).' })
  personId?: string | null;

  @Field(() => Date, { nullable: true })
  openedAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  openedBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'Matches the reference or the title.' })
  search?: string | null;
}
