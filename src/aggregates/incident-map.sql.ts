import type { IncidentFilter } from './aggregate-filter';
import { incidentFilterSql, SqlParams, type SqlStatement } from './sql-statement';

/** What a hotspot map counts incidents by. */
export type MapPoint = 'lsoa' | 'place';

/**
 * A row of incidentMapSql: one LSOA or one map point with its incidents' count and key sum, or
 * (`mapped` false) the filtered incidents the map cannot place.
 */
export interface IncidentMapRow {
  mapped: boolean;
  code: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  count: number;
  recordKeys: number;
}

/**
 * Incidents counted by LSOA or by map point, in one statement. A map point is a public place's
 * coordinates (data.police.uk's anonymised snap points, "On or near ..."): an address is never a
 * point on the map, and its incidents are counted as not mapped. An LSOA is drawn at the mean of
 * the public places the hub knows in it, whatever the filter, so that the point says nothing
 * about the incidents counted.
 */
export function incidentMapSql(filter: IncidentFilter, by: MapPoint): SqlStatement {
  const params = new SqlParams();
  const where = incidentFilterSql(filter, params);
  const sql =
    by === 'lsoa'
      ? `SELECT g.mapped, g.code, n.name, c.latitude, c.longitude, g.n::int AS count, g.rk::int AS "recordKeys"
FROM (
  SELECT i.area_code IS NOT NULL AS mapped, i.area_code AS code, count(*) AS n, sum(i.record_key) AS rk
  FROM incident i WHERE ${where}
  GROUP BY 1, 2
) g
LEFT JOIN lsoa n ON n.code = g.code
LEFT JOIN LATERAL (
  SELECT avg(l.latitude) AS latitude, avg(l.longitude) AS longitude FROM location l
  WHERE g.mapped AND l.lsoa_code = g.code AND l.kind = 'PUBLIC_PLACE' AND l.latitude IS NOT NULL
) c ON true
ORDER BY g.mapped DESC, g.code`
      : `SELECT g.mapped, NULL::text AS code, NULL::text AS name, g.latitude, g.longitude,
  g.n::int AS count, g.rk::int AS "recordKeys"
FROM (
  SELECT p.latitude IS NOT NULL AS mapped, p.latitude, p.longitude, count(*) AS n, sum(i.record_key) AS rk
  FROM incident i
  LEFT JOIN location p ON p.id = i.location_id AND p.kind = 'PUBLIC_PLACE' AND p.longitude IS NOT NULL
  WHERE ${where}
  GROUP BY 1, 2, 3
) g
ORDER BY g.mapped DESC, g.latitude, g.longitude`;
  return { sql, params: params.values };
}
