import { CaseViewDocument } from '../generated/graphql';
import { DEMO_USERS } from '../../src/demo/demo-directory';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { buildBareSchema } from '../../src/schema';
import { startTestHub, type TestHub } from '../support/hub';
import { observeFields, parseTable } from '../support/observe-fields';

/**
 * What each demo user gets back when they ask for every field of the demo cuckooing case.
 * R: read. F: refused (null, with a FORBIDDEN error at its path). -: never reached (the row is
 * hidden, or its parent was refused). The first row is the answer to `case` itself.
 *
 * The story: the mental health service recorded Seren's consent to share her care contact with
 * every partner on the case (not her risk summary: that needs a safeguarding basis); the drug and
 * alcohol service released Gareth's engagement to the police only, on safeguarding grounds.
 */
const EXPECTED = `
field                               | pc.morgan | sgt.davies | legal.hughes | analyst.price | asb.jones | housing.williams | mh.thomas | dac.lewis | admin.evans | bi.service | dpo.griffiths | fire.roberts | coastline.james
case                                | R         | R          | R            | R             | R         | R                | R         | R         | FORBIDDEN   | FORBIDDEN  | FORBIDDEN     | NOT_FOUND    | NOT_FOUND
Case.reference                      | R         | R          | R            | R             | R         | R                | R         | R         | -           | -          | -             | -            | -
Case.summary                        | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Case.people                         | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Case.incidents                      | R         | R          | R            | R             | R         | R                | R         | R         | -           | -          | -             | -            | -
Case.jointVisits                    | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Case.supportOffers                  | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Person.givenName                    | R         | R          | R            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
Person.sharingBases                 | R         | R          | F            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
Incident.description                | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Location.description                | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Location.lsoaCode                   | R         | R          | R            | R             | R         | R                | R         | R         | -           | -          | -             | -            | -
PoliceRecord.warningsSummary        | R         | R          | R            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
PoliceRecord.nominalReference       | R         | R          | R            | -             | F         | F                | F         | F         | -           | -          | -             | -            | -
PoliceRecord.intelligence           | R         | R          | F            | -             | F         | F                | F         | F         | -           | -          | -             | -            | -
HousingRecord.tenancyReference      | R         | R          | R            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
HousingRecord.officerNotes          | F         | F          | F            | -             | F         | R                | F         | F         | -           | -          | -             | -            | -
MentalHealthRecord.knownToServices  | R         | R          | -            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
MentalHealthRecord.careContact      | R         | R          | -            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
MentalHealthRecord.riskSummary      | F         | F          | -            | -             | F         | F                | R         | F         | -           | -          | -             | -            | -
MentalHealthRecord.clinicalNotes    | F         | F          | -            | -             | F         | F                | R         | F         | -           | -          | -             | -            | -
DrugAlcoholRecord.engagedInTreatment| R         | R          | -            | -             | -         | -                | -         | R         | -           | -          | -             | -            | -
DrugAlcoholRecord.treatmentDetail   | F         | F          | -            | -             | -         | -                | -         | R         | -           | -          | -             | -            | -
SupportOffer.details                | R         | R          | R            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
Intervention.kind                   | R         | R          | R            | R             | R         | R                | R         | R         | -           | -          | -             | -            | -
Intervention.terms                  | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
Intervention.subject                | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
CaseReviewDecision.outcome          | R         | R          | R            | R             | R         | R                | R         | R         | -           | -          | -             | -            | -
CaseReviewDecision.victim           | R         | R          | R            | F             | R         | R                | R         | R         | -           | -          | -             | -            | -
SharingBasis.reason                 | R         | R          | -            | -             | R         | R                | R         | R         | -           | -          | -             | -            | -
`;

describe('the demo cuckooing case, as each demo user sees it', () => {
  let hub: TestHub;
  const schema = buildBareSchema();
  const expected = parseTable(EXPECTED);

  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it.each(expected.columns)(
    '%s sees exactly the fields the sharing policy allows',
    async (username) => {
      const user = DEMO_USERS.find((candidate) => candidate.username === username)!;
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const response = await hub.request(CaseViewDocument, { id: DEMO_IDS.cuckooingCase }, token);
      const column = expected.columns.indexOf(username);

      const rootError = response.errors?.find((error) => error.path?.length === 1);
      const caseAnswer = response.data?.case ? 'R' : String(rootError?.extensions?.code);
      const observed = observeFields(schema, response.data, response.errors);
      const actual = [...expected.rows.keys()].map((row) =>
        row === 'case' ? `${row}: ${caseAnswer}` : `${row}: ${observed.get(row) ?? '-'}`,
      );
      const wanted = [...expected.rows].map(([row, cells]) => `${row}: ${cells[column]}`);
      expect(actual).toEqual(wanted);

      // Nothing else failed: every error is a refusal of a field the table lists, or of the case.
      const unexpected = (response.errors ?? []).filter(
        (error) => !['FORBIDDEN', 'NOT_FOUND'].includes(String(error.extensions?.code)),
      );
      expect(unexpected).toEqual([]);
    },
  );

  it('never sends the mental health service\u2019s clinical notes, or police intelligence, to a housing officer, anywhere in the answer', async () => {
    const user = DEMO_USERS.find((candidate) => candidate.username === 'housing.williams')!;
    const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
    const response = await hub.request(CaseViewDocument, { id: DEMO_IDS.cuckooingCase }, token);
    const text = JSON.stringify(response);
    expect(text).not.toContain('CLINICAL-NOTE');
    expect(text).not.toContain('POLICE-INTEL');
    expect(text).not.toContain('TREATMENT-DETAIL');
    expect(text).toContain('Seren'); // the victim
    expect(response.data?.case?.jointVisits).toHaveLength(1);
    expect(response.data?.case?.supportOffers?.length).toBeGreaterThan(0);
    expect(response.data?.case?.incidents).toHaveLength(5);
  });

  it('gives the mental health practitioner their own clinical fields', async () => {
    const user = DEMO_USERS.find((candidate) => candidate.username === 'mh.thomas')!;
    const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
    const response = await hub.request(CaseViewDocument, { id: DEMO_IDS.cuckooingCase }, token);
    expect(JSON.stringify(response.data)).toContain('CLINICAL-NOTE');
  });
});
