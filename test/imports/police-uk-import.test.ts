import { clock } from '../../src/common/clock';
import fs from 'node:fs';
import { AuditAction } from '../../src/audit/audit-action.enum';
import { fileSha256 } from '../../src/imports/import-file';
import {
  COMMAND_LINE_USER_ID,
  importLockKey,
  readPoliceUkRows,
  startImport,
} from '../../src/imports/import.service';
import { IMPORT_TABLES, insertIgnoringConflicts } from '../../src/imports/import-rows';
import { makePartner, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  countsFor,
  NOTHING,
  databaseUrlOf,
  gzip,
  importInto,
  readReport,
  refusal,
  SAMPLE,
  sampleLines,
  sampleRecords,
  scratchDir,
  withClient,
  writeFile,
} from './import-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const police = () => makePartner(hub.em(), PartnerKind.POLICE);
const ROWS = sampleLines().length - 1;
const HEADER = sampleLines()[0];

describe('importing data.police.uk street-level ASB', () => {
  it('imports every row of a data.police.uk sample as an incident reported to the importing partner, at its place and in its area, known to the month', async () => {
    const partner = await police();
    const summary = await importInto(hub, { file: SAMPLE, partner: partner.name });
    expect(summary).toMatchObject({
      status: 'COMPLETED',
      format: 'POLICE_UK',
      rowsImported: ROWS,
      rowsAlreadyPresent: 0,
      rowsRejected: 0,
      rejectedReportPath: null,
      resumedAfterLine: null,
    });
    expect(fs.existsSync(`${SAMPLE}.rejected.csv`)).toBe(false);
    expect(await countsFor(hub, partner.id)).toEqual({
      incidents: ROWS,
      reports: ROWS,
      runs: 1,
      audited: 1,
    });

    const em = hub.em();
    const kinds = await em.execute(
      `select category, occurred_precision, description, hate_incident, count(*)::int as n,
              bool_and(import_run_id = ?) as from_this_run,
              bool_and(extract(day from occurred_at at time zone 'UTC') = 1
                       and (occurred_at at time zone 'UTC')::time = '00:00') as month_start
         from incident where recorded_by_partner_id = ?
        group by 1, 2, 3, 4`,
      [summary.runId, partner.id],
    );
    expect(kinds).toEqual([
      {
        category: 'UNCLASSIFIED',
        occurred_precision: 'MONTH',
        description: '',
        hate_incident: false,
        n: ROWS,
        from_this_run: true,
        month_start: true,
      },
    ]);
    const fields = sampleRecords();
    const [places] = await em.execute(
      `select count(*) filter (where location_id is null)::int as unplaced,
              count(*) filter (where area_code is null)::int as no_area
         from incident where recorded_by_partner_id = ?`,
      [partner.id],
    );
    expect(places).toEqual({
      unplaced: fields.filter((f) => f[4] === '').length,
      no_area: fields.filter((f) => f[7] === '').length,
    });
    expect(places.unplaced).toBeGreaterThan(0);

    // The first row: ,2018-10,Avon and Somerset Constabulary,...,-2.511761,51.409966,On or near Caernarvon Close,E01014399,Bath and North East Somerset 001A,...
    const [first] = await em.execute(
      `select l.kind, l.description, l.latitude, l.longitude, l.lsoa_code, i.area_code,
              a.name as lsoa_name, a.local_authority, r.reported_at = i.occurred_at as reported_in_the_month,
              r.source_reference, r.recorded_by_id, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day
         from incident i join location l on l.id = i.location_id
         join incident_report r on r.incident_id = i.id and r.partner_id = i.recorded_by_partner_id
         join lsoa a on a.code = i.area_code
        where i.recorded_by_partner_id = ? and l.description = 'On or near Caernarvon Close'
        limit 1`,
      [partner.id],
    );
    expect(first).toEqual({
      kind: 'PUBLIC_PLACE',
      description: 'On or near Caernarvon Close',
      latitude: 51.409966,
      longitude: -2.511761,
      lsoa_code: 'E01014399',
      area_code: 'E01014399',
      lsoa_name: 'Bath and North East Somerset 001A',
      local_authority: 'Bath and North East Somerset',
      reported_in_the_month: true,
      source_reference: null,
      recorded_by_id: null,
      day: '2018-10-01',
    });
  });

  it('importing the same file twice leaves exactly the same incidents: the second run finds every row already present', async () => {
    const partner = await police();
    await importInto(hub, { file: SAMPLE, partner: partner.id });
    const second = await importInto(hub, { file: SAMPLE, partner: partner.id });
    expect(second).toMatchObject({
      status: 'COMPLETED',
      rowsImported: 0,
      rowsAlreadyPresent: ROWS,
      rowsRejected: 0,
      resumedAfterLine: null,
    });
    expect(await countsFor(hub, partner.id)).toEqual({
      incidents: ROWS,
      reports: ROWS,
      runs: 2,
      audited: 2,
    });
  });

  it('counts identical published rows as distinct incidents: a row published fifteen times is fifteen incidents, each imported once', async () => {
    const copies = new Map<string, number>();
    for (const line of sampleLines().slice(1)) copies.set(line, (copies.get(line) ?? 0) + 1);
    const [[unplaced, fifteen], [placed, seven]] = [...copies].sort((a, b) => b[1] - a[1]);
    // Dorset's "No Location" row of October 2018, and "On or near Wine Street" in Bath.
    expect([unplaced.split(',')[6], fifteen]).toEqual(['No Location', 15]);
    expect([placed.split(',')[6], seven]).toEqual(['On or near Wine Street', 7]);

    const partner = await police();
    await importInto(hub, { file: SAMPLE, partner: partner.id });
    await importInto(hub, { file: SAMPLE, partner: partner.id });
    const [counts] = await hub.em().execute(
      `select count(*) filter (where i.location_id is null and i.area_code is null)::int as unplaced,
              count(*) filter (where l.description = 'On or near Wine Street')::int as wine_street
         from incident i left join location l on l.id = i.location_id
        where i.recorded_by_partner_id = ? and i.occurred_at = '2018-10-01T00:00:00Z'`,
      [partner.id],
    );
    expect(counts).toEqual({ unplaced: 15, wine_street: 7 });
  });

  it('keeps each partner\u2019s import its own while sharing the places: two forces importing one file hold two sets of incidents and one set of places', async () => {
    const first = await police();
    const second = await police();
    await importInto(hub, { file: SAMPLE, partner: first.id });
    const summary = await importInto(hub, { file: SAMPLE, partner: second.id });
    expect(summary.rowsImported).toBe(ROWS);
    expect((await countsFor(hub, second.id)).incidents).toBe(ROWS);
    // The places each import refers to (not every place in the database, which other test files
    // add to meanwhile): the second import's are exactly the first's.
    const places = (partnerId: string) =>
      hub
        .em()
        .execute<
          { id: string }[]
        >('select distinct location_id as id from incident where recorded_by_partner_id = ? and location_id is not null order by 1', [partnerId]);
    const [ofFirst, ofSecond] = [await places(first.id), await places(second.id)];
    expect(ofFirst.length).toBeGreaterThan(0);
    expect(ofSecond).toEqual(ofFirst);
  });

  it('reads gzip by its content whatever the file is called, and knows the rows of a plain file it already imported', async () => {
    const partner = await police();
    const dir = scratchDir();
    const packed = writeFile(dir, 'march-download.data', gzip(fs.readFileSync(SAMPLE, 'utf8')));
    const fromGzip = await importInto(hub, { file: packed, partner: partner.id });
    expect(fromGzip).toMatchObject({ status: 'COMPLETED', rowsImported: ROWS });
    const plain = await importInto(hub, { file: SAMPLE, partner: partner.id });
    expect(plain).toMatchObject({ rowsImported: 0, rowsAlreadyPresent: ROWS });
    expect((await countsFor(hub, partner.id)).incidents).toBe(ROWS);
  });

  it('imports the good rows of a file with malformed rows and reports each bad one with its line and reason next to the input', async () => {
    const good = sampleLines().slice(1, 101);
    const [row] = good;
    const f = row.split(',');
    const withFields = (changes: Record<number, string>) =>
      f.map((value, i) => (i in changes ? changes[i] : value)).join(',');
    const nextYear = clock.now().getUTCFullYear() + 1;
    // Each defect, with the physical line it will be on and what its reason must say.
    const defects: [string, RegExp][] = [
      [withFields({ 1: '2018-13' }), /^Month "2018-13" is not a month in YYYY-MM form$/],
      [withFields({ 1: `${nextYear}-01` }), new RegExp(`^Month ${nextYear}-01 is in the future$`)],
      [
        withFields({ 9: 'Burglary' }),
        /^Crime type is "Burglary": only "Anti-social behaviour" rows are imported$/,
      ],
      [withFields({ 4: 'west' }), /^Longitude "west" is not a number$/],
      [withFields({ 5: '95.5' }), /^Latitude 95.5 is outside -90 to 90$/],
      [
        withFields({ 5: '' }),
        /^Longitude is given but Latitude is empty: give both coordinates or neither$/,
      ],
      [withFields({ 7: 'X123' }), /^LSOA code "X123" is not an LSOA code/],
      [f.slice(0, 11).join(','), /^the line has 11 fields where a data.police.uk row has 12/],
      [`${row},extra`, /^the line has 13 fields where a data.police.uk row has 12/],
      [
        withFields({ 2: '"Avon" and Somerset' }),
        /^the line is not valid CSV: a quoted field is followed by " "/,
      ],
      [
        withFields({ 1: '18-10', 9: 'Robbery' }),
        /^Month "18-10" is not a month in YYYY-MM form; Crime type is "Robbery"/,
      ],
    ];
    // A good row whose place has a line break inside quotes: one row over two physical lines.
    const twoLines = withFields({ 6: '"On or near\nCastle Road"' });
    const lines = [HEADER, ...good.slice(0, 50), '', twoLines];
    const expected: [number, RegExp, string][] = [];
    for (const [defect, reason] of defects) {
      lines.push(defect, good[lines.length % good.length]);
      // The defect's index is length - 2; lines count from 1, and the quoted line break adds one.
      expected.push([lines.length - 2 + 1 + 1, reason, defect]);
    }
    lines.push(...good.slice(50));
    const dir = scratchDir();
    const file = writeFile(dir, 'with-defects.csv', lines.join('\n') + '\n');

    const partner = await police();
    const summary = await importInto(hub, { file, partner: partner.id, batchRows: 25 });
    const goodRows = lines.length - 2 - defects.length; // less the header and the empty line
    expect(summary).toMatchObject({
      status: 'COMPLETED',
      rowsRejected: defects.length,
      rejectedReportPath: `${file}.rejected.csv`,
    });
    expect(summary.rowsImported + summary.rowsAlreadyPresent).toBe(goodRows);
    expect((await countsFor(hub, partner.id)).incidents).toBe(summary.rowsImported);
    expect(summary.rowsImported).toBe(goodRows - summary.rowsAlreadyPresent);

    const report = readReport(`${file}.rejected.csv`);
    expect(report[0]).toEqual(['line', 'reason', ...HEADER.split(',')]);
    expect(report.slice(1).map(([line]) => Number(line))).toEqual(expected.map(([line]) => line));
    report.slice(1).forEach(([line, reason, ...fields], i) => {
      const [, pattern, defect] = expected[i];
      expect({ line, reason }).toEqual({ line, reason: expect.stringMatching(pattern) });
      expect(fields.join(',')).toBe(defect);
    });
    // The row over two lines was imported, with its line break.
    const [{ n }] = await hub.em().execute(
      `select count(*)::int as n from incident i join location l on l.id = i.location_id
        where i.recorded_by_partner_id = ? and l.description = ?`,
      [partner.id, 'On or near\nCastle Road'],
    );
    expect(n).toBe(1);
  });

  it('resumes a run that failed in the middle of a batch after its last committed batch, and ends with exactly one incident per row', async () => {
    const own = await startTestHub({}, { private: true });
    try {
      const lines = sampleLines();
      // Three identical rows across the batch that will fail, and a row the database will refuse
      // while the test says so: the fifth batch of fifty fails half-way through its COPY.
      const repeated = lines[180];
      const body = [...lines.slice(0, 199), repeated, repeated, repeated, ...lines.slice(199)];
      const marker = body[230].split(',');
      marker[7] = 'E01099999';
      body[230] = marker.join(',');
      const file = writeFile(scratchDir(), 'resume.csv', body.join('\n') + '\n');
      const dataRows = body.length - 1;

      await own.em().execute(`create function refuse_marker() returns trigger language plpgsql as $$
        begin raise exception 'the disk is full (simulated)'; end $$`);
      await own.em().execute(`create trigger refuse_marker before insert on incident for each row
        when (new.area_code = 'E01099999') execute function refuse_marker()`);
      const partner = await makePartner(own.em(), PartnerKind.POLICE);

      const failed = await refusal(importInto(own, { file, partner: partner.id, batchRows: 50 }));
      // The database's own words can quote a row: the run says what failed by its SQLSTATE.
      expect(failed).toMatch(/^FAILED: Stopped after line 201: DatabaseError \(sqlState P0001\)/);
      const [run] = await own
        .em()
        .execute('select * from import_run where partner_id = ?', [partner.id]);
      expect(run).toMatchObject({ status: 'FAILED', checkpoint_line: 201, rows_imported: 200 });
      expect((await countsFor(own, partner.id)).incidents).toBe(200);

      await own.em().execute('drop trigger refuse_marker on incident');
      const resumed = await importInto(own, { file, partner: partner.id, batchRows: 50 });
      expect(resumed).toMatchObject({
        runId: run.id,
        status: 'COMPLETED',
        resumedAfterLine: 201,
        rowsImported: dataRows,
        rowsAlreadyPresent: 0,
        rowsRejected: 0,
        rowsRead: dataRows - 200,
      });
      // One run, audited once when it started and once when it was resumed.
      expect(await countsFor(own, partner.id)).toEqual({
        incidents: dataRows,
        reports: dataRows,
        runs: 1,
        audited: 2,
      });
      const again = await importInto(own, { file, partner: partner.id });
      expect(again).toMatchObject({ rowsImported: 0, rowsAlreadyPresent: dataRows });
    } finally {
      await own.close();
    }
  });

  it('refuses a second run of a file already being imported with IMPORT_ALREADY_RUNNING, writing nothing', async () => {
    const partner = await police();
    const key = importLockKey(partner.id, await fileSha256(SAMPLE));
    await withClient(hub, async (client) => {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
      expect(await refusal(importInto(hub, { file: SAMPLE, partner: partner.id }))).toBe(
        'IMPORT_ALREADY_RUNNING',
      );
    });
    expect(await countsFor(hub, partner.id)).toEqual(NOTHING);
  });

  it('counts a row another import added meanwhile as already present, never adding it twice', async () => {
    const partner = await police();
    const rows = [];
    for await (const row of readPoliceUkRows(SAMPLE, { partnerId: partner.id })) rows.push(row);
    const taken = rows[10];
    await withClient(hub, async (other) => {
      await other.query('begin');
      for (const [table, row] of [
        [IMPORT_TABLES.location, taken.location!],
        [IMPORT_TABLES.incident, taken.incident],
        [IMPORT_TABLES.incidentReport, taken.report],
      ] as const) {
        const insert = insertIgnoringConflicts(table as never, [row as never]);
        await other.query(insert.text, insert.values);
      }
      const started = await startImport({
        databaseUrl: databaseUrlOf(hub),
        file: SAMPLE,
        partner: partner.id,
        batchRows: 50,
      });
      // The import waits on the other transaction's row; once that commits, its COPY collides.
      for (let i = 0; i < 100; i++) {
        const { rows: waiting } = await other.query(
          `select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where not l.granted and a.datname = current_database()`,
        );
        if (waiting.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await other.query('commit');
      const summary = await started.done;
      expect(summary).toMatchObject({ rowsImported: ROWS - 1, rowsAlreadyPresent: 1 });
    });
    expect((await countsFor(hub, partner.id)).incidents).toBe(ROWS);
  });

  it('records each run in the write audit as one entry naming the run, not one per row', async () => {
    const partner = await police();
    const summary = await importInto(hub, {
      file: SAMPLE,
      partner: partner.id,
      audit: { enabled: true, operation: 'npm run import', purpose: 'monthly street-level data' },
    });
    const entries = await hub
      .em()
      .execute('select * from audit_entry where subject_id = ?', [summary.runId]);
    expect(entries).toEqual([
      expect.objectContaining({
        action: AuditAction.CREATE,
        subject_type: 'ImportRun',
        partner_id: partner.id,
        user_id: COMMAND_LINE_USER_ID,
        operation: 'npm run import',
        purpose: 'monthly street-level data',
        fields: expect.arrayContaining(['Incident.description', 'IncidentReport.reportedAt']),
      }),
    ]);
  });
});

describe('files refused whole, with nothing written', () => {
  /** Each file is refused with `code`, and the partner has no run, incident or audit entry after. */
  async function expectRefusedWhole(files: string[], code: string, partnerName?: string) {
    const partner = await police();
    for (const file of files) {
      expect([
        file,
        await refusal(importInto(hub, { file, partner: partnerName ?? partner.id })),
      ]).toEqual([file, code]);
      expect(fs.existsSync(`${file}.rejected.csv`)).toBe(false);
    }
    expect(await countsFor(hub, partner.id)).toEqual(NOTHING);
  }

  it('refuses a file for an unknown partner with IMPORT_UNKNOWN_PARTNER, writing nothing', async () => {
    await expectRefusedWhole([SAMPLE], 'IMPORT_UNKNOWN_PARTNER', 'No Such Constabulary');
  });

  it('refuses an empty file, and a header with no rows, with IMPORT_EMPTY_FILE, writing nothing', async () => {
    const dir = scratchDir();
    await expectRefusedWhole(
      [writeFile(dir, 'empty.csv', ''), writeFile(dir, 'header.csv', `${HEADER}\n\n`)],
      'IMPORT_EMPTY_FILE',
    );
  });

  it('refuses a missing file, and a gzip file that is not one, with IMPORT_FILE_UNREADABLE, writing nothing', async () => {
    await expectRefusedWhole(
      [
        '/nowhere/street.csv',
        writeFile(scratchDir(), 'broken.csv.gz', Buffer.from('1f8b0800deadbeef0000', 'hex')),
      ],
      'IMPORT_FILE_UNREADABLE',
    );
  });

  it('refuses a header it does not know (without a mapping), and a spreadsheet, with IMPORT_UNKNOWN_FORMAT, writing nothing', async () => {
    const dir = scratchDir();
    await expectRefusedWhole(
      [
        writeFile(dir, 'other.csv', 'Ref,When,What\n1,2024-01-01,Noise\n'),
        writeFile(dir, 'street.xlsx', Buffer.from('504b0304140000000800', 'hex')),
      ],
      'IMPORT_UNKNOWN_FORMAT',
    );
  });

  it('refuses data.police.uk columns with one missing with IMPORT_COLUMNS_MISSING, writing nothing', async () => {
    const withoutLatitude = sampleLines()
      .slice(0, 5)
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 5)
          .join(','),
      )
      .join('\n');
    await expectRefusedWhole(
      [writeFile(scratchDir(), 'no-latitude.csv', withoutLatitude)],
      'IMPORT_COLUMNS_MISSING',
    );
  });
});
