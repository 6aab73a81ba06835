import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../actions/action-enums';
import { Action } from '../actions/action.entity';
import type { Viewer } from '../auth/viewer';
import { CaseReviewOutcome } from '../case-reviews/case-review-decision.enum';
import { CaseReviewDecision } from '../case-reviews/case-review-decision.entity';
import { CaseReviewIncident } from '../case-reviews/case-review-incident.entity';
import { CaseCentre, CaseStatus, OsaraStage, RiskLevel } from '../cases/case-enums';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import { Case } from '../cases/case.entity';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { IncidentPerson } from '../incidents/incident-person.entity';
import { IncidentReport } from '../incidents/incident-report.entity';
import { Incident } from '../incidents/incident.entity';
import { InterventionKind, InterventionStatus } from '../interventions/intervention-enums';
import { InterventionPartner } from '../interventions/intervention-partner.entity';
import { Intervention } from '../interventions/intervention.entity';
import { JointVisitAttendee } from '../joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../joint-visits/joint-visit-person.entity';
import { JointVisit } from '../joint-visits/joint-visit.entity';
import { LocationKind } from '../locations/location-kind.enum';
import { Location } from '../locations/location.entity';
import { DrugAlcoholRecord } from '../partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../partner-records/housing-record.entity';
import { MentalHealthRecord } from '../partner-records/mental-health-record.entity';
import { PoliceRecord } from '../partner-records/police-record.entity';
import { Partner } from '../partners/partner.entity';
import { strongIdentifiers } from '../people/person-identifiers';
import { matchNewPerson } from '../people/person-matching.service';
import { PersonRole } from '../people/person-role.enum';
import { Person } from '../people/person.entity';
import { Vulnerability } from '../people/vulnerability.enum';
import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { SupportKind, SupportResponse } from '../support/support-enums';
import { SupportOffer } from '../support/support-offer.entity';
import { Meeting, MeetingAgendaItem, MeetingPartner } from '../meetings/meeting.entity';
import { User } from '../users/user.entity';
import { DEMO_PARTNERS, DEMO_USERS, demoUser, type DemoPartnerKey } from './demo-directory';

/** Fixed ids for the demo story, quoted in the README and used by the tests. */
export const DEMO_IDS = {
  cuckooingCase: '30000000-0000-4000-8000-000000000001',
  noiseCase: '30000000-0000-4000-8000-000000000002',
  parkCase: '30000000-0000-4000-8000-000000000003',
  vehiclesCase: '30000000-0000-4000-8000-000000000004',
  coastlineCase: '30000000-0000-4000-8000-000000000005',
  seren: '40000000-0000-4000-8000-000000000001',
  gareth: '40000000-0000-4000-8000-000000000002',
  kyle: '40000000-0000-4000-8000-000000000003',
  jordan: '40000000-0000-4000-8000-000000000004',
  mair: '40000000-0000-4000-8000-000000000005',
  alun: '40000000-0000-4000-8000-000000000006',
  tomos: '40000000-0000-4000-8000-000000000007',
  /** Kyle as Coastline Homes recorded him: linked to `kyle` by his NHS number. */
  kyleAtCoastline: '40000000-0000-4000-8000-000000000008',
  /** "Jordan Hale", no date of birth: on the supervisors' review list against `jordan`. */
  jordanAtCoastline: '40000000-0000-4000-8000-000000000009',
  flat: '50000000-0000-4000-8000-000000000001',
  meeting: '60000000-0000-4000-8000-000000000001',
} as const;

const at = (iso: string) => new Date(iso);

/** Kyle Rees's NHS number, as printed on a letter: held by the cuckooing case and Coastline Homes. */
export const KYLE_NHS_NUMBER = '9434765919';

