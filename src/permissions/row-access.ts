import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { BatchWaves, membershipLoader } from '../common/batch-loader';
import { isUuid } from '../common/validate';
import { notFound } from '../errors';
import { MATCH_VISIBLE } from '../people/person-matching.sql';

/*
 * Row access: which rows a viewer can reach, in one place. Field policy (src/permissions/policy.ts)
 * says which fields of a row a partner and role may read; this file says which rows they reach at
 * all. Every id a client sends (a query argument, a mutation input, an id in a nested input list)
 * is resolved here, for a batch of ids in one statement, and a row the viewer cannot reach is
 * answered exactly as one that does not exist: NOT_FOUND, with the same message.
 *
 * The rule underneath nearly every kind: a partner reaches what hangs off a case it takes part
 * in (it leads the case or was added to it). docs/permissions.md ("Row access") has the table.
 */

/** SQL condition: the case aliased `alias` is one the viewer's partner takes part in. Binds the partner. */
export const PARTICIPATES = (alias: string) =>
  `exists (select 1 from case_partner scope where scope.case_id = ${alias}.id and scope.partner_id = ?)`;

/** SQL condition: the row aliased `alias` has a `case_id` the viewer's partner takes part in. Binds the partner. */
export const ON_VISIBLE_CASE = (alias: string) =>
  `exists (select 1 from case_partner scope where scope.case_id = ${alias}.case_id and scope.partner_id = ?)`;

/** SQL condition: the viewer's partner attends the meeting aliased `alias`. Binds the partner. */
export const ATTENDS = (alias: string) =>
  `exists (select 1 from meeting_partner scope where scope.meeting_id = ${alias}.id and scope.partner_id = ?)`;

/**
 * SQL condition on the hub event aliased `alias`: the viewer's partner takes part in its case and,
 * when the event names an audience partner, is that partner. Binds the partner twice.
 */
export const MAY_HEAR = (alias: string) =>
  `${ON_VISIBLE_CASE(alias)}
   and (${alias}.audience_partner_id is null or ${alias}.audience_partner_id = ?)`;

/** The cases the viewer's partner takes part in, as a subquery. Binds the partner. */
const VIEWER_CASES = 'select case_id from case_partner where partner_id = ?';

interface RowKindAccess {
  /** The word the NOT_FOUND message uses ("No location with id ... that you can see"). */
  what: string;
  /** Who reaches a row of this kind, for docs/permissions.md. */
  rule: string;
  /**
   * One statement answering which of the ids (bound as `ids`, a list) the viewer reaches, as
   * rows of `id`. `?` placeholders bind, in order: the ids, then the viewer's partner as often
   * as `partnerBinds` says.
   */
  sql: string;
  partnerBinds: number;
}

/**
 * Every partner record of the four kinds, as rows of `id`, `kind`, `owner_partner_id` and
 * `person_id`: what an id naming "a partner record" is looked up in.
 */
export const PARTNER_RECORDS = `(
  select id, 'POLICE' as kind, owner_partner_id, person_id from police_record
  union all select id, 'HOUSING', owner_partner_id, person_id from housing_record
  union all select id, 'MENTAL_HEALTH', owner_partner_id, person_id from mental_health_record
  union all select id, 'DRUG_ALCOHOL', owner_partner_id, person_id from drug_alcohol_record)`;

/** Rows anyone signed in may name: the area's directory and configuration. */
const everyRow = (table: string, what: string, rule: string): RowKindAccess => ({
  what,
  rule,
  sql: `select id from ${table} where id in (?)`,
  partnerBinds: 0,
});

/** Rows hanging off a case by their `case_id`. */
const onCase = (table: string, what: string, rule: string): RowKindAccess => ({
  what,
  rule,
  sql: `select id from ${table} where id in (?) and case_id in (${VIEWER_CASES})`,
  partnerBinds: 1,
});

