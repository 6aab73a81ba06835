import { gql } from '../support/gql';
import { makeMember, makePartner, PartnerKind, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';

/*
 * The College of Policing case study, replayed through the API as partners would record it:
 * three reports in a month about the flat raise the ASB case review alert; the victim applies;
 * warning letters, then joint CPWs; a CPN is refused before the CPW's compliance date and
 * accepted after a breach; a closure notice, then a closure order application. Dates are in
 * autumn 2026, before "today" (24 November 2026) as the hub refuses future dates.
 */

type Id = { id: string };
const OPEN_CASE = gql<
  { openCase: (Id & { location: Id }) | null },
  { input: Record<string, unknown> }
>(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { id location { id } } }`);
const ADD_PERSON = gql<
  { addPersonToCase: { person: Id } | null },
  { input: Record<string, unknown> }
>(`mutation ($input: AddPersonToCaseInput!) { addPersonToCase(input: $input) { person { id } } }`);
const RECORD_INCIDENT = gql<
  { recordIncident: { incident: Id } | null },
  { input: Record<string, unknown> }
>(`mutation ($input: RecordIncidentInput!) { recordIncident(input: $input) { incident { id } } }`);
const ALERTS = gql<
  {
    caseReviewAlerts:
      | { id: string; route: string; incidentCount: number; countedIncidents: Id[] }[]
      | null;
  },
  { caseId: string }
>(
  `query ($caseId: ID!) { caseReviewAlerts(caseId: $caseId) { id route incidentCount countedIncidents { id } } }`,
);
const ACTIONS = gql<
  { case: { actions: { source: string; dueDate: string; assignedPartner: Id }[] } | null },
  { id: string }
>(`query ($id: ID!) { case(id: $id) { actions { source dueDate assignedPartner { id } } } }`);
const APPLY = gql<
  {
    recordCaseReviewApplication: {
      id: string;
      deadlines: { step: string; dueDate: string }[];
    } | null;
  },
  { input: Record<string, unknown> }
>(
  `mutation ($input: RecordCaseReviewApplicationInput!) {
     recordCaseReviewApplication(input: $input) { id deadlines { step dueDate } }
   }`,
);
const ISSUE = gql<
  {
    issueIntervention: {
      id: string;
      appealDeadline: string | null;
      endsAt: string | null;
      hearingAt: string | null;
    } | null;
  },
  { input: Record<string, unknown> }
>(
  `mutation ($input: IssueInterventionInput!) {
     issueIntervention(input: $input) { id appealDeadline endsAt hearingAt }
   }`,
);
const BREACH = gql<
  { recordInterventionBreach: { status: string } | null },
  { input: Record<string, unknown> }
>(
  `mutation ($input: RecordInterventionBreachInput!) { recordInterventionBreach(input: $input) { status } }`,
);
const INTERVENTION_FLAGS = gql<
  {
    case: {
      interventions: { id: string; possibleBreaches: { incidentOccurredAt: string }[] | null }[];
    } | null;
  },
  { id: string }
>(
  `query ($id: ID!) { case(id: $id) { interventions { id possibleBreaches { incidentOccurredAt } } } }`,
);

describe('the cuckooing case study, replayed through the API', () => {
  let hub: TestHub;
  let police: Member;
  let housing: Member;
  let council: Member;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    police = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
    housing = await makeMember(em, await makePartner(em, PartnerKind.HOUSING));
    council = await makeMember(em, await makePartner(em, PartnerKind.COUNCIL));
  });
  afterAll(() => hub.close());

  it('raises the alert at the third report, refuses a CPN before the compliance date, accepts it after a breach, refuses a 49-hour closure notice without sign-off, and lists every deadline', async () => {
    const ok = async <R>(answer: Promise<{ data?: R | null; errors?: unknown[] }>) => {
      const { data, errors } = await answer;
      expect(errors).toBeUndefined();
      return data!;
    };

    // The police open the case with the housing association and the council.
    const opened = (
      await ok(
        hub.request(
          OPEN_CASE,
          {
            input: {
              title: 'Cuckooing at a housing association flat',
              centredOn: 'VICTIM',
              riskLevel: 'HIGH',
              openedAt: '2026-10-01T09:00:00Z',
              newLocation: { kind: 'ADDRESS', description: 'Flat 3, 12 Heol y Bryn, Llanelli' },
              partnerIds: [housing.partner.id, council.partner.id],
            },
          },
          police.token,
        ),
      )
    ).openCase!;
    const caseId = opened.id;
    const flat = opened.location.id;
    const person = async (givenName: string, role: string, dateOfBirth: string) =>
      (
        await ok(
          hub.request(
            ADD_PERSON,
            {
              input: {
                caseId,
                role,
                newPerson: { givenName, familyName: 'Story', dateOfBirth },
                vulnerabilities: role === 'VICTIM' ? ['LEARNING_DISABILITY', 'EXPLOITATION'] : [],
              },
            },
            police.token,
          ),
        )
      ).addPersonToCase!.person.id;
    const victim = await person('Seren', 'VICTIM', '1989-03-14');
    const kyle = await person('Kyle', 'PERPETRATOR', '1998-11-20');
    const jordan = await person('Jordan', 'PERPETRATOR', '2001-02-09');

    // Three reports in a month about the flat, to the police and the housing association.
    const report = async (who: Member, occurredAt: string, people: [string, string][]) =>
      (
        await ok(
          hub.request(
            RECORD_INCIDENT,
            {
              input: {
                caseId,
                occurredAt,
                reportedAt: new Date(new Date(occurredAt).getTime() + 3600_000).toISOString(),
                category: 'NUISANCE',
                description: 'Visitors at the flat through the night; noise and intimidation.',
                locationId: flat,
                people: people.map(([personId, role]) => ({ personId, role })),
              },
            },
            who.token,
          ),
        )
      ).recordIncident!.incident.id;
    await report(police, '2026-10-05T23:00:00Z', [
      [victim, 'VICTIM'],
      [kyle, 'PERPETRATOR'],
    ]);
    expect((await ok(hub.request(ALERTS, { caseId }, police.token))).caseReviewAlerts).toEqual([]);
    await report(housing, '2026-10-12T22:30:00Z', [
      [victim, 'VICTIM'],
      [jordan, 'PERPETRATOR'],
    ]);
    expect((await ok(hub.request(ALERTS, { caseId }, police.token))).caseReviewAlerts).toEqual([]);
    // The victim's second report: the housing association must tell her about the case review.
    const notices = (
      await ok(hub.request(ACTIONS, { id: caseId }, housing.token))
    ).case!.actions.filter((action) => action.source === 'CASE_REVIEW_VICTIM_NOTICE');
    expect(notices).toEqual([
      expect.objectContaining({ assignedPartner: { id: housing.partner.id } }),
    ]);
    await report(police, '2026-10-26T23:30:00Z', [
      [victim, 'VICTIM'],
      [kyle, 'PERPETRATOR'],
    ]);
    const [alert] = (await ok(hub.request(ALERTS, { caseId }, council.token))).caseReviewAlerts!;
    expect(alert).toMatchObject({ route: 'VICTIM_THRESHOLD', incidentCount: 3 });

    // The victim applies for a case review; the council acknowledges within its timescales.
    const application = (
      await ok(
        hub.request(
          APPLY,
          {
            input: {
              caseId,
              victimId: victim,
              madeByVictim: true,
              channel: 'PHONE',
              appliedAt: '2026-10-28T10:00:00Z',
              alertId: alert.id,
            },
          },
          council.token,
        ),
      )
    ).recordCaseReviewApplication!;
    // Working days from Wednesday 28 October 2026: acknowledge in 10, decide in 15, meet in 20.
    expect(application.deadlines).toEqual(
      expect.arrayContaining([
        { step: 'ACKNOWLEDGEMENT', dueDate: '2026-11-11' },
        { step: 'DECISION', dueDate: '2026-11-18' },
        { step: 'REVIEW_MEETING', dueDate: '2026-11-25' },
      ]),
    );

    // First-stage warning letters, then joint CPWs from the police and the council.
    const issue = (input: Record<string, unknown>, who: Member = police) =>
      hub.request(ISSUE, { input: { caseId, ...input } }, who.token);
    for (const subject of [kyle, jordan]) {
      await ok(
        issue({
          kind: 'ASB_WARNING_LETTER',
          subjectPersonId: subject,
          issuedAt: '2026-10-13T12:00:00Z',
          terms: 'Stop visiting the flat.',
          issuingPartnerIds: [police.partner.id, housing.partner.id],
        }),
      );
    }
    const cpw = (
      await ok(
        issue({
          kind: 'COMMUNITY_PROTECTION_WARNING',
          subjectPersonId: kyle,
          issuedAt: '2026-10-30T15:00:00Z',
          complianceDate: '2026-11-06',
          terms: 'Do not enter or loiter at 12 Heol y Bryn.',
          issuingPartnerIds: [police.partner.id, council.partner.id],
        }),
      )
    ).issueIntervention!;
    await ok(
      issue({
        kind: 'COMMUNITY_PROTECTION_WARNING',
        subjectPersonId: jordan,
        issuedAt: '2026-10-30T15:00:00Z',
        complianceDate: '2026-11-06',
        terms: 'Do not enter or loiter at 12 Heol y Bryn.',
        issuingPartnerIds: [police.partner.id, council.partner.id],
      }),
    );

    // A CPN before the CPW's compliance date has passed is refused (2014 Act s.43).
    const cpn = (issuedAt: string) =>
      issue({
        kind: 'COMMUNITY_PROTECTION_NOTICE',
        subjectPersonId: kyle,
        issuedAt,
        terms: 'Stop the conduct at 12 Heol y Bryn.',
        issuingPartnerIds: [police.partner.id, council.partner.id],
      });
    expect(codes(await cpn('2026-11-05T12:00:00Z'))).toEqual(['COMPLIANCE_DATE_NOT_PASSED']);
    // After the date but with no breach recorded, still refused.
    expect(codes(await cpn('2026-11-09T12:00:00Z'))).toEqual(['BREACH_REQUIRED']);

    // Kyle returns: the incident is flagged as a possible breach of his CPW, and recorded as one.
    const returned = await report(police, '2026-11-10T01:00:00Z', [
      [victim, 'VICTIM'],
      [kyle, 'PERPETRATOR'],
    ]);
    const flags = (
      await ok(hub.request(INTERVENTION_FLAGS, { id: caseId }, council.token))
    ).case!.interventions.find((i) => i.id === cpw.id)!;
    expect(flags.possibleBreaches).toEqual([{ incidentOccurredAt: '2026-11-10T01:00:00.000Z' }]);
    expect(
      (
        await ok(
          hub.request(
            BREACH,
            {
              input: {
                interventionId: cpw.id,
                occurredAt: '2026-11-10T01:00:00Z',
                incidentId: returned,
                details: 'Seen entering the flat at 01:00.',
              },
            },
            police.token,
          ),
        )
      ).recordInterventionBreach,
    ).toEqual({ status: 'BREACHED' });
    const notice = (await ok(cpn('2026-11-12T12:00:00Z'))).issueIntervention!;
    // s.46: 21 days to appeal to the magistrates, the day of issue counted as the first.
    expect(notice.appealDeadline).toBe('2026-12-02');

    // Closure: a 49-hour notice without sign-off is refused; 24 hours is within the police's own power.
    const closure = (hours: number) =>
      issue({
        kind: 'CLOSURE_NOTICE',
        premisesLocationId: flat,
        issuedAt: '2026-11-14T10:00:00Z',
        servedAt: '2026-11-14T10:00:00Z',
        endsAt: new Date(Date.parse('2026-11-14T10:00:00Z') + hours * 3600_000).toISOString(),
        terms: 'No one but the tenant and her partner may enter the premises.',
        issuingPartnerIds: [police.partner.id],
      });
    expect(codes(await closure(49))).toEqual(['CLOSURE_NOTICE_TOO_LONG']);
    expect(codes(await closure(36))).toEqual(['SIGN_OFF_REQUIRED']);
    const closureNotice = (await ok(closure(24))).issueIntervention!;
    expect(closureNotice.endsAt).toBe('2026-11-15T10:00:00.000Z');

    // The closure order application, heard within 48 hours of service (s.80), for 3 months.
    const order = (
      await ok(
        issue({
          kind: 'CLOSURE_ORDER',
          premisesLocationId: flat,
          closureNoticeId: closureNotice.id,
          issuedAt: '2026-11-15T09:00:00Z',
          hearingAt: '2026-11-15T09:00:00Z',
          endsAt: '2027-02-15T09:00:00Z',
          terms: 'Closure of the premises to all but the tenant, her partner and support workers.',
          issuingPartnerIds: [police.partner.id],
        }),
      )
    ).issueIntervention!;
    expect(order.hearingAt).toBe('2026-11-15T09:00:00.000Z');
  });
});
