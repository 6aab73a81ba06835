import { PersonRole } from '../people/person-role.enum';
import { RepeatSubject } from './aggregate-enums';
import type { IncidentFilter } from './aggregate-filter';
import { incidentFilterSql, SqlParams, type SqlStatement } from './sql-statement';

/**
 * The bands of the distribution, by their lowest count: 2, 3, 4, 5-9, 10+. `exactly`: every
 * subject of the band has that many incidents.
 */
export const REPEAT_BANDS = [
  { band: '2', min: 2, exactly: 2 },
  { band: '3', min: 3, exactly: 3 },
  { band: '4', min: 4, exactly: 4 },
  { band: '5-9', min: 5, exactly: null },
  { band: '10+', min: 10, exactly: null },
] as const;

export interface RepeatDemandRow {
  /** The band's lowest count: 2, 3, 4, 5 or 10. */
  band_min: number;
  subjects: number;
  incidents: number;
  /** The sum of the band's subjects' record keys (people's or places'), for the cell key method. */
  subjectKeys: number;
  /** The sum of the record keys of the incidents counted (once per subject they count for). */
  incidentKeys: number;
}

/**
 * Repeat victims, perpetrators or places among the filtered incidents, as a distribution in one
 * statement: how many subjects had exactly 2, 3, 4, 5 to 9 and 10 or more incidents, and how many
 * incidents those were. Never a subject's id: subjects are grouped, then only bands leave the database.
 */
export function repeatDemandSql(filter: IncidentFilter, subject: RepeatSubject): SqlStatement {
  const params = new SqlParams();
  const where = incidentFilterSql(filter, params);
  const perSubject =
    subject === RepeatSubject.LOCATION
      ? `SELECT i.location_id AS subject, count(*) AS n, sum(i.record_key) AS rk
  FROM incident i
  WHERE ${where} AND i.location_id IS NOT NULL
  GROUP BY i.location_id HAVING count(*) >= 2`
      : `SELECT ip.person_id AS subject, count(*) AS n, sum(i.record_key) AS rk
  FROM incident i JOIN incident_person ip ON ip.incident_id = i.id AND ip.role = ${params.add(
    subject === RepeatSubject.VICTIM ? PersonRole.VICTIM : PersonRole.PERPETRATOR,
  )}
  WHERE ${where}
  GROUP BY ip.person_id HAVING count(*) >= 2`;
  // The subjects' own keys are joined to the few repeat subjects only, after grouping.
  const subjects = subject === RepeatSubject.LOCATION ? 'location' : 'person';
  const sql = `SELECT CASE WHEN s.n >= 10 THEN 10 WHEN s.n >= 5 THEN 5 ELSE s.n END::int AS band_min,
  count(*)::int AS subjects, sum(s.n)::int AS incidents,
  (sum(k.record_key) % 256)::int AS "subjectKeys", (sum(s.rk) % 256)::int AS "incidentKeys"
FROM (
  ${perSubject}
) s JOIN ${subjects} k ON k.id = s.subject
GROUP BY 1 ORDER BY 1`;
  return { sql, params: params.values };
}
