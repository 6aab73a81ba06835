import {
  getNamedType,
  isObjectType,
  isNonNullType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { DEMO_PARTNERS, DEMO_USERS } from '../../src/demo/demo-directory';
import { mayEverRead } from '../../src/permissions/decide';
import { policy } from '../../src/permissions/policy';
import { buildBareSchema } from '../../src/schema';
import { startTestHub, type TestHub } from '../support/hub';

/*
 * The leak suite. For every demo user, every field the sharing policy never grants them is
 * reached by every path the schema offers from the query roots (up to a depth), over the demo
 * story, and must never come back with a value. Separately, each partner's owner-only secrets
 * (clinical notes, treatment detail, police intelligence, housing officer notes) must never appear
 * anywhere in another partner's answers, whatever the path.
 */

const schema = buildBareSchema();
const MAX_HOPS = 5;
const PATHS_PER_TYPE = 12;
const PATHS_PER_REQUEST = 10;

/** Root fields with the arguments that reach the demo story. */
const ROOTS: Record<string, string> = {
  case: `(id: "${DEMO_IDS.cuckooingCase}")`,
  person: `(id: "${DEMO_IDS.seren}")`,
  cases: '(first: 50)',
  me: '',
  caseReviewAlerts: '',
  caseReviewApplications: `(caseId: "${DEMO_IDS.cuckooingCase}")`,
  notifications: '(first: 20)',
  outstandingActions: '',
  overdueCaseReviewApplications: '',
  meeting: `(id: "${DEMO_IDS.meeting}")`,
  nextMeeting: '',
  meetingPack: `(meetingId: "${DEMO_IDS.meeting}", audience: WHOLE_MEETING)`,
  // Aggregates share one answer type: refused roles must get nothing of it either.
  incidentCounts: '(filter: { from: "2026-01-01", to: "2027-01-01" }, groupBy: [CATEGORY])',
  importRuns: '(first: 20)',
};

/** Owner-only markers in the demo records, by the kind of partner that owns them. */
const SECRETS: Record<string, string> = {
  MENTAL_HEALTH: 'CLINICAL-NOTE',
  DRUG_ALCOHOL: 'TREATMENT-DETAIL',
  POLICE: 'POLICE-INTEL',
  HOUSING: 'HOUSING-NOTE',
};

type Path = { root: string; fields: string[]; type: GraphQLObjectType };

const RECORD_TYPES = ['PoliceRecord', 'HousingRecord', 'MentalHealthRecord', 'DrugAlcoholRecord'];

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** Every path from the roots to each object type, shortest first, without repeating a field. */
function pathsByType(): Map<string, Path[]> {
  const found = new Map<string, Path[]>();
  const queryType = schema.getQueryType()!;
  const queue: (Path & { seen: Set<string> })[] = Object.keys(ROOTS)
    .filter((root) => queryType.getFields()[root])
    .flatMap((root) => {
      const type = getNamedType(queryType.getFields()[root].type);
      return isObjectType(type)
        ? [{ root, fields: [], type, seen: new Set([`Query.${root}`]) }]
        : [];
    });
  while (queue.length) {
    const path = queue.shift()!;
    const list = found.get(path.type.name) ?? [];
    if (list.length < PATHS_PER_TYPE) list.push(path);
    found.set(path.type.name, list);
    if (path.fields.length >= MAX_HOPS) continue;
    for (const [name, field] of Object.entries(path.type.getFields())) {
      const next = getNamedType(field.type);
      const coordinate = `${path.type.name}.${name}`;
      if (!isObjectType(next) || hasRequiredArgs(field) || path.seen.has(coordinate)) continue;
      queue.push({
        root: path.root,
        fields: [...path.fields, name],
        type: next,
        seen: new Set([...path.seen, coordinate]),
      });
    }
  }
  return found;
}

/** The selection for `fields` of `type`: objects answer __typename, so any value shows. */
function selection(type: GraphQLObjectType, fields: string[]) {
  return fields
    .map((name) =>
      isObjectType(getNamedType(type.getFields()[name].type)) ? `${name} { __typename }` : name,
    )
    .join(' ');
}

function query(paths: { path: Path; fields: string[] }[]) {
  const parts = paths.map(({ path, fields }, i) => {
    const open = path.fields.map((name) => `${name} {`).join(' ');
    const close = path.fields.map(() => '}').join(' ');
    const tail = path.fields.length
      ? `${open} __typename ${selection(path.type, fields)} ${close}`
      : `__typename ${selection(path.type, fields)}`;
    return `p${i}: ${path.root}${ROOTS[path.root]} { ${tail} }`;
  });
  return `{ ${parts.join('\n')} }`;
}

/** Every value found at `path` (through lists) and then at `field`. */
function valuesAt(data: unknown, fields: string[], field: string): unknown[] {
  let level: unknown[] = [data];
  for (const name of [...fields, field]) {
    level = level
      .flatMap((node) => (Array.isArray(node) ? node : [node]))
      .filter((node): node is Record<string, unknown> => node !== null && typeof node === 'object')
      .map((node) => node[name]);
  }
  return level.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

describe('the leak suite: restricted fields by every path, for every demo user', () => {
  let hub: TestHub;
  const paths = pathsByType();
  const totals = { paths: 0, fieldChecks: 0, requests: 0, secretChecks: 0 };

  beforeAll(async () => {
    // This suite tests the permission layer, not the query limits (test/http covers those): it
    // sends ten deep paths per request, so its hub admits larger operations.
    hub = await startTestHub({
      MAX_QUERY_TOKENS: '100000',
      MAX_QUERY_COST: '1000000',
      MAX_QUERY_ALIASES: '100',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
  });
  afterAll(async () => {
    console.log(
      `leak suite: ${totals.paths} paths tried, ${totals.fieldChecks} restricted field checks, ${totals.secretChecks} owner-secret checks, ${totals.requests} requests`,
    );
    await hub.close();
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    '%s gets no value of a field the policy never grants them, by any path',
    async (_name, user) => {
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const viewer = {
        partnerKind: DEMO_PARTNERS[user.partner].kind,
        role: user.role,
        partnerId: partnerIdOf(user),
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
      };
      const work: { path: Path; fields: string[]; restricted: string[] }[] = [];
      for (const [typeName, typePaths] of paths) {
        const typePolicy = policy[typeName];
        const restricted = Object.keys(typePolicy.fields).filter(
          (field) => !mayEverRead(typePolicy.fields[field], viewer),
        );
        // Partner records are also read whole, so owner-only values get every chance to show.
        const fields = RECORD_TYPES.includes(typeName)
          ? Object.keys(typePolicy.fields)
          : restricted;
        if (fields.length === 0) continue;
        for (const path of typePaths) work.push({ path, fields, restricted });
      }
      const leaks: string[] = [];
      for (let i = 0; i < work.length; i += PATHS_PER_REQUEST) {
        const batch = work.slice(i, i + PATHS_PER_REQUEST);
        const response = await hub.post(
          { query: query(batch) },
          { authorization: `Bearer ${token}` },
        );
        totals.requests += 1;
        expect(response.status).toBe(200);
        const unexpected = (response.body.errors ?? []).filter(
          (error: { extensions?: { code?: string } }) =>
            !['FORBIDDEN', 'NOT_FOUND'].includes(String(error.extensions?.code)),
        );
        expect(unexpected).toEqual([]);
        batch.forEach(({ path, restricted }, j) => {
          totals.paths += 1;
          for (const field of restricted) {
            totals.fieldChecks += 1;
            const values = valuesAt(response.body.data?.[`p${j}`], path.fields, field).filter(
              (value) => value !== null && value !== undefined,
            );
            if (values.length)
              leaks.push(
                `${path.root}.${[...path.fields, field].join('.')} = ${JSON.stringify(values[0])}`,
              );
          }
        });
        const text = JSON.stringify(response.body);
        for (const [owner, secret] of Object.entries(SECRETS)) {
          if (owner === viewer.partnerKind) continue;
          totals.secretChecks += 1;
          if (text.includes(secret)) leaks.push(`${secret} reached ${user.username}`);
        }
      }
      expect(leaks).toEqual([]);
    },
  );
});

/** Each case filter with a value that matches the demo cuckooing case, and the Case field it reveals. */
const FILTERS: [string, Record<string, unknown>][] = [
  ['status', { status: 'OPEN' }],
  ['riskLevel', { riskLevel: 'HIGH' }],
  ['leadPartner', { leadPartnerId: DEMO_PARTNERS.police.id }],
  ['people', { personId: DEMO_IDS.seren }],
  ['openedAt', { openedAfter: '2026-01-01T00:00:00Z' }],
  ['title', { search: 'Cuckooing' }],
];
const ORDERS = ['OPENED_AT_DESC', 'OPENED_AT_ASC', 'RISK_LEVEL_DESC', 'REFERENCE_ASC'];
const CASE_LIST = `query ($filter: CaseFilter, $orderBy: CaseOrder!) {
  cases(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id } } }
}`;

describe('the leak suite: filters, sort orders and counts, for every demo user', () => {
  let hub: TestHub;
  let tried = 0;
  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    console.log(`leak suite: ${tried} filter and sort combinations tried`);
    await hub.close();
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    '%s can filter, sort and count only by fields they may read, and only over cases their partner takes part in',
    async (_name, user) => {
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const viewer = {
        partnerKind: DEMO_PARTNERS[user.partner].kind,
        role: user.role,
        partnerId: partnerIdOf(user),
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
      };
      const em = hub.em();
      const visible = new Set(
        (
          await em
            .getConnection()
            .execute<
              { case_id: string }[]
            >('select case_id from case_partner where partner_id = ?', [partnerIdOf(user)])
        ).map((row) => row.case_id),
      );
      const mayList = mayEverRead(policy.Query.fields.cases, viewer);
      for (const [field, filter] of [['', {}] as [string, Record<string, unknown>], ...FILTERS]) {
        for (const orderBy of ORDERS) {
          tried += 1;
          const response = await hub.post(
            { query: CASE_LIST, variables: { filter, orderBy } },
            { authorization: `Bearer ${token}` },
          );
          const codes = (response.body.errors ?? []).map(
            (error: { extensions?: { code?: string } }) => error.extensions?.code,
          );
          const orderFields = orderBy.startsWith('OPENED')
            ? ['openedAt']
            : orderBy.startsWith('RISK')
              ? ['riskLevel', 'openedAt']
              : ['reference'];
          const allowed =
            mayList &&
            [field, ...orderFields]
              .filter(Boolean)
              .every((f) => mayEverRead(policy.Case.fields[f], viewer));
          if (!allowed) {
            expect({ field, orderBy, codes, data: response.body.data?.cases ?? null }).toEqual({
              field,
              orderBy,
              codes: ['FORBIDDEN'],
              data: null,
            });
            continue;
          }
          const ids: string[] = response.body.data.cases.edges.map(
            (edge: { node: { id: string } }) => edge.node.id,
          );
          expect(ids.filter((id) => !visible.has(id))).toEqual([]);
          expect(response.body.data.cases.totalCount).toBe(ids.length);
        }
      }
    },
  );
});