/**
 * The demo area's story: the College of Policing cuckooing case study (a woman with learning
 * difficulties whose housing association flat is taken over by visitors exploiting her), a noise
 * dispute settled by mediation, a park with youth ASB, and a closed case. Loaded once, in one
 * transaction, into an empty database.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const partner = Object.fromEntries(
      Object.entries(DEMO_PARTNERS).map(([key, p]) => [key, tx.create(Partner, { ...p })]),
    ) as Record<DemoPartnerKey, Partner>;
    const users = Object.fromEntries(
      DEMO_USERS.map((u) => [
        u.username,
        tx.create(User, {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          partner: partner[u.partner],
        }),
      ]),
    ) as Record<string, User>;

    const place = (id: string | undefined, fields: Omit<Location, 'id'>) =>
      tx.create(Location, { ...(id ? { id } : {}), ...fields });
    const person = (
      id: string,
      givenName: string,
      familyName: string,
      dateOfBirth: string | null,
      nhsNumber: string | null = null,
    ) => tx.create(Person, { id, givenName, familyName, dateOfBirth, nhsNumber });
    const openCase = (
      fields: Pick<
        Case,
        'id' | 'reference' | 'title' | 'summary' | 'centredOn' | 'riskLevel' | 'openedAt'
      > &
        Partial<Pick<Case, 'status' | 'closedAt' | 'location'>>,
      lead: DemoPartnerKey,
      leadOfficer: string,
      others: DemoPartnerKey[],
    ) => {
      const c = tx.create(Case, {
        ...fields,
        leadPartner: partner[lead],
        leadOfficer: users[leadOfficer],
      });
      [lead, ...others].forEach((key, i) =>
        tx.create(CasePartner, {
          case: c,
          partner: partner[key],
          joinedAt: new Date(fields.openedAt.getTime() + i * 60_000),
        }),
      );
      return c;
    };
    const addPeople = (c: Case, entries: [Person, PersonRole, Vulnerability[]][]) =>
      entries.forEach(([p, role, vulnerabilities], i) =>
        tx.create(CasePerson, {
          case: c,
          person: p,
          role,
          vulnerabilities,
          addedAt: new Date(c.openedAt.getTime() + i * 60_000),
        }),
      );
    const incident = (
      c: Case,
      occurredAt: string,
      category: IncidentCategory,
      description: string,
      location: Location | null,
      reports: [DemoPartnerKey, string, string | null][],
      people: [Person, PersonRole][] = [],
    ) => {
      const i = tx.create(Incident, {
        occurredAt: at(occurredAt),
        category,
        description,
        location,
        recordedByPartner: partner[reports[0][0]],
        areaCode: location?.lsoaCode ?? null,
      });
      tx.create(CaseIncident, { case: c, incident: i });
      for (const [key, reportedAt, sourceReference] of reports) {
        tx.create(IncidentReport, {
          incident: i,
          partner: partner[key],
          reportedAt: at(reportedAt),
          sourceReference,
        });
      }
      for (const [p, role] of people) tx.create(IncidentPerson, { incident: i, person: p, role });
      return i;
    };
    const intervene = (
      c: Case,
      kind: InterventionKind,
      issuers: DemoPartnerKey[],
      fields: Pick<Intervention, 'issuedAt' | 'terms'> &
        Partial<Pick<Intervention, 'subject' | 'premises' | 'complianceDate' | 'status'>>,
    ) => {
      const iv = tx.create(Intervention, { case: c, kind, ...fields });
      for (const key of issuers)
        tx.create(InterventionPartner, { intervention: iv, partner: partner[key] });
      return iv;
    };

    // --- The cuckooing case (College of Policing case study, Dyfed-Powys) ---
    const flat = place(DEMO_IDS.flat, {
      kind: LocationKind.ADDRESS,
      description: 'Flat 3, 12 Heol y Bryn, Llanelli SA15 3AB',
      uprn: '10023456789',
      latitude: 51.6841,
      longitude: -4.1617,
      lsoaCode: 'W01000563',
    });
    const seren = person(DEMO_IDS.seren, 'Seren', 'Jenkins', '1989-03-14');
    const gareth = person(DEMO_IDS.gareth, 'Gareth', 'Bowen', '1985-07-02');
    // Kyle's NHS number, as the police hold it from custody (a valid mod-11 check digit).
    const kyle = person(DEMO_IDS.kyle, 'Kyle', 'Rees', '1998-11-20', KYLE_NHS_NUMBER);
    const jordan = person(DEMO_IDS.jordan, 'Jordan', 'Hale', '2001-02-09');
    const mair = person(DEMO_IDS.mair, 'Mair', 'Lloyd', '1951-05-30');

    const cuckooing = openCase(
      {
        id: DEMO_IDS.cuckooingCase,
        reference: 'ASB-2026-0001',
        title: 'Cuckooing at a housing association flat, Heol y Bryn',
        summary:
          'A tenant with learning difficulties is being exploited by visitors who use her flat for drugs, keep her awake at night and intimidate neighbours. Her partner is drug dependent and stays periodically.',
        centredOn: CaseCentre.VICTIM,
        riskLevel: RiskLevel.HIGH,
        openedAt: at('2026-05-20T09:00:00Z'),
        location: flat,
      },
      'police',
      'pc.morgan',
      ['housing', 'council', 'mentalHealth', 'drugAlcohol'],
    );
    Object.assign(cuckooing.osara, {
      stage: OsaraStage.RESPONSE,
      objective:
        'End the exploitation of the flat and the nuisance to neighbours; Seren safe in her home and supported.',
      objectiveTargetDate: '2026-12-31',
      scanning:
        'Police logs and patrol engagement, housing association complaints, council environmental reports; mental health and drug and alcohol services asked whether they know the household.',
      analysis:
        'Incidents peak Friday and Saturday, 22:00 to 03:00. The same two visitors are named each time. Seren is targeted because of her learning difficulties and her partner\u2019s dependency.',
      response:
        'Police: patrols, warning letters then CPWs with the council. Housing: door security and tenancy support. Mental health: care coordination for Seren. Drug and alcohol service: treatment for Gareth. Council: needle clearance; closure order to be considered.',
    });
    addPeople(cuckooing, [
      [
        seren,
        PersonRole.VICTIM,
        [Vulnerability.LEARNING_DISABILITY, Vulnerability.EXPLOITATION, Vulnerability.ISOLATION],
      ],
      [gareth, PersonRole.WITNESS, [Vulnerability.SUBSTANCE_MISUSE]],
      [kyle, PersonRole.PERPETRATOR, []],
      [jordan, PersonRole.PERPETRATOR, []],
      [mair, PersonRole.REPORTER, [Vulnerability.AGE]],
    ]);
    const i1 = incident(
      cuckooing,
      '2026-05-14T22:40:00Z',
      IncidentCategory.NUISANCE,
      'Loud music and shouting from Flat 3 through the night; several men seen going in and out. Neighbour reports Seren looked frightened.',
      flat,
      [
        ['police', '2026-05-14T23:05:00Z', 'DPP-20260514-0187'],
        ['housing', '2026-05-15T08:30:00Z', 'TVHA-ASB-7731'],
      ],
      [
        [seren, PersonRole.VICTIM],
        [kyle, PersonRole.PERPETRATOR],
        [mair, PersonRole.REPORTER],
      ],
    );
    const i2 = incident(
      cuckooing,
      '2026-06-02T01:15:00Z',
      IncidentCategory.PERSONAL,
      'Mair Lloyd intimidated on the stairwell by two men leaving Flat 3; told to "keep her mouth shut".',
      flat,
      [['police', '2026-06-02T01:40:00Z', 'DPP-20260602-0021']],
      [
        [mair, PersonRole.VICTIM],
        [kyle, PersonRole.PERPETRATOR],
        [jordan, PersonRole.PERPETRATOR],
      ],
    );
    const i3 = incident(
      cuckooing,
      '2026-06-09T21:00:00Z',
      IncidentCategory.NUISANCE,
      'Drug paraphernalia left in the communal stairwell; noise from Flat 3 until 04:00. Seren told the housing officer she cannot make the visitors leave.',
      flat,
      [['housing', '2026-06-10T07:45:00Z', 'TVHA-ASB-7760']],
      [
        [seren, PersonRole.VICTIM],
        [mair, PersonRole.REPORTER],
      ],
    );
    incident(
      cuckooing,
      '2026-09-03T00:30:00Z',
      IncidentCategory.NUISANCE,
      'After a quiet summer the same visitors returned; door to Flat 3 kicked at 01:00, Seren woken and distressed.',
      flat,
      [['police', '2026-09-03T00:50:00Z', 'DPP-20260903-0009']],
      [
        [seren, PersonRole.VICTIM],
        [kyle, PersonRole.PERPETRATOR],
        [jordan, PersonRole.PERPETRATOR],
      ],
    );
    incident(
      cuckooing,
      '2026-09-19T10:00:00Z',
      IncidentCategory.ENVIRONMENTAL,
      'Used needles found in the communal garden behind 12 Heol y Bryn.',
      flat,
      [['council', '2026-09-19T11:20:00Z', 'CCC-ENV-55120']],
    );

    const visit = tx.create(JointVisit, {
      case: cuckooing,
      visitedAt: at('2026-06-05T10:00:00Z'),
      location: flat,
      purpose: 'Welfare visit: understand who is visiting the flat and what Seren wants to happen.',
      outcome:
        'Seren said she is afraid of the visitors and of reprisals if she reports them. Safety plan agreed; she accepted referrals to mental health and drug and alcohol services for herself and Gareth.',
      recordedBy: users['pc.morgan'],
    });
    tx.create(JointVisitAttendee, {
      visit,
      partner: partner.police,
      officerName: 'PC Rhian Morgan',
    });
    tx.create(JointVisitAttendee, {
      visit,
      partner: partner.housing,
      officerName: 'Catrin Williams',
    });
    tx.create(JointVisitPerson, { visit, person: seren });
    tx.create(JointVisitPerson, { visit, person: gareth });

    const offer = (
      offeredBy: DemoPartnerKey,
      p: Person,
      kind: SupportKind,
      details: string,
      offeredAt: string,
      response: SupportResponse,
    ) =>
      tx.create(SupportOffer, {
        case: cuckooing,
        offeredBy: partner[offeredBy],
        person: p,
        kind,
        details,
        offeredAt: at(offeredAt),
        response,
      });
    offer(
      'mentalHealth',
      seren,
      SupportKind.MENTAL_HEALTH_REFERRAL,
      'Care coordination and support to keep her tenancy safe.',
      '2026-06-08T14:00:00Z',
      SupportResponse.ACCEPTED,
    );
    offer(
      'drugAlcohol',
      gareth,
      SupportKind.DRUG_ALCOHOL_REFERRAL,
      'Assessment and treatment offer from a key worker.',
      '2026-06-09T11:00:00Z',
      SupportResponse.ACCEPTED,
    );
    offer(
      'council',
      seren,
      SupportKind.VICTIM_SUPPORT,
      'Referral to the victim support service.',
      '2026-06-11T09:00:00Z',
      SupportResponse.NO_RESPONSE,
    );
    offer(
      'housing',
      seren,
      SupportKind.HOUSING_SUPPORT,
      'Door security upgrade and a tenancy support worker.',
      '2026-06-12T09:00:00Z',
      SupportResponse.ACCEPTED,
    );

    for (const perpetrator of [kyle, jordan]) {
      intervene(cuckooing, InterventionKind.ASB_WARNING_LETTER, ['police', 'housing'], {
        subject: perpetrator,
        issuedAt: at('2026-06-15T12:00:00Z'),
        terms:
          'First-stage ASB warning: stop visiting Flat 3, 12 Heol y Bryn, and stop causing noise and intimidation to residents.',
        status: InterventionStatus.ENDED,
      });
      intervene(cuckooing, InterventionKind.COMMUNITY_PROTECTION_WARNING, ['police', 'council'], {
        subject: perpetrator,
        issuedAt: at('2026-09-05T15:00:00Z'),
        terms:
          'Community protection warning: you must not enter or loiter at 12 Heol y Bryn, or cause noise, intimidation or drug use there.',
        complianceDate: '2026-09-19',
        status: InterventionStatus.ACTIVE,
      });
    }

    const decision = tx.create(CaseReviewDecision, {
      case: cuckooing,
      victim: seren,
      windowStart: at('2025-12-20T10:00:00Z'),
      windowEnd: at('2026-06-20T10:00:00Z'),
      threshold: 3,
      thresholdMet: true,
      outcome: CaseReviewOutcome.REVIEW_THRESHOLD_MET,
      reasons:
        'Three qualifying complaints in six months (14 May, 2 June, 9 June), each reported within a month. Case review to be held.',
      decidedBy: users['asb.jones'],
      decidedAt: at('2026-06-20T10:00:00Z'),
    });
    for (const counted of [i1, i2, i3])
      tx.create(CaseReviewIncident, { decision, incident: counted });

    // The Response stage, as actions for each partner (OSARA: what each partner will do).
    const respond = (key: DemoPartnerKey, title: string) =>
      tx.create(Action, {
        case: cuckooing,
        assignedPartner: partner[key],
        title,
        dueDate: '2026-12-15',
        source: ActionSource.OSARA_RESPONSE,
        createdBy: users['pc.morgan'],
        createdAt: at('2026-09-08T10:00:00Z'),
      });
    respond('police', 'Evening patrols of Heol y Bryn, Friday and Saturday, 22:00 to 03:00');
    respond('housing', 'Fit a door entry system and arrange a tenancy support worker');
    respond('mentalHealth', 'Care coordination review with Seren');
    respond(
      'drugAlcohol',
      'Keep Gareth engaged in treatment; report missed appointments to the group',
    );
    respond('council', 'Clear needles from the communal garden and review lighting');

    // The problem-solving group, chaired by the council's ASB coordinator, meets about the case.
    const meeting = tx.create(Meeting, {
      id: DEMO_IDS.meeting,
      heldAt: at('2027-01-14T10:00:00Z'),
      chair: users['asb.jones'],
      scheduledBy: users['asb.jones'],
      scheduledAt: at('2026-09-10T09:00:00Z'),
    });
    for (const key of ['council', 'police', 'housing', 'mentalHealth', 'drugAlcohol'] as const)
      tx.create(MeetingPartner, { meeting, partner: partner[key] });
    tx.create(MeetingAgendaItem, {
      meeting,
      case: cuckooing,
      position: 1,
      addedBy: users['asb.jones'],
      addedAt: at('2026-09-10T09:00:00Z'),
    });

    // Each partner's own records about the people in the case.
    tx.create(PoliceRecord, {
      ownerPartner: partner.police,
      person: kyle,
      nominalReference: 'DPP/N/448812',
      warningsSummary: 'ASB warning letter 15 Jun 2026; community protection warning 5 Sep 2026.',
      intelligence:
        'POLICE-INTEL: believed to supply class A drugs from the address for an out-of-area line.',
    });
    tx.create(PoliceRecord, {
      ownerPartner: partner.police,
      person: seren,
      nominalReference: 'DPP/N/512044',
      warningsSummary: 'No warnings. Repeat victim: five calls since May 2026.',
      intelligence: 'POLICE-INTEL: address flagged as a suspected cuckooed premises.',
    });
    tx.create(HousingRecord, {
      ownerPartner: partner.housing,
      person: seren,
      property: flat,
      tenancyReference: 'TVHA-T-20931',
      tenancyType: 'Assured',
      tenancyStartDate: '2019-09-01',
      tenancyBreaches:
        'Noise complaints from neighbours May to September 2026. No notice served: the tenant is treated as the victim.',
      officerNotes: 'HOUSING-NOTE: frightened to report; see her alone, mornings only.',
    });
    tx.create(MentalHealthRecord, {
      ownerPartner: partner.mentalHealth,
      person: seren,
      knownToServices: true,
      careContact: 'Care coordinator Bethan Thomas, Llanelli community mental health team',
      riskSummary: 'Highly vulnerable to exploitation; low risk of harm to others.',
      clinicalNotes: 'CLINICAL-NOTE: anxiety disorder; medication reviewed 8 June 2026.',
    });
    tx.create(DrugAlcoholRecord, {
      ownerPartner: partner.drugAlcohol,
      person: gareth,
      engagedInTreatment: true,
      keyWorkerContact: 'Key worker Dylan Lewis, Llwybr',
      treatmentDetail: 'TREATMENT-DETAIL: opiate substitution therapy since June 2026.',
    });
    // Seren consented to her care contact being shared with the partners on her case (those on
    // it that day, named); the drug service released Gareth's engagement to the police on
    // safeguarding grounds, for this case.
    tx.create(SharingBasis, {
      person: seren,
      ownerPartner: partner.mentalHealth,
      case: cuckooing,
      recipientPartnerIds: [
        partner.police,
        partner.housing,
        partner.council,
        partner.drugAlcohol,
      ].map((recipient) => recipient.id),
      kind: SharingBasisKind.CONSENT,
      reason:
        'Seren consented on 8 June 2026 to her care coordinator\u2019s contact details being shared with the partners on her case.',
      decidedBy: users['mh.thomas'],
      recordedAt: at('2026-06-08T15:00:00Z'),
    });
    tx.create(SharingBasis, {
      person: gareth,
      ownerPartner: partner.drugAlcohol,
      case: cuckooing,
      recipientPartnerIds: [partner.police.id],
      kind: SharingBasisKind.SAFEGUARDING,
      reason:
        'DPA 2018 sch.1 para 18: Gareth is at risk from the people exploiting the flat; police need to know he is engaged with treatment.',
      // Without consent this is an override (recordSharingOverride): a supervisor of the owner
      // partner records it, naming who decided and the lawful basis; the database refuses any
      // other shape (check sharing_basis_override_documented).
      override: true,
      decisionMaker:
        'Mair Rees, team leader and safeguarding lead, Llwybr Drug and Alcohol Service',
      lawfulBasis:
        'UK GDPR art. 6(1)(e) and art. 9(2)(g); DPA 2018 sch.1 para 18 (safeguarding of individuals at risk): Gareth is at risk of exploitation and cannot be asked without alerting those exploiting him.',
      decidedBy: users['dac.rees'],
      recordedAt: at('2026-06-10T10:00:00Z'),
    });

    // --- A noise dispute between neighbours, settled by mediation ---
    const alun = person(DEMO_IDS.alun, 'Alun', 'Harries', '1972-01-18');
    const tomos = person(DEMO_IDS.tomos, 'Tomos', 'Beynon', '1994-08-07');
    const maes = place(undefined, {
      kind: LocationKind.ADDRESS,
      description: '7 Maes y Dderwen, Carmarthen SA31 1QP',
      uprn: '10023400001',
      latitude: 51.857,
      longitude: -4.31,
      lsoaCode: 'W01000520',
    });
    const noise = openCase(
      {
        id: DEMO_IDS.noiseCase,
        reference: 'ASB-2026-0002',
        title: 'Noise dispute between neighbours, Maes y Dderwen',
        summary: 'Late-night music and counter-complaints between two Coastline Homes tenants.',
        centredOn: CaseCentre.VICTIM,
        riskLevel: RiskLevel.STANDARD,
        openedAt: at('2026-07-01T09:00:00Z'),
        location: maes,
      },
      'council',
      'asb.jones',
      ['coastline'],
    );
    Object.assign(noise.osara, {
      stage: OsaraStage.ASSESSMENT,
      objective: 'Both households able to live alongside each other without complaints.',
      objectiveTargetDate: '2026-10-31',
      scanning: 'Council noise diary, Coastline Homes tenancy records.',
      analysis: 'Music after 23:00 on weekdays; each side has complained about the other.',
      response: 'Mediation with both parties\u2019 consent.',
      assessment: 'Mediation worked: no complaints since 20 August. Share as good practice.',
    });
    addPeople(noise, [
      [alun, PersonRole.VICTIM, []],
      [tomos, PersonRole.PERPETRATOR, []],
    ]);
    incident(
      noise,
      '2026-06-27T23:30:00Z',
      IncidentCategory.NUISANCE,
      'Loud music after 23:00 from number 9.',
      maes,
      [['council', '2026-06-28T09:10:00Z', 'CCC-NOISE-3301']],
      [
        [alun, PersonRole.VICTIM],
        [tomos, PersonRole.PERPETRATOR],
      ],
    );
    incident(
      noise,
      '2026-07-04T23:50:00Z',
      IncidentCategory.NUISANCE,
      'Music and banging on the party wall.',
      maes,
      [['coastline', '2026-07-05T10:00:00Z', 'CH-2026-118']],
      [
        [alun, PersonRole.VICTIM],
        [tomos, PersonRole.PERPETRATOR],
      ],
    );
    tx.create(SupportOffer, {
      case: noise,
      offeredBy: partner.council,
      person: alun,
      kind: SupportKind.MEDIATION,
      details: 'Community mediation service.',
      offeredAt: at('2026-07-08T10:00:00Z'),
      response: SupportResponse.ACCEPTED,
    });
    tx.create(SupportOffer, {
      case: noise,
      offeredBy: partner.council,
      person: tomos,
      kind: SupportKind.MEDIATION,
      details: 'Community mediation service.',
      offeredAt: at('2026-07-08T10:30:00Z'),
      response: SupportResponse.ACCEPTED,
    });
    intervene(noise, InterventionKind.MEDIATION, ['council'], {
      subject: tomos,
      issuedAt: at('2026-07-20T14:00:00Z'),
      terms:
        'Mediated agreement: no amplified music after 22:30; contact each other before complaining.',
      status: InterventionStatus.COMPLIED,
    });

    // --- A place: youth ASB and small fires in a park ---
    const park = place(undefined, {
      kind: LocationKind.PUBLIC_PLACE,
      description: 'Parc y Dre, Carmarthen',
      latitude: 51.8585,
      longitude: -4.3059,
      lsoaCode: 'W01000511',
    });
    const parkCase = openCase(
      {
        id: DEMO_IDS.parkCase,
        reference: 'ASB-2026-0003',
        title: 'Youth ASB and small fires, Parc y Dre',
        summary: 'Groups gathering after dark, litter and small fires near the play area.',
        centredOn: CaseCentre.LOCATION,
        riskLevel: RiskLevel.MEDIUM,
        openedAt: at('2026-08-10T09:00:00Z'),
        location: park,
      },
      'police',
      'sgt.davies',
      ['council', 'fire'],
    );
    Object.assign(parkCase.osara, {
      stage: OsaraStage.ANALYSIS,
      objective: 'No fires and fewer calls about the park by spring.',
      objectiveTargetDate: '2027-03-31',
      scanning: 'Police calls, fire service call-outs, council parks team reports.',
    });
    incident(
      parkCase,
      '2026-08-07T21:30:00Z',
      IncidentCategory.ENVIRONMENTAL,
      'Small fire lit in a bin beside the play area.',
      park,
      [
        ['fire', '2026-08-07T21:40:00Z', 'MWWFRS-88120'],
        ['police', '2026-08-07T21:50:00Z', 'DPP-20260807-0201'],
      ],
    );
    incident(
      parkCase,
      '2026-08-15T22:10:00Z',
      IncidentCategory.NUISANCE,
      'Group of around ten youths shouting and throwing bottles.',
      park,
      [['police', '2026-08-15T22:15:00Z', 'DPP-20260815-0233']],
    );
    incident(
      parkCase,
      '2026-08-22T20:45:00Z',
      IncidentCategory.ENVIRONMENTAL,
      'Litter and broken glass across the play area.',
      park,
      [['council', '2026-08-23T08:00:00Z', 'CCC-PARKS-1207']],
    );

    // --- A closed case: abandoned vehicles ---
    const street = place(undefined, {
      kind: LocationKind.PUBLIC_PLACE,
      description: 'Stryd y Castell car park, Kidwelly',
      latitude: 51.737,
      longitude: -4.305,
      lsoaCode: 'W01000590',
    });
    const vehicles = openCase(
      {
        id: DEMO_IDS.vehiclesCase,
        reference: 'ASB-2025-0007',
        title: 'Abandoned vehicles, Stryd y Castell',
        summary: 'Vehicles dumped and stripped in a council car park.',
        centredOn: CaseCentre.LOCATION,
        riskLevel: RiskLevel.STANDARD,
        openedAt: at('2025-10-02T09:00:00Z'),
        status: CaseStatus.CLOSED,
        closedAt: at('2026-01-15T16:00:00Z'),
        location: street,
      },
      'council',
      'asb.jones',
      ['police'],
    );
    Object.assign(vehicles.osara, {
      stage: OsaraStage.ASSESSMENT,
      objective: 'Clear the car park and stop further dumping.',
      assessment: 'Vehicles removed; barrier installed; no further reports in 10 weeks.',
    });
    incident(
      vehicles,
      '2025-09-28T12:00:00Z',
      IncidentCategory.ENVIRONMENTAL,
      'Two vehicles abandoned and stripped.',
      street,
      [['council', '2025-09-29T09:00:00Z', 'CCC-ENV-50111']],
    );

    // --- The same man known to another partner: one person across partners (issue 13) ---
    // Coastline Homes, on no case with the police, records two people on a case of its own. The
    // hub's own matching decides what follows, as it would for addPersonToCase: Kyle is linked
    // at once by his NHS number; "Jordan Hale" without a date of birth goes to the supervisors'
    // review list against the Jordan of the cuckooing case. No incident: nothing is flagged yet.
    await tx.flush();
    const coastlineOfficer = demoUser('coastline.james')!;
    const coastlineViewer: Viewer = {
      userId: coastlineOfficer.id,
      username: coastlineOfficer.username,
      displayName: coastlineOfficer.displayName,
      partnerId: partner.coastline.id,
      partnerKind: partner.coastline.kind,
      role: coastlineOfficer.role,
    };
    // Coastline lets partners matching its tenants be told whom to ask (never the case's content).
    partner.coastline.revealsPersonMatches = true;
    const recordAtCoastline = async (
      id: string,
      givenName: string,
      familyName: string,
      dateOfBirth: string | null,
      given: { nhsNumber?: string; partnerReference?: string },
    ) => {
      const ids = strongIdentifiers(given, 'demo');
      const recorded = person(id, givenName, familyName, dateOfBirth, ids.nhsNumber);
      await matchNewPerson(tx, coastlineViewer, recorded, ids);
      return recorded;
    };
    const kyleAtCoastline = await recordAtCoastline(
      DEMO_IDS.kyleAtCoastline,
      'Kyle',
      'Rees',
      '1998-11-20',
      { nhsNumber: '943 476 5919', partnerReference: 'CH-RES-04412' },
    );
    const jordanAtCoastline = await recordAtCoastline(
      DEMO_IDS.jordanAtCoastline,
      'Jordan',
      'Hale',
      null,
      {},
    );
    const harbour = place(undefined, {
      kind: LocationKind.ADDRESS,
      description: 'Flat 6, 2 Stryd yr Harbwr, Burry Port SA16 0BB',
      uprn: '10023477002',
      latitude: 51.6822,
      longitude: -4.2486,
      lsoaCode: 'W01000545',
    });
    const coastlineCase = openCase(
      {
        id: DEMO_IDS.coastlineCase,
        reference: 'ASB-2026-0004',
        title: 'Visitors at a Coastline Homes flat, Stryd yr Harbwr',
        summary:
          'A Coastline Homes tenant reports two young men calling late at night and asking for her neighbour; the neighbour denies knowing them.',
        centredOn: CaseCentre.PERPETRATOR,
        riskLevel: RiskLevel.STANDARD,
        openedAt: at('2026-10-05T09:00:00Z'),
        location: harbour,
      },
      'coastline',
      'coastline.james',
      [],
    );
    Object.assign(coastlineCase.osara, {
      objective: 'Find out who the visitors are and stop the late-night calls.',
    });
    addPeople(coastlineCase, [
      [kyleAtCoastline, PersonRole.PERPETRATOR, []],
      [jordanAtCoastline, PersonRole.PERPETRATOR, []],
    ]);

    await tx.flush();
  });
}

/** Demo data is loaded once: into a database with no partners at all. */
export async function loadDemoDataIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Partner, {})) > 0) return false;
  await loadDemoData(em);
  return true;
}
