import { OccurredPrecision } from '../incidents/occurred-precision.enum';
import { AggregateDimension } from './aggregate-enums';
import type { IncidentFilter } from './aggregate-filter';
import { incidentFilterSql, londonTime, SqlParams, type SqlStatement } from './sql-statement';

const LONDON = londonTime('i.occurred_at');

interface DimensionSql {
  /** What to group by, over incident `i` (and `l`, its LSOA, when `lsoa` is set). */
  group: string;
  /** The key as text, from the grouped value `k`. */
  value: (k: string) => string;
  /** A label the database knows (names), from `k`; others are labelled in Node. */
  label?: (k: string, join: string) => { select: string; join: string };
  /** The coarsest precision the dimension can use. */
  needs?: OccurredPrecision.DAY | OccurredPrecision.EXACT;
  lsoa?: true;
}

const DIMENSIONS: Partial<Record<AggregateDimension, DimensionSql>> = {
  PERIOD_DAY: {
    group: `${LONDON}::date`,
    value: (k) => `${k}::text`,
    needs: OccurredPrecision.DAY,
  },
  PERIOD_WEEK: {
    group: `date_trunc('week', ${LONDON})::date`,
    value: (k) => `${k}::text`,
    label: (k) => ({ select: `to_char(${k}, 'IYYY-"W"IW')`, join: '' }),
    needs: OccurredPrecision.DAY,
  },
  PERIOD_MONTH: {
    group: `date_trunc('month', ${LONDON})::date`,
    value: (k) => `to_char(${k}, 'YYYY-MM')`,
  },
  CATEGORY: { group: 'i.category', value: (k) => k },
  PARTNER: {
    group: 'i.recorded_by_partner_id',
    value: (k) => `${k}::text`,
    label: (k, alias) => ({
      select: `${alias}.name`,
      join: `LEFT JOIN partner ${alias} ON ${alias}.id = ${k}`,
    }),
  },
  LSOA: {
    group: 'i.area_code',
    value: (k) => k,
    label: (k, alias) => ({
      select: `${alias}.name`,
      join: `LEFT JOIN lsoa ${alias} ON ${alias}.code = ${k}`,
    }),
  },
  LOCAL_AUTHORITY: { group: 'l.local_authority', value: (k) => k, lsoa: true },
  DAY_OF_WEEK: {
    group: `extract(isodow from ${LONDON})::int`,
    value: (k) => `${k}::text`,
    needs: OccurredPrecision.DAY,
  },
  HOUR: {
    group: `extract(hour from ${LONDON})::int`,
    value: (k) => `${k}::text`,
    needs: OccurredPrecision.EXACT,
  },
  POLICE_FORCE: { group: 'i.police_force', value: (k) => k },
  REPORTED_BY: { group: 'i.reported_by', value: (k) => k },
};

/** Whether an incident's time is known exactly enough for every dimension asked for. */
function precisionSql(groupBy: readonly AggregateDimension[]): string {
  const needs = groupBy.map((dimension) => DIMENSIONS[dimension]!.needs);
  if (needs.includes(OccurredPrecision.EXACT)) return `i.occurred_precision = 'EXACT'`;
  if (needs.includes(OccurredPrecision.DAY)) return `i.occurred_precision <> 'MONTH'`;
  return 'true';
}

/** A row of incidentCountsSql: `precise` false rows are the incidents left out for precision. */
export interface IncidentCountRow {
  precise: boolean;
  value1: string | null;
  label1: string | null;
  value2?: string | null;
  label2?: string | null;
  count: number;
  /** The sum of the row's incidents' record keys, for the cell key method. */
  recordKeys: number;
}

/**
 * Incidents counted by one or two dimensions, in one statement: grouped in the database, with
 * names joined to the few grouped rows afterwards. Incidents whose time is known less exactly than
 * a dimension needs come back in rows with `precise` false (their keys mean nothing).
 */
export function incidentCountsSql(
  filter: IncidentFilter,
  groupBy: readonly AggregateDimension[],
): SqlStatement {
  const params = new SqlParams();
  const where = incidentFilterSql(filter, params);
  const dimensions = groupBy.map((dimension) => {
    const sql = DIMENSIONS[dimension];
    if (!sql) throw new Error(`incidentCounts cannot group by ${dimension}`);
    return sql;
  });
  const groups = dimensions.map((sql, index) => `${sql.group} AS k${index + 1}`);
  const outer = dimensions.map((sql, index) => {
    const k = `g.k${index + 1}`;
    const label = sql.label?.(k, `n${index + 1}`);
    return {
      select: `${sql.value(k)} AS value${index + 1}, ${label?.select ?? 'NULL::text'} AS label${index + 1}`,
      join: label?.join ?? '',
      order: `${k} NULLS LAST`,
    };
  });
  const lsoaJoin = dimensions.some((sql) => sql.lsoa)
    ? 'LEFT JOIN lsoa l ON l.code = i.area_code'
    : '';
  const sql = `SELECT g.precise, ${outer.map((o) => o.select).join(', ')}, g.n::int AS count, g.rk::int AS "recordKeys"
FROM (
  SELECT ${precisionSql(groupBy)} AS precise, ${groups.join(', ')}, count(*) AS n, sum(i.record_key) AS rk
  FROM incident i ${lsoaJoin}
  WHERE ${where}
  GROUP BY ${groups.map((_g, index) => index + 2).join(', ')}, 1
) g ${outer.map((o) => o.join).join(' ')}
ORDER BY g.precise DESC, ${outer.map((o) => o.order).join(', ')}`;
  return { sql, params: params.values };
}
