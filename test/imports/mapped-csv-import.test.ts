import { clock } from '../../src/common/clock';
import fs from 'node:fs';
import { makePartner, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  countsFor,
  NOTHING,
  EXAMPLE_EXPORT,
  EXAMPLE_MAPPING,
  importInto,
  readReport,
  refusal,
  scratchDir,
  writeFile,
} from './import-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const housing = () => makePartner(hub.em(), PartnerKind.HOUSING);
const mapping = () => fs.readFileSync(EXAMPLE_MAPPING, 'utf8');
const exportLines = () => fs.readFileSync(EXAMPLE_EXPORT, 'utf8').trimEnd().split('\n');

describe('importing a partner system\u2019s CSV through a mapping file', () => {
  it('imports the example housing export through the example mapping: local times read as UK time, codes mapped to categories, references kept', async () => {
    const partner = await housing();
    const summary = await importInto(hub, {
      file: EXAMPLE_EXPORT,
      partner: partner.id,
      mapping: mapping(),
    });
    expect(summary).toMatchObject({
      status: 'COMPLETED',
      format: 'MAPPED_CSV',
      rowsImported: 6,
      rowsRejected: 0,
    });
    const rows = await hub.em().execute(
      `select r.source_reference as ref, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as occurred,
              to_char(r.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as reported,
              i.category, i.occurred_precision as precision, i.hate_incident as hate, i.description,
              l.kind, l.description as place, l.latitude, i.area_code
         from incident i join incident_report r on r.incident_id = i.id
         left join location l on l.id = i.location_id
        where r.partner_id = ? order by r.source_reference`,
      [partner.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        ref: 'TVH-1001',
        // 1 March: Greenwich Mean Time, so the UK time is UTC.
        occurred: '2025-03-01T23:40',
        reported: '2025-03-02T09:15',
        category: 'NUISANCE',
        precision: 'EXACT',
        hate: false,
        kind: 'ADDRESS',
        place: 'Flat 3 Heol y Plas Carmarthen',
        latitude: 51.8576,
        area_code: 'W01000571',
      }),
      expect.objectContaining({ ref: 'TVH-1002', category: 'ENVIRONMENTAL' }),
      expect.objectContaining({
        ref: 'TVH-1003',
        category: 'PERSONAL',
        hate: true,
        description:
          'Resident of flat 5 shouted threats at a neighbour on the stairs,\nand again in the car park',
      }),
      // No coordinates: the address alone.
      expect.objectContaining({
        ref: 'TVH-1004',
        place: 'Communal garden Heol y Plas Carmarthen',
        latitude: null,
        area_code: null,
      }),
      expect.objectContaining({ ref: 'TVH-1005' }),
      // 14 April: British Summer Time, an hour ahead of UTC.
      expect.objectContaining({
        ref: 'TVH-1006',
        occurred: '2025-04-14T18:10',
        reported: '2025-04-15T08:00',
      }),
    ]);
  });

  it('treats a reference as one incident: the export again, or a row changed since, adds nothing; the same reference twice in a file is rejected', async () => {
    const partner = await housing();
    await importInto(hub, { file: EXAMPLE_EXPORT, partner: partner.id, mapping: mapping() });
    const lines = exportLines();
    const changed = lines[1].replace('until 2am', 'until 3am');
    const dir = scratchDir();
    const file = writeFile(
      dir,
      'export-2.csv',
      [
        lines[0],
        changed,
        'TVH-2001,20/04/2025 10:00,19/04/2025 22:00,NOISE,Drums,Flat 9,,,,N',
        changed,
      ].join('\n') + '\n',
    );
    const summary = await importInto(hub, { file, partner: partner.id, mapping: mapping() });
    expect(summary).toMatchObject({ rowsImported: 1, rowsAlreadyPresent: 1, rowsRejected: 1 });
    expect(readReport(`${file}.rejected.csv`)[1].slice(0, 3)).toEqual([
      '4',
      'Case No "TVH-1001" was already on line 2: one reference is one incident',
      'TVH-1001',
    ]);
    expect((await countsFor(hub, partner.id)).incidents).toBe(7);
  });

  it('rejects rows it cannot read, naming the partner\u2019s own column: a date not in the mapping\u2019s format, an impossible or future date, an unknown code, a report before the incident', async () => {
    const [header] = exportLines();
    const row = (ref: string, reported: string, occurred: string, type: string) =>
      `${ref},${reported},${occurred},${type},Details,Flat 1,,,,N`;
    const nextYear = clock.now().getUTCFullYear() + 1;
    const cases: [string, string][] = [
      [
        row('R-1', '02/03/2025 09:15', '2025-03-01 23:40', 'NOISE'),
        'Date of Incident "2025-03-01 23:40" is not a date in the form DD/MM/YYYY HH:mm',
      ],
      [
        row('R-2', '02/03/2025 09:15', '30/02/2025 10:00', 'NOISE'),
        'Date of Incident "30/02/2025 10:00" is not a date in the form DD/MM/YYYY HH:mm',
      ],
      [
        row('R-3', `02/03/${nextYear} 09:15`, `01/03/${nextYear} 10:00`, 'NOISE'),
        `Date of Incident "01/03/${nextYear} 10:00" is in the future; Date Reported "02/03/${nextYear} 09:15" is in the future`,
      ],
      [
        row('R-4', '02/03/2025 09:15', '01/03/2025 10:00', 'DOGS'),
        `ASB Type "DOGS" is not in the mapping's category values (NOISE, PARTY, GRAFFITI, FLYTIP, HARASS, THREATS, OTHER): add it to the mapping file`,
      ],
      [
        row('R-5', '28/02/2025 09:15', '01/03/2025 10:00', 'NOISE'),
        'Date Reported "28/02/2025 09:15" is before Date of Incident "01/03/2025 10:00": an incident is reported after it happens',
      ],
      [
        row('R-6', '02/03/2025 09:15', '', 'NOISE'),
        'Date of Incident is empty: every incident needs the date it happened',
      ],
      [
        row('R-7', '02/03/2025 09:15', '01/03/2025 10:00', ''),
        'ASB Type is empty and the mapping gives no default category',
      ],
      [
        row('R-9', '02/03/2025 09:15', '01/03/2025 10:00', '=1+2'),
        `ASB Type "=1+2" is not in the mapping's category values (NOISE, PARTY, GRAFFITI, FLYTIP, HARASS, THREATS, OTHER): add it to the mapping file`,
      ],
    ];
    const good = row('R-8', '02/03/2025 09:15', '01/03/2025 10:00', 'noise');
    const file = writeFile(
      scratchDir(),
      'defects.csv',
      [header, ...cases.map(([line]) => line), good].join('\r\n') + '\r\n',
    );
    const partner = await housing();
    const summary = await importInto(hub, { file, partner: partner.id, mapping: mapping() });
    expect(summary).toMatchObject({ rowsImported: 1, rowsRejected: cases.length });
    expect(
      readReport(`${file}.rejected.csv`)
        .slice(1)
        .map(([line, reason]) => [line, reason]),
    ).toEqual(cases.map(([, reason], i) => [String(i + 2), reason]));
    // The one CSV writer (src/common/csv.ts): a cell a spreadsheet would run as a formula is not.
    const raw = fs.readFileSync(`${file}.rejected.csv`, 'utf8');
    expect(raw).toContain(",'=1+2,");
    expect(raw).not.toMatch(/(^|,)=1\+2/m);
  });

  it('takes dates known to the day, ISO times with their offset, a default category, semicolons and Latin-1; rows without a reference are keyed by their content', async () => {
    const latin1Mapping = JSON.stringify({
      delimiter: ';',
      encoding: 'latin1',
      occurredAt: { column: 'Dyddiad', format: 'YYYY-MM-DD' },
      reportedAt: { column: 'Adroddwyd', format: 'ISO' },
      category: { column: 'Math', default: 'UNCLASSIFIED' },
      description: 'Manylion',
      location: 'Lle',
    });
    // Latin-1, as a Windows export would be: "â" and "é" are one byte each.
    const text = [
      'Dyddiad;Adroddwyd;Math;Manylion;Lle',
      "2025-03-01;2025-03-02T09:15:00+01:00;;Swn o'r fflat;Caffi'r Sgw\u00e2r",
      "2025-03-01;2025-03-02T09:15:00+01:00;;Swn o'r fflat;Caffi'r Sgw\u00e2r",
      '2025-03-03;2025-03-03;ENVIRONMENTAL;Sbwriel;Stryd y Bont',
      '2025-03-04;2025-03-05;;Caf\u00e9 noise;Caf\u00e9 y Sgw\u00e2r',
    ].join('\n');
    const file = writeFile(scratchDir(), 'latin1.csv', Buffer.from(`${text}\n`, 'latin1'));
    const partner = await housing();
    const first = await importInto(hub, { file, partner: partner.id, mapping: latin1Mapping });
    expect(first).toMatchObject({ rowsImported: 4, rowsRejected: 0 });
    const again = await importInto(hub, { file, partner: partner.id, mapping: latin1Mapping });
    expect(again).toMatchObject({ rowsImported: 0, rowsAlreadyPresent: 4 });
    const rows = await hub.em().execute(
      `select to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as occurred, i.occurred_precision as precision,
              to_char(r.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as reported, i.category, l.description as place
         from incident i join incident_report r on r.incident_id = i.id left join location l on l.id = i.location_id
        where r.partner_id = ? order by i.occurred_at, l.description`,
      [partner.id],
    );
    expect(rows).toEqual([
      {
        occurred: '2025-03-01T00:00',
        precision: 'DAY',
        reported: '2025-03-02T08:15',
        category: 'UNCLASSIFIED',
        place: "Caffi'r Sgw\u00e2r",
      },
      {
        occurred: '2025-03-01T00:00',
        precision: 'DAY',
        reported: '2025-03-02T08:15',
        category: 'UNCLASSIFIED',
        place: "Caffi'r Sgw\u00e2r",
      },
      {
        occurred: '2025-03-03T00:00',
        precision: 'DAY',
        reported: '2025-03-03T00:00',
        category: 'ENVIRONMENTAL',
        place: 'Stryd y Bont',
      },
      {
        occurred: '2025-03-04T00:00',
        precision: 'DAY',
        reported: '2025-03-05T00:00',
        category: 'UNCLASSIFIED',
        place: 'Caf\u00e9 y Sgw\u00e2r',
      },
    ]);
  });
});