export const ROW_KINDS = {
  case: {
    what: 'case',
    rule: 'cases the partner leads or takes part in',
    sql: `select id from asb_case where id in (?) and id in (${VIEWER_CASES})`,
    partnerBinds: 1,
  },
  person: {
    what: 'person',
    rule: 'people in a case the partner takes part in',
    sql: `select distinct person_id as id from case_person
           where person_id in (?) and case_id in (${VIEWER_CASES})`,
    partnerBinds: 1,
  },
  location: {
    what: 'location',
    rule: 'places a case the partner takes part in centres on, or where one of its incidents, joint visits or interventions (premises) took place; places of incidents the partner recorded itself (imports too)',
    sql: `select l.id from location l
           where l.id in (?)
             and (exists (select 1 from asb_case c
                           where c.location_id = l.id and c.id in (${VIEWER_CASES}))
               or exists (select 1 from incident i join case_incident ci on ci.incident_id = i.id
                           where i.location_id = l.id and ci.case_id in (${VIEWER_CASES}))
               or exists (select 1 from joint_visit v
                           where v.location_id = l.id and v.case_id in (${VIEWER_CASES}))
               or exists (select 1 from intervention n
                           where n.premises_id = l.id and n.case_id in (${VIEWER_CASES}))
               or exists (select 1 from incident i
                           where i.location_id = l.id and i.recorded_by_partner_id = ?))`,
    partnerBinds: 5,
  },
  incident: {
    what: 'incident',
    rule: 'incidents on a case the partner takes part in',
    sql: `select distinct incident_id as id from case_incident
           where incident_id in (?) and case_id in (${VIEWER_CASES})`,
    partnerBinds: 1,
  },
  intervention: onCase(
    'intervention',
    'intervention',
    'interventions on a case the partner takes part in',
  ),
  caseReviewApplication: onCase(
    'case_review_application',
    'case review application',
    'applications about a case the partner takes part in',
  ),
  caseReviewAlert: onCase(
    'case_review_alert',
    'case review alert',
    'alerts raised on a case the partner takes part in',
  ),
  action: onCase('action', 'action', 'actions on a case the partner takes part in'),
  partnerDataRequest: onCase(
    'osara_partner_request',
    'partner data request',
    'requests for data on a case the partner takes part in',
  ),
  jointVisit: onCase('joint_visit', 'joint visit', 'visits on a case the partner takes part in'),
  supportOffer: onCase(
    'support_offer',
    'support offer',
    'support offered on a case the partner takes part in',
  ),
  // A possible or confirmed match of two person records (docs/rules.md "One person across partners").
  personMatch: {
    what: 'person match',
    rule: "matches whose earlier record is in a case the partner takes part in; whose new record is, only when the earlier record's lead partner allows being named",
    sql: `select l.id from person_link l where l.id in (?) and ${MATCH_VISIBLE('l')}`,
    partnerBinds: 2,
  },
  meeting: {
    what: 'meeting',
    rule: 'meetings the partner attends',
    sql: 'select meeting_id as id from meeting_partner where meeting_id in (?) and partner_id = ?',
    partnerBinds: 1,
  },
  sharingBasis: {
    what: 'sharing basis',
    rule: "the partner's own bases, and those that name it as a recipient",
    sql: `select b.id from sharing_basis b
           where b.id in (?)
             and (b.owner_partner_id = ? or ?::uuid = any (b.recipient_partner_ids))`,
    partnerBinds: 2,
  },
  // A partner names its own records only (to give them in answer to an OSARA data request): another
  // partner's record is hidden even when the viewer may read some of its fields.
  ownPartnerRecord: {
    what: 'partner record',
    rule: "the partner's own partner records, about people in a case it takes part in",
    sql: `select r.id from ${PARTNER_RECORDS} r
           where r.id in (?) and r.owner_partner_id = ?
             and r.person_id in (select person_id from case_person where case_id in (${VIEWER_CASES}))`,
    partnerBinds: 2,
  },
  importRun: {
    what: 'import run',
    rule: "the partner's own imports",
    sql: 'select id from import_run where id in (?) and partner_id = ?',
    partnerBinds: 1,
  },
  // The area's directory: any signed-in member may name any partner or officer (to invite a
  // partner to a case, to choose a chair); what a write may do with one is its own rule.
  partner: everyRow('partner', 'partner', 'every partner in the area (the directory)'),
  user: everyRow('app_user', 'user', 'every officer in the area (the directory)'),
  letterTemplate: everyRow(
    'letter_template',
    'letter template',
    "the area's letter templates (configuration, not personal data)",
  ),
  // Subject access is the data protection officer's, area-wide (a person asks for everything
  // held about them); the role check before the look-up refuses everyone else.
  subjectAccessRequest: everyRow(
    'subject_access_request',
    'subject access request',
    'area-wide, for the data protection officer (other roles are refused before the look-up)',
  ),
} satisfies Record<string, RowKindAccess>;

export type RowKind = keyof typeof ROW_KINDS;

interface Asker {
  em: EntityManager;
  viewer: Viewer;
}

/** Which of `ids` the viewer reaches, in one statement; a malformed id is simply not reached. */
export async function reachableIds(
  { em, viewer }: Asker,
  kind: RowKind,
  ids: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  const access: RowKindAccess = ROW_KINDS[kind];
  // em.execute runs in the write's own transaction, so rows it created are reached too.
  const rows = await em.execute<{ id: string }[]>(access.sql, [
    wanted,
    ...Array<string>(access.partnerBinds).fill(viewer.partnerId),
  ]);
  return new Set(rows.map((row) => row.id));
}

/**
 * The ids, normalised, if the viewer reaches every one; otherwise the NOT_FOUND a missing id
 * gets, naming the first id (in the order given) that is missing, hidden or malformed.
 */
export async function requireRows(
  asker: Asker,
  kind: RowKind,
  ids: readonly string[],
): Promise<string[]> {
  const reached = await reachableIds(asker, kind, ids);
  const normalised = ids.map((id) => id.toLowerCase());
  const first = normalised.findIndex((id) => !reached.has(id));
  if (first >= 0) throw notFound(ROW_KINDS[kind].what, ids[first]);
  return normalised;
}

/** `requireRows` for one id. */
export async function requireRow(asker: Asker, kind: RowKind, id: string): Promise<string> {
  const [reached] = await requireRows(asker, kind, [id]);
  return reached;
}

/** `requireRow` for an id a client may leave out. */
export const requireOptionalRow = (asker: Asker, kind: RowKind, id: string | null | undefined) =>
  id === null || id === undefined ? Promise.resolve(null) : requireRow(asker, kind, id);

/** Everything above under one name: `rowAccess.require(ctx, 'location', ids)`. */
export const rowAccess = {
  reachable: reachableIds,
  require: requireRows,
  requireOne: requireRow,
  requireOptional: requireOptionalRow,
};

/**
 * Per-request batch loaders for field resolvers asking the same question of many rows at once
 * (is this person in a case I take part in?): one statement per wave, whatever the answer's size.
 */
export function rowAccessLoaders(em: EntityManager, waves: BatchWaves, viewer: Viewer) {
  const connection = em.getConnection();
  const loader = (kind: RowKind) =>
    membershipLoader(waves, async (ids) => {
      const access: RowKindAccess = ROW_KINDS[kind];
      const rows = await connection.execute<{ id: string }[]>(access.sql, [
        ids,
        ...Array<string>(access.partnerBinds).fill(viewer.partnerId),
      ]);
      return rows.map((row) => row.id);
    });
  return { personVisible: loader('person') };
}

export type RowAccessLoaders = ReturnType<typeof rowAccessLoaders>;
