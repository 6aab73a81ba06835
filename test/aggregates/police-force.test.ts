import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { Incident } from '../../src/incidents/incident.entity';
import {
  makePartner,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { importInto, scratchDir, writeFile } from '../imports/import-support';
import { countsOf, INCIDENT_COUNTS, type IncidentFilterInput } from './aggregate-support';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const BORDER = 'E01900010';
const row = (reportedBy: string, fallsWithin: string, street: string) =>
  `,2019-03,${reportedBy},${fallsWithin},-2.5,51.4,On or near ${street},${BORDER},Borderton 001A,Anti-social behaviour,,`;
const repeat = (times: number, line: string) => Array.from({ length: times }, () => line);

/*
 * An LSOA on a force boundary, as data.police.uk publishes it: 7 incidents falling within one
 * force, 6 within its neighbour, and 5 of the first force's reported by British Transport Police.
 */
describe('the force and the reporting partner in the published data', () => {
  let hub: TestHub;
  let analyst: Member;

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    // Exact counts: this is about telling the forces apart, disclosure-control.test.ts about noise.
    await em.nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 0 });
    analyst = await makePartnerMember(em, PartnerKind.POLICE, Role.ANALYST);
    const importer = await makePartner(em, PartnerKind.POLICE, 'Border Import Police');
    const file = writeFile(
      scratchDir(),
      'border.csv',
      [
        HEADER,
        ...repeat(2, row('Westshire Police', 'Westshire Police', 'High Street')),
        ...repeat(5, row('British Transport Police', 'Westshire Police', 'Station Road')),
        ...repeat(6, row('Eastshire Constabulary', 'Eastshire Constabulary', 'Mill Lane')),
      ].join('\n') + '\n',
    );
    const summary = await importInto(hub, { file, partner: importer.id });
    expect([summary.rowsImported, summary.rowsRejected]).toEqual([13, 0]);
  });
  afterAll(async () => {
    await hub.close();
  });

  const ask = async (filter: Partial<IncidentFilterInput>, groupBy: string[]) => {
    const response = await hub.request(
      INCIDENT_COUNTS,
      { filter: { from: '2019-01-01', to: '2020-01-01', ...filter }, groupBy },
      analyst.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.incidentCounts!;
  };

  it('keeps the force each incident falls within and who reported it', async () => {
    const incidents = await hub.em().find(Incident, { areaCode: BORDER });
    const pairs = incidents.map((incident) => `${incident.reportedBy} / ${incident.policeForce}`);
    expect(pairs.sort()).toEqual(
      [
        ...repeat(5, 'British Transport Police / Westshire Police'),
        ...repeat(6, 'Eastshire Constabulary / Eastshire Constabulary'),
        ...repeat(2, 'Westshire Police / Westshire Police'),
      ].sort(),
    );
  });

  it('tells the forces of one area apart, by the force it falls within and by who reported it', async () => {
    expect(countsOf(await ask({}, ['POLICE_FORCE']))).toEqual({
      'Eastshire Constabulary': 6,
      'Westshire Police': 7,
    });
    const byArea = await ask({}, ['LSOA', 'POLICE_FORCE']);
    expect(countsOf(byArea)).toEqual({
      [`${BORDER}/Eastshire Constabulary`]: 6,
      [`${BORDER}/Westshire Police`]: 7,
    });
    // Westshire reported only 2 itself: hidden, with the smallest other, British Transport Police's 5.
    expect(countsOf(await ask({}, ['REPORTED_BY']))).toEqual({
      'British Transport Police': null,
      'Eastshire Constabulary': 6,
      'Westshire Police': null,
    });
  });

  it('filters by the force and by who reported', async () => {
    const west = await ask({ policeForces: ['Westshire Police'] }, ['LSOA']);
    expect(countsOf(west)).toEqual({ [BORDER]: 7 });
    const reported = await ask(
      { reportedBy: ['British Transport Police', 'Eastshire Constabulary'] },
      ['POLICE_FORCE'],
    );
    expect(countsOf(reported)).toEqual({ 'Eastshire Constabulary': 6, 'Westshire Police': 5 });
  });
});
