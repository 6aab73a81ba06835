import { PARTICIPATES } from '../permissions/row-access';

/** Rows that parts point at, fetched once for every part that points at them. */
export type Referenced = 'incidents' | 'users' | 'persons' | 'locations' | 'partners';

type Refs = Partial<Record<Referenced, string[]>>;

/**
 * One kind of row the case view reads: a CTE named like the part, whose rows come back under the
 * same name. Each selects exactly what its DataLoader selects (src/<domain>/*.loaders.ts) and is
 * aggregated in the loader's ORDER BY, so grouping its rows by key, in order, gives what each
 * `load` would have answered. A part without `select` is about the case row itself.
 */
interface Part {
  /** The CTE's body; `c` is the case, empty when the viewer's partner does not take part. */
  select?: string;
  /** Parts the body selects from. */
  needs?: PartName[];
  /** The loader's ORDER BY, over the part's rows `t` (and `join`); none when it has no list. */
  order?: string;
  join?: string;
  /** Binds the part's `?` placeholders, in order. */
  params?: (keys: CaseGraphKeys) => string[];
  /** Columns of its rows that point at referenced rows. */
  refs?: Refs;
}

export interface CaseGraphKeys {
  caseId: string;
  /** The viewer's partner: cases are scoped by `PARTICIPATES`, as everywhere else. */
  partnerId: string;
}

const ofCase = (table: string) => `select t.* from ${table} t where t.case_id = (select id from c)`;
const ofPeople = (table: string) =>
  `select t.* from ${table} t where t.person_id in (select person_id from case_people)`;
const below = (table: string, column: string, parent: PartName, parentColumn = 'id') =>
  `select t.* from ${table} t where t.${column} in (select ${parentColumn} from ${parent})`;

export type PartName =
  | 'lead_partner'
  | 'lead_officer'
  | 'case_location'
  | 'case_partners'
  | 'case_people'
  | 'person_cases'
  | 'visible_cases'
  | 'police_records'
  | 'housing_records'
  | 'mental_health_records'
  | 'drug_alcohol_records'
  | 'sharing_bases'
  | 'case_incidents'
  | 'incident_reports'
  | 'incident_people'
  | 'joint_visits'
  | 'visit_attendees'
  | 'visit_people'
  | 'support_offers'
  | 'interventions'
  | 'intervention_partners'
  | 'intervention_breaches'
  | 'decisions'
  | 'decision_incidents';

/** In dependency order: a part's CTE is written after those it selects from. */
const PARTS: Record<PartName, Part> = {
  lead_partner: { refs: { partners: ['lead_partner_id'] } },
  lead_officer: { refs: { users: ['lead_officer_id'] } },
  case_location: { refs: { locations: ['location_id'] } },
  case_partners: {
    select: ofCase('case_partner'),
    order: 't.joined_at asc, t.id asc',
    refs: { partners: ['partner_id'] },
  },
  case_people: {
    select: ofCase('case_person'),
    order: 't.added_at asc, t.id asc',
    refs: { persons: ['person_id'] },
  },
  /** The people's cases that the viewer's partner takes part in: their other cases stay hidden. */
  person_cases: {
    select: `select t.* from case_person t join asb_case oc on oc.id = t.case_id
              where t.person_id in (select person_id from case_people) and ${PARTICIPATES('oc')}`,
    needs: ['case_people'],
    join: 'join asb_case oc on oc.id = t.case_id',
    order: 'oc.opened_at desc, oc.id asc',
    params: (keys) => [keys.partnerId],
  },
  /** Cases of `person_cases`: visible, by the same test. */
  visible_cases: {
    select: 'select oc.* from asb_case oc where oc.id in (select case_id from person_cases)',
    needs: ['person_cases'],
  },
  police_records: {
    select: ofPeople('police_record'),
    needs: ['case_people'],
    order: 't.updated_at desc, t.id asc',
    refs: { partners: ['owner_partner_id'] },
  },
  housing_records: {
    select: ofPeople('housing_record'),
    needs: ['case_people'],
    order: 't.updated_at desc, t.id asc',
    refs: { partners: ['owner_partner_id'], locations: ['property_id'] },
  },
  mental_health_records: {
    select: ofPeople('mental_health_record'),
    needs: ['case_people'],
    order: 't.updated_at desc, t.id asc',
    refs: { partners: ['owner_partner_id'] },
  },
  drug_alcohol_records: {
    select: ofPeople('drug_alcohol_record'),
    needs: ['case_people'],
    order: 't.updated_at desc, t.id asc',
    refs: { partners: ['owner_partner_id'] },
  },
  /** Every basis, in force or not: which are live is decided when they are read, as now. */
  sharing_bases: {
    select: ofPeople('sharing_basis'),
    needs: ['case_people'],
    order: 't.recorded_at asc, t.id asc',
    // Recipients are an array of ids: their partners load by id, as they would without the graph.
    refs: { partners: ['owner_partner_id'], users: ['decided_by_id'] },
  },
  case_incidents: {
    select: ofCase('case_incident'),
    join: 'join incident i on i.id = t.incident_id',
    order: 'i.occurred_at asc, i.id asc',
    refs: { incidents: ['incident_id'] },
  },
  incident_reports: {
    select: below('incident_report', 'incident_id', 'case_incidents', 'incident_id'),
    needs: ['case_incidents'],
    order: 't.reported_at asc, t.id asc',
    refs: { partners: ['partner_id'] },
  },
  incident_people: {
    select: below('incident_person', 'incident_id', 'case_incidents', 'incident_id'),
    needs: ['case_incidents'],
    order: 't.id asc',
    refs: { persons: ['person_id'] },
  },
  joint_visits: {
    select: ofCase('joint_visit'),
    order: 't.visited_at asc, t.id asc',
    refs: { locations: ['location_id'] },
  },
  visit_attendees: {
    select: below('joint_visit_attendee', 'visit_id', 'joint_visits'),
    needs: ['joint_visits'],
    order: 't.id asc',
    refs: { partners: ['partner_id'] },
  },
  visit_people: {
    select: below('joint_visit_person', 'visit_id', 'joint_visits'),
    needs: ['joint_visits'],
    order: 't.id asc',
    refs: { persons: ['person_id'] },
  },
  support_offers: {
    select: ofCase('support_offer'),
    order: 't.offered_at asc, t.id asc',
    refs: { partners: ['offered_by_id'], persons: ['person_id'] },
  },
  interventions: {
    select: ofCase('intervention'),
    order: 't.issued_at asc, t.id asc',
    refs: { persons: ['subject_id'], locations: ['premises_id'] },
  },
  intervention_partners: {
    select: below('intervention_partner', 'intervention_id', 'interventions'),
    needs: ['interventions'],
    order: 't.id asc',
    refs: { partners: ['partner_id'] },
  },
  intervention_breaches: {
    select: below('intervention_breach', 'intervention_id', 'interventions'),
    needs: ['interventions'],
    order: 't.occurred_at asc, t.id asc',
  },
  decisions: {
    select: ofCase('case_review_decision'),
    order: 't.decided_at asc, t.id asc',
    refs: { persons: ['victim_id'], users: ['decided_by_id'] },
  },
  decision_incidents: {
    select: below('case_review_incident', 'decision_id', 'decisions'),
    needs: ['decisions'],
    join: 'join incident i on i.id = t.incident_id',
    order: 'i.occurred_at asc, i.id asc',
    refs: { incidents: ['incident_id'] },
  },
};