describe('mappings refused whole, with nothing written', () => {
  const base = () => JSON.parse(fs.readFileSync(EXAMPLE_MAPPING, 'utf8'));

  /** Each mapping is refused with `code` and its message, and nothing is written. */
  async function expectRefused(mappings: [string, RegExp][], code: string) {
    const partner = await housing();
    for (const [mapping, message] of mappings) {
      let thrown: unknown;
      const seen = await refusal(
        importInto(hub, { file: EXAMPLE_EXPORT, partner: partner.id, mapping }).catch((error) => {
          thrown = error;
          throw error;
        }),
      );
      expect([seen, (thrown as Error).message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(await countsFor(hub, partner.id)).toEqual(NOTHING);
  }

  it('refuses a mapping the hub cannot use with IMPORT_MAPPING_INVALID: not JSON, a misspelt key, a date format without a month, a code mapped to no category, a latitude without a longitude', async () => {
    await expectRefused(
      [
        ['{"occurredAt": ', /not valid JSON/],
        [
          JSON.stringify({ ...base(), ocurredAt: base().occurredAt }),
          /"ocurredAt", which the hub does not know/,
        ],
        [
          JSON.stringify({
            ...base(),
            occurredAt: { column: 'Date of Incident', format: 'DD/YYYY' },
          }),
          /needs at least YYYY and MM/,
        ],
        [
          JSON.stringify({
            ...base(),
            category: { column: 'ASB Type', values: { NOISE: 'LOUD' } },
          }),
          /a hub category is one of PERSONAL, NUISANCE, ENVIRONMENTAL, UNCLASSIFIED/,
        ],
        [
          JSON.stringify({ ...base(), longitude: undefined }),
          /latitude and longitude come together/,
        ],
      ],
      'IMPORT_MAPPING_INVALID',
    );
  });

  it('refuses a mapping naming a column the file does not have with IMPORT_COLUMNS_MISSING, writing nothing', async () => {
    await expectRefused(
      [
        [
          JSON.stringify({ ...base(), description: 'Narrative' }),
          /the file does not have: "Narrative"/,
        ],
      ],
      'IMPORT_COLUMNS_MISSING',
    );
  });
});
