import { randomUUID } from 'node:crypto';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { PERSONAL_DATA_FIELDS } from '../../src/audit/personal-data';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { NO_IDENTITY_ROLES } from '../../src/permissions/grant';
import { policy } from '../../src/permissions/policy';
import { buildBareSchema } from '../../src/schema';
import { auditRowsOf, demoToken, demoUserId, postWith } from '../audit/audit-support';
import { getDocument } from '../documents/document-support';
import { gql } from '../support/gql';
import { startTestHub, type TestHub } from '../support/hub';

const schema = buildBareSchema();

/** Types that are not case data: configuration, audit, imports, aggregates, pagination, users. */
const NOT_CASE_DATA = new Set([
  'Query',
  'Mutation',
  'Subscription',
  'Me',
  'Partner',
  'PartnerIdentity',
  'UserAccount',
  'PageInfo',
  'CaseEdge',
  'NotificationEdge',
  'AuditEntry',
  'AuditEntryEdge',
  'AreaConfiguration',
  'BankHoliday',
  'ConfigurationChange',
  'LetterTemplate',
  'LetterTemplateChange',
  'ImportRun',
  'AggregateKey',
  'DeletedCase',
  'RetentionReviewCase',
  'IncidentCount',
  'InterventionCount',
]);

const REFERENCE = 'a reference or code, not prose';
const BUILT_BY_HUB = 'written by the hub from references, codes and dates, never from free text';
const IDENTITY = 'identity data, withheld from analysts as such (not free text)';
const STAFF = 'a member of staff, not a person in the case';
const CUT_BY_POLICY =
  'assembled by the hub; any free text in it was cut by the source field\u2019s own policy entry';

