import { Client } from 'pg';
import { incidentCountsSql } from '../../src/aggregates/incident-counts.sql';
import { repeatDemandSql } from '../../src/aggregates/repeat-demand.sql';
import { interventionImpactSql } from '../../src/aggregates/intervention-impact.sql';
import { caseReviewStatisticsSql } from '../../src/aggregates/case-review-statistics.sql';
import { interventionStatisticsSql } from '../../src/aggregates/intervention-statistics.sql';
import { AggregateDimension as D, RepeatSubject } from '../../src/aggregates/aggregate-enums';
(async () => {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/asb_hub_dev_agg' });
  await c.connect();
  const f = { from: '2019-01-01', to: '2027-01-01', lsoaCodes: ['E01000001'], localAuthority: 'X', categories: ['PERSONAL'] as any };
  const all = [
    incidentCountsSql(f, [D.PERIOD_MONTH, D.CATEGORY]),
    incidentCountsSql(f, [D.PARTNER, D.HOUR]),
    incidentCountsSql(f, [D.LSOA, D.LOCAL_AUTHORITY]),
    incidentCountsSql({ from: '2019-01-01', to: '2027-01-01' }, [D.PERIOD_WEEK, D.DAY_OF_WEEK]),
    incidentCountsSql(f, [D.PERIOD_DAY]),
    repeatDemandSql(f, RepeatSubject.VICTIM),
    repeatDemandSql(f, RepeatSubject.LOCATION),
    interventionImpactSql({ from: '2019-01-01', to: '2027-01-01', kinds: ['CLOSURE_ORDER'] as any }, 90, new Date(), null),
    caseReviewStatisticsSql({ from: '2019-01-01', to: '2027-01-01' }),
    interventionStatisticsSql({ from: '2019-01-01', to: '2027-01-01' }, [D.PERIOD_MONTH]),
  ];
  for (const s of all) {
    try { const r = await c.query(s.sql, s.params); console.log('ok', r.rows.length, JSON.stringify(r.rows[0])); }
    catch (e) { console.log('FAIL', String(e), s.sql); }
  }
  await c.end();
})();
