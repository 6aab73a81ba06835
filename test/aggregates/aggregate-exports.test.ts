import { csvField } from '../../src/common/csv';
import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import {
  makePartner,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { addIncidents, addLsoas, LSOAS } from './aggregate-support';

/*
 * The CSV exports over a private database: 2019 incidents recorded by a partner whose name a
 * spreadsheet would run as a formula, by a plain partner, and by one with too few to show.
 */
describe('aggregate exports for BI tools', () => {
  let hub: TestHub;
  let bi: Member;

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    // Exact counts (the cell key method off) so that the files can be read line by line.
    await em.nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 0 });
    bi = await makePartnerMember(em, PartnerKind.COUNCIL, Role.BI_SERVICE);
    await addLsoas(em);
    const formula = await makePartner(em, PartnerKind.OTHER, '=HYPERLINK("http://x.example"), Ltd');
    const plain = await makePartner(em, PartnerKind.HOUSING, 'Plain Housing');
    const few = await makePartner(em, PartnerKind.OTHER, 'Few Reports Trust');
    await addIncidents(em, 6, {
      occurredAt: '2019-02-11T09:00:00Z',
      category: IncidentCategory.NUISANCE,
      partner: formula,
      areaCode: LSOAS.testshireA.code,
    });
    await addIncidents(em, 7, {
      occurredAt: '2019-02-12T09:00:00Z',
      category: IncidentCategory.PERSONAL,
      partner: plain,
      areaCode: LSOAS.testshireB.code,
    });
    await addIncidents(em, 2, {
      occurredAt: '2019-02-13T09:00:00Z',
      category: IncidentCategory.PERSONAL,
      partner: few,
      areaCode: LSOAS.testshireB.code,
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  const get = (path: string, token: string = bi.token) =>
    fetch(`${hub.url}/exports/${path}`, { headers: { authorization: `Bearer ${token}` } });
  const rows = (text: string) => text.trimEnd().split('\r\n');

  it('refuses an anonymous caller', async () => {
    const response = await fetch(
      `${hub.url}/exports/incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=PARTNER`,
    );
    expect(response.status).toBe(401);
  });

  it('serves incident counts as CSV with fixed columns, a total row, suppressed cells empty and flagged', async () => {
    const response = await get('incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=PARTNER');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="incident-counts.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = rows(await response.text());
    expect(lines[0]).toBe(
      'row,period_day,period_week,period_month,category,partner_id,partner_name,lsoa_code,lsoa_name,local_authority,day_of_week,hour,police_force,reported_by,measure,count,suppressed,summary_count',
    );
    const byName = (name: string) => lines.find((line) => line.includes(name))!.split(',');
    // 2 below the threshold, and the 6 as the smallest other cell.
    expect(byName('Few Reports Trust').slice(-4)).toEqual(['INCIDENTS', '', 'true', '']);
    expect(byName('Plain Housing').slice(-4)).toEqual(['INCIDENTS', '7', 'false', '']);
    expect(lines.find((line) => line.includes('HYPERLINK'))).toMatch(
      /,"'=HYPERLINK\(""http:\/\/x\.example""\), Ltd",.*,INCIDENTS,,true,$/,
    );
    expect(lines.slice(-3)).toEqual([
      'not_shown,,,,,,,,,,,,,,INCIDENTS,8,false,',
      'total,,,,,,,,,,,,,,INCIDENTS,,false,15',
      'excluded_for_precision,,,,,,,,,,,,,,INCIDENTS,,false,0',
    ]);
  });

  it('serves two dimensions in the same columns, whatever the grouping', async () => {
    const lines = rows(
      await (
        await get('incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=LSOA,DAY_OF_WEEK')
      ).text(),
    );
    expect(lines[0].split(',')).toHaveLength(18);
    expect(lines).toContain('cell,,,,,,,E01900001,Testshire 001A,,1,,,,INCIDENTS,6,false,');
  });

  it('has fixed columns for every other export', async () => {
    const headers: Record<string, string> = {
      'repeat-demand.csv?from=2019-01-01&to=2020-01-01&subject=LOCATION':
        'row,subject,repeat_band,measure,count,suppressed,summary_count',
      'intervention-impact.csv?from=2019-01-01&to=2020-01-01':
        'row,window_days,intervention_kind,measure,count,suppressed,summary_count',
      'case-review-statistics.csv?from=2019-01-01&to=2020-01-01':
        'row,measure,count,suppressed,summary_count',
      'intervention-statistics.csv?from=2019-01-01&to=2020-01-01&groupBy=PERIOD_MONTH':
        'row,intervention_kind,period_month,measure,count,suppressed,summary_count',
    };
    for (const [path, header] of Object.entries(headers)) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(rows(await response.text())[0]).toBe(header);
    }
    const impact = rows(
      await (await get('intervention-impact.csv?from=2019-01-01&to=2020-01-01')).text(),
    );
    expect(impact).toContain('total,90,,INTERVENTIONS,,false,0');
    expect(impact.at(-1)).toBe('excluded_window_not_ended,90,,INTERVENTIONS,,false,0');
    const reviews = rows(
      await (await get('case-review-statistics.csv?from=2019-01-01&to=2020-01-01')).text(),
    );
    expect(reviews).toContain('cell,APPLICATIONS,0,false,');
  });

  it('sums to the total: a BI user who adds up the count column of a measure gets its total, under the cell key method too', async () => {
    await hub.em().nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 3 });
    try {
      for (const groupBy of ['CATEGORY', 'LSOA,CATEGORY', 'PERIOD_DAY']) {
        const lines = rows(
          await (
            await get(`incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=${groupBy}`)
          ).text(),
        ).map((line) => line.split(','));
        const header = lines[0];
        const [count, summary] = ['count', 'summary_count'].map((name) => header.indexOf(name));
        const summed = lines.slice(1).reduce((sum, fields) => sum + Number(fields[count] || 0), 0);
        const total = lines.find((fields) => fields[0] === 'total')!;
        expect([groupBy, summed]).toEqual([groupBy, Number(total[summary])]);
      }
    } finally {
      await hub.em().nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 0 });
    }
  });

  it('labels the area it does not know, and puts a byte-order mark first when asked, for spreadsheets', async () => {
    await addIncidents(hub.em(), 6, { occurredAt: '2019-06-01T09:00:00Z', areaCode: null });
    const path = 'incident-counts.csv?from=2019-06-01&to=2019-07-01&groupBy=LSOA';
    const lines = rows(await (await get(path)).text());
    expect(lines).toContain('cell,,,,,,,Not known,Not known,,,,,,INCIDENTS,6,false,');
    const marked = Buffer.from(await (await get(`${path}&bom=true`)).arrayBuffer());
    expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked.subarray(3).toString('utf8')).toBe(lines.join('\r\n') + '\r\n');
    const plain = Buffer.from(await (await get(`${path}&bom=false`)).arrayBuffer());
    expect(plain[0]).toBe('r'.charCodeAt(0));
    expect((await get(`${path}&bom=yes`)).status).toBe(400);
  });

  it('answers bad parameters with 400 and a JSON error naming the parameter', async () => {
    const refusals: [string, string][] = [
      ['incident-counts.csv?to=2020-01-01&groupBy=PARTNER', 'from'],
      ['incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=NOPE', 'groupBy'],
      [
        'incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=PARTNER&lsoas=E01900001',
        'lsoas',
      ],
      ['incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=PARTNER&from=2019-02-01', 'from'],
      ['incident-counts.csv?from=2019-13-01&to=2020-01-01&groupBy=PARTNER', 'from'],
      [
        'incident-counts.csv?from=2019-01-01&to=2020-01-01&groupBy=PARTNER&categories=NOISE',
        'categories',
      ],
      ['repeat-demand.csv?from=2019-01-01&to=2020-01-01&subject=NEIGHBOUR', 'subject'],
      ['intervention-impact.csv?from=2019-01-01&to=2020-01-01&windowDays=ninety', 'windowDays'],
      ['intervention-statistics.csv?from=2019-01-01&to=2020-01-01&groupBy=HOUR', 'groupBy'],
    ];
    for (const [path, field] of refusals) {
      const response = await get(path);
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string; field: string } }[];
      };
      expect([path, body.errors[0].extensions.code, body.errors[0].extensions.field]).toEqual([
        path,
        'BAD_USER_INPUT',
        field,
      ]);
    }
  });

  it('quotes fields with commas, quotes and line breaks, and defuses text a spreadsheet would run', () => {
    expect(csvField('Plain')).toBe('Plain');
    expect(csvField('Smith, Jones')).toBe('"Smith, Jones"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+44 1267 123456')).toBe("'+44 1267 123456");
    expect(csvField('-5+A1')).toBe("'-5+A1");
    // A plain number is not a formula: a longitude stays a longitude.
    expect(csvField('-2.511761')).toBe('-2.511761');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(false)).toBe('false');
  });
});