/** String fields on case data that are not free text, and why. Every other one must be marked. */
const NOT_FREE_TEXT: Record<string, string> = {
  'Case.reference': REFERENCE,
  'Case.title':
    'the name a case is listed by (lists, agendas, notifications); written to name a problem, not a person',
  'Osara.missingBeforeNextStage': 'names of OSARA requirements',
  'Officer.displayName': STAFF,
  'OnboardingChangeEdge.cursor': 'a position in the list of directory changes',
  'OnboardingChange.fields':
    'names of the staff-directory fields a change wrote, never their values',
  'OnboardingChange.purpose':
    'an administrator\u2019s stated purpose for a staff-directory change, read only by administrators; no case data',
  'OnboardingChange.operation': 'the name of the operation that made the change',
  'Location.description': `an address: ${IDENTITY}`,
  'Location.uprn': REFERENCE,
  'Location.lsoaCode': REFERENCE,
  'Person.givenName': IDENTITY,
  'Person.familyName': IDENTITY,
  'Person.nhsNumber': `a strong identifier: ${IDENTITY}`,
  'Person.pncId': `a strong identifier: ${IDENTITY}`,
  'Person.yourReference': REFERENCE,
  'PersonMatch.evidence': 'which kind of evidence decided a match (a fixed word)',
  'PersonMatch.knownToAnotherPartner': 'a fixed sentence naming a case reference',
  'Intervention.signedOffBy': STAFF,
  'PossibleBreach.recordedOnCaseReference': REFERENCE,
  'PoliceRecord.nominalReference': REFERENCE,
  'PoliceRecord.pncReference': REFERENCE,
  'PoliceRecord.sourceReference': REFERENCE,
  'HousingRecord.sourceReference': REFERENCE,
  'MentalHealthRecord.sourceReference': REFERENCE,
  'DrugAlcoholRecord.sourceReference': REFERENCE,
  'PoliceRecord.warningMarkers': REFERENCE,
  'PartnerRecordRevision.changedFields': 'field names',
  'PartnerRecordImportRejection.reasons':
    'the hub\u2019s own messages about a row, to its importer',
  'HousingRecord.tenancyReference': REFERENCE,
  'HousingRecord.tenancyType': REFERENCE,
  'MentalHealthRecord.careContact': `a contact name: ${IDENTITY}`,
  'DrugAlcoholRecord.keyWorkerContact': `a contact name: ${IDENTITY}`,
  'SharingBasis.reason':
    'sharing basis: owner and recipients only (in another engineer\u2019s scope)',
  'SharingBasis.withdrawalReason':
    'sharing basis: owner and recipients only (in another engineer\u2019s scope)',
  'SharingBasis.decisionMaker': STAFF,
  'SharingBasis.lawfulBasis': REFERENCE,
  'IncidentReport.sourceReference': REFERENCE,
  'JointVisitAttendee.officerName': STAFF,
  'CaseReviewApplication.applicantName': IDENTITY,
  'CaseReviewApplication.applicantContact': IDENTITY,
  'CaseReviewApplication.appealHeardBy': 'the appeal body the area configured',
  'LeadOfficerStatement.caseReference': REFERENCE,
  'LeadOfficerStatement.caseTitle': 'as Case.title',
  'LeadOfficerStatement.leadPartner': 'an organisation',
  'LeadOfficerStatement.leadOfficer': STAFF,
  'LeadOfficerStatement.withheld': 'Type.field coordinates',
  'LeadOfficerStatement.amendments': CUT_BY_POLICY,
  'Correction.field': 'the name of a field, or `removed`',
  'StatementEntry.sourcePartners': 'organisations',
  'StatementEntry.summary': CUT_BY_POLICY,
  'StatementEntry.details': CUT_BY_POLICY,
  'LetterPreview.title': 'sample values for administrators; a case only for case readers',
  'LetterPreview.text': 'sample values for administrators; a case only for case readers',
  'MeetingPackItem.reference': REFERENCE,
  'MeetingPackItem.title': 'as Case.title',
  'MeetingPackItem.map':
    'an SVG the hub draws from coordinates, categories and dates; no address, no free text',
  'MeetingPackEntry.label': BUILT_BY_HUB,
  'MeetingPackEntry.answer': REFERENCE,
  'MeetingPackCaseReview.applicationStep': REFERENCE,
  'MeetingPackCaseReview.decisionOutcome': REFERENCE,
  'MeetingPackPerson.name': IDENTITY,
  'MeetingPackRecord.kind': REFERENCE,
  'MeetingPackField.name': REFERENCE,
  'WithheldSection.section': BUILT_BY_HUB,
  'WithheldSection.reason': BUILT_BY_HUB,
  'Notification.summary': BUILT_BY_HUB,
  'NotificationSubject.name': REFERENCE,
  'SubjectAccessRequest.extensionReason': 'the data protection officer\u2019s own note; DPO only',
};

/** Document fields audited under the record they copy (the statement notes `Osara` reads). */
const AUDITED_AS: Record<string, string> = Object.fromEntries(
  ['objective', 'scanning', 'analysis', 'response', 'assessment'].map((field) => [
    `StatementOsara.${field}`,
    `Osara.${field}`,
  ]),
);

const FREE_TEXT = Object.entries(policy).flatMap(([typeName, typePolicy]) =>
  Object.entries(typePolicy.fields)
    .filter(([, grants]) => grants.freeText)
    .map(([field]) => `${typeName}.${field}`),
);

const caseDataStrings = Object.values(schema.getTypeMap())
  .filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !type.name.startsWith('__') && !NOT_CASE_DATA.has(type.name),
  )
  .flatMap((type) =>
    Object.entries(type.getFields())
      .filter(([, field]) => getNamedType(field.type).name === 'String')
      .map(([name]) => `${type.name}.${name}`),
  );

