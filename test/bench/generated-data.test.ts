import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { DEMO_USERS } from '../../src/demo/demo-directory';
import {
  BENCH_IDS,
  datasetDigest,
  generateDataset,
  LARGE_CASE,
  LARGE_CASE_VIEWERS,
  volumesAt,
} from '../../bench/generate/dataset';
import { loadDataset } from '../../bench/generate/load';
import { CaseViewDocument } from '../generated/graphql';
import { startTestHub, type TestHub } from '../support/hub';

const TINY = volumesAt(0.001);

const tokenOf = (username: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.username === username)!;
  return signDemoToken({ ...user, partnerId: partnerIdOf(user) });
};

describe('the load benchmark\u2019s synthetic force area', () => {
  it('is the same, row for row, whenever it is built from the same seed, and different from another seed', () => {
    const first = datasetDigest(generateDataset(7, TINY));
    expect(datasetDigest(generateDataset(7, TINY))).toEqual(first);
    expect(datasetDigest(generateDataset(8, TINY)).incident.sha256).not.toBe(first.incident.sha256);
    expect(first.person.rows).toBe(TINY.people);
    expect(first.incident.rows).toBe(TINY.incidents);
    expect(first.asb_case.rows).toBe(TINY.cases + 2);
  });

  describe('loaded into a database with the demo partners', () => {
    let hub: TestHub;

    beforeAll(async () => {
      hub = await startTestHub({}, { private: true });
      // Foreign keys checked row by row here; the full-size run trusts the generator for speed.
      await loadDataset(hub.config.databaseUrl!, generateDataset(7, TINY), {
        checkForeignKeys: true,
        silent: true,
      });
    });
    afterAll(() => hub.close());

    it('gives the police lead the large case in full: 40 incidents, 8 people with a record from each of 4 partners, 12 interventions, 6 visits, 10 support offers', async () => {
      const answer = await hub.request(
        CaseViewDocument,
        { id: BENCH_IDS.largeCase },
        await tokenOf('pc.morgan'),
      );
      const view = answer.data!.case!;
      expect(view.incidents).toHaveLength(LARGE_CASE.incidents);
      expect(view.people).toHaveLength(LARGE_CASE.people);
      for (const entry of view.people!) {
        const person = entry.person!;
        const records = [
          person.policeRecords,
          person.housingRecords,
          person.mentalHealthRecords,
          person.drugAlcoholRecords,
        ];
        expect(records.map((list) => list?.length)).toEqual([1, 1, 1, 1]);
        expect(person.cases.length).toBeGreaterThanOrEqual(1);
      }
      expect(view.interventions).toHaveLength(LARGE_CASE.interventions);
      expect(view.jointVisits).toHaveLength(LARGE_CASE.jointVisits);
      expect(view.supportOffers).toHaveLength(LARGE_CASE.supportOffers);
    });

    it('shows the large case to the housing officer and the police analyst too, with no partner\u2019s restricted notes leaving it', async () => {
      for (const username of LARGE_CASE_VIEWERS.slice(1)) {
        const answer = await hub.request(
          CaseViewDocument,
          { id: BENCH_IDS.largeCase },
          await tokenOf(username),
        );
        expect(answer.data?.case?.incidents).toHaveLength(LARGE_CASE.incidents);
        const text = JSON.stringify(answer);
        expect(text).not.toContain('CLINICAL-NOTE');
        expect(text).not.toContain('TREATMENT-DETAIL');
        expect(text).not.toContain('POLICE-INTEL');
      }
    });
  });
});