/** Referenced rows, each after every kind of row that points at it. */
const REFERENCED: { name: Referenced; table: string; refs?: Refs }[] = [
  { name: 'incidents', table: 'incident', refs: { locations: ['location_id'] } },
  { name: 'users', table: 'app_user', refs: { partners: ['partner_id'] } },
  { name: 'persons', table: 'person' },
  { name: 'locations', table: 'location' },
  { name: 'partners', table: 'partner' },
];

/**
 * ONE statement answering the parts asked for, with everything they point at: a single row whose
 * `case` is the case row (null when it does not exist or the viewer's partner does not take part),
 * and one JSON array of rows, with their column names, per part and per kind of referenced row.
 */
export function caseGraphSql(wanted: Iterable<PartName>, keys: CaseGraphKeys) {
  const parts = new Set<PartName>();
  const add = (name: PartName) => {
    if (parts.has(name)) return;
    PARTS[name].needs?.forEach(add);
    parts.add(name);
  };
  [...wanted].forEach(add);

  const ctes = [`c as (select c.* from asb_case c where c.id = ? and ${PARTICIPATES('c')})`];
  const params: string[] = [keys.caseId, keys.partnerId];
  const columns = ['(select row_to_json(c) from c) as "case"'];
  const pointers = new Map<Referenced, string[]>();
  const point = (source: string, refs: Refs | undefined) => {
    for (const [target, refColumns] of Object.entries(refs ?? {}) as [Referenced, string[]][])
      for (const column of refColumns)
        pointers.set(target, [...(pointers.get(target) ?? []), `select ${column} from ${source}`]);
  };

  // Sorted into declaration order, so every CTE comes after those it selects from.
  for (const name of (Object.keys(PARTS) as PartName[]).filter((part) => parts.has(part))) {
    const part = PARTS[name];
    if (!part.select) {
      point('c', part.refs);
      continue;
    }
    ctes.push(`${name} as (${part.select})`);
    params.push(...(part.params?.(keys) ?? []));
    const order = part.order ? ` order by ${part.order}` : '';
    columns.push(
      `coalesce((select json_agg(t${order}) from ${name} t ${part.join ?? ''}), '[]') as ${name}`,
    );
    point(name, part.refs);
  }
  for (const { name, table, refs } of REFERENCED) {
    const sources = pointers.get(name);
    if (!sources) continue;
    ctes.push(`${name} as (select t.* from ${table} t where t.id in (${sources.join(' union ')}))`);
    columns.push(`coalesce((select json_agg(t) from ${name} t), '[]') as ${name}`);
    point(name, refs);
  }
  const sql = `with ${ctes.join(',\n')}\nselect ${columns.join(',\n  ')}`;
  return { sql, params, name: statementName(sql) };
}

/**
 * Most clients ask for the case view in one or two shapes: each shape's statement is named, so
 * that every pooled connection parses and plans it once, not on every request (planning the whole
 * view costs about as much as running it). Only the first few shapes are named, so that clients
 * asking in ever new shapes cannot fill PostgreSQL's memory with prepared statements.
 */
const MAX_NAMED_SHAPES = 16;
const names = new Map<string, string>();

function statementName(sql: string): string | undefined {
  let name = names.get(sql);
  if (!name && names.size < MAX_NAMED_SHAPES) names.set(sql, (name = `case_graph_${names.size}`));
  return name;
}