describe('free text on case data, as the policy classifies it', () => {
  it('marks every String field on case data as free text, or says why it is not', () => {
    const unclassified = caseDataStrings.filter(
      (coordinate) => !FREE_TEXT.includes(coordinate) && !NOT_FREE_TEXT[coordinate],
    );
    expect(unclassified).toEqual([]);
    const both = FREE_TEXT.filter((coordinate) => NOT_FREE_TEXT[coordinate]);
    expect(both).toEqual([]);
    console.log(`free-text fields in the policy: ${FREE_TEXT.length}`);
  });

  it('grants free text to no role that sees no identities (analysts, BI service, administrators)', () => {
    const granted = FREE_TEXT.filter((coordinate) => {
      const [typeName, field] = coordinate.split('.');
      return policy[typeName].fields[field].some((grant) =>
        grant.roles.some((role) => NO_IDENTITY_ROLES.includes(role)),
      );
    });
    expect(granted).toEqual([]);
  });

  it('audits every read of free text', () => {
    const unaudited = FREE_TEXT.filter(
      (coordinate) => !PERSONAL_DATA_FIELDS.includes(AUDITED_AS[coordinate] ?? coordinate),
    );
    expect(unaudited).toEqual([]);
  });
});

/** The demo cuckooing case's free text, each at its path in the answer. */
const CASE_FREE_TEXT = gql<any, { id: string }>(`
  query ($id: ID!) { case(id: $id) {
    id summary
    osara { objective scanning analysis response assessment history { reason } }
    incidents { id description }
    jointVisits { id purpose outcome }
    supportOffers { id details }
    interventions { id terms skippedStepReason breaches { id details } }
    caseReviewDecisions { id reasons }
    actions { id title details cancelReason }
  } }
`);

/** Every `Type.field` the query above asks for, with how to find it in an answer. */
const PATHS: [string, (data: any) => { path: (string | number)[]; value: unknown }[]][] = [];
const at =
  (list: string | null, field: string, inner?: string) =>
  (data: any): { path: (string | number)[]; value: unknown }[] => {
    const c = data?.case;
    if (!c) return [];
    if (!list) return [{ path: ['case', field], value: c[field] }];
    // A list refused as a whole is the refusal of everything in it, at its own path.
    if (c[list] === null) return [{ path: ['case', list], value: null }];
    const rows = list === 'osara' ? [c.osara] : c[list];
    return rows.flatMap((row: any, i: number) => {
      const base = list === 'osara' ? ['case', 'osara'] : ['case', list, i];
      if (!inner) return [{ path: [...base, field], value: row?.[field] }];
      return (row?.[inner] ?? []).map((child: any, j: number) => ({
        path: [...base, inner, j, field],
        value: child?.[field],
      }));
    });
  };
PATHS.push(
  ['Case.summary', at(null, 'summary')],
  ...['objective', 'scanning', 'analysis', 'response', 'assessment'].map(
    (field) => [`Osara.${field}`, at('osara', field)] as (typeof PATHS)[number],
  ),
  ['Incident.description', at('incidents', 'description')],
  ['JointVisit.purpose', at('jointVisits', 'purpose')],
  ['JointVisit.outcome', at('jointVisits', 'outcome')],
  ['SupportOffer.details', at('supportOffers', 'details')],
  ['Intervention.terms', at('interventions', 'terms')],
  ['CaseReviewDecision.reasons', at('caseReviewDecisions', 'reasons')],
  ['Action.title', at('actions', 'title')],
  ['Action.details', at('actions', 'details')],
);

/** Free text of the demo story that no analyst's answer or document may hold. */
const DEMO_FREE_TEXT = [
  'learning difficulties',
  'Seren safe in her home',
  'The same two visitors are named each time',
  'treatment for Gareth',
  'Neighbour reports Seren looked frightened',
  'Seren said she is afraid of the visitors',
  'Care coordination and support to keep her tenancy safe',
  'stop visiting Flat 3',
  'Keep Gareth engaged in treatment',
];

describe('free text of the demo cuckooing case', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it.each(['analyst.price', 'bi.service'])(
    'is refused to %s: null, with FORBIDDEN at its path or an ancestor',
    async (username) => {
      const answer = await hub.request(
        CASE_FREE_TEXT,
        { id: DEMO_IDS.cuckooingCase },
        await demoToken(username),
      );
      const forbidden = (answer.errors ?? [])
        .filter((error) => error.extensions?.code === 'FORBIDDEN')
        .map((error) => JSON.stringify(error.path));
      let tried = 0;
      for (const [coordinate, find] of PATHS) {
        const found = find(answer.data);
        if (username === 'bi.service') {
          expect(found).toEqual([]); // the case itself is refused, so everything in it
          tried += 1;
          continue;
        }
        expect([coordinate, found.length > 0]).toEqual([coordinate, true]);
        for (const { path, value } of found) {
          tried += 1;
          expect([coordinate, value]).toEqual([coordinate, null]);
          expect(forbidden).toContain(JSON.stringify(path));
        }
      }
      if (username === 'bi.service') expect(forbidden).toContain(JSON.stringify(['case']));
      const text = JSON.stringify(answer);
      for (const value of DEMO_FREE_TEXT) expect(text).not.toContain(value);
      console.log(`${username}: ${tried} free-text fields or values refused`);
    },
  );

  it('is read by the police practitioner, and every read is in the audit', async () => {
    const purpose = `Free text audit ${randomUUID()}`;
    const answer = await postWith(
      hub,
      CASE_FREE_TEXT,
      { id: DEMO_IDS.cuckooingCase },
      { authorization: `Bearer ${await demoToken('pc.morgan')}`, 'x-purpose': purpose },
    );
    expect(answer.status).toBe(200);
    const rows = await auditRowsOf(hub, await demoUserId(hub, 'pc.morgan'), 'and purpose = ?', [
      purpose,
    ]);
    const audited = new Set(
      rows.flatMap((row) => row.fields.map((field) => `${row.subject_type}.${field}`)),
    );
    for (const [coordinate, find] of PATHS) {
      const found = find(answer.body.data);
      expect([coordinate, found.length > 0]).toEqual([coordinate, true]);
      expect([coordinate, audited.has(coordinate)]).toEqual([coordinate, true]);
    }
    expect(JSON.stringify(answer.body.data)).toContain('learning difficulties');
  });

  it('is not in the lead officer statement built for the analyst, in GraphQL or HTML', async () => {
    const token = await demoToken('analyst.price');
    const answer = await hub.request(
      gql<any, { caseId: string }>(`query ($caseId: ID!) { leadOfficerStatement(caseId: $caseId) {
        withheld osara { objective scanning analysis response assessment }
        entries { summary details } } }`),
      { caseId: DEMO_IDS.cuckooingCase },
      token,
    );
    const statement = answer.data.leadOfficerStatement;
    expect(statement.withheld).toEqual(
      expect.arrayContaining(['Osara.objective', 'Osara.analysis', 'Incident.description']),
    );
    const page = await getDocument(
      `${hub.url}/documents/cases/${DEMO_IDS.cuckooingCase}/statement.html`,
      token,
    );
    expect(page.status).toBe(200);
    for (const text of [JSON.stringify(answer), page.bytes.toString('utf8')])
      for (const value of DEMO_FREE_TEXT) expect(text).not.toContain(value);
  });

  it('is not in a meeting pack for the analyst: the pack is refused, in GraphQL and HTML', async () => {
    const token = await demoToken('analyst.price');
    const answer = await hub.request(
      gql<any, { id: string }>(`query ($id: ID!) {
        meetingPack(meetingId: $id, audience: WHOLE_MEETING) { items { summary } } }`),
      { id: DEMO_IDS.meeting },
      token,
    );
    expect(answer.data?.meetingPack ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const page = await getDocument(
      `${hub.url}/documents/meetings/${DEMO_IDS.meeting}/pack.html`,
      token,
    );
    expect(page.status).toBe(403);
    for (const value of DEMO_FREE_TEXT) expect(page.bytes.toString('utf8')).not.toContain(value);
  });
});
