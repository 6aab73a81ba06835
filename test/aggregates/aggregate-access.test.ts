import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { DEMO_USERS } from '../../src/demo/demo-directory';
import { AGGREGATE_QUERIES, AGGREGATE_TYPES } from '../../src/permissions/policy';
import { buildBareSchema } from '../../src/schema';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  CASE_REVIEW_STATISTICS,
  INCIDENT_COUNTS,
  INTERVENTION_IMPACT,
  INTERVENTION_STATISTICS,
  REPEAT_DEMAND,
} from './aggregate-support';

const schema = buildBareSchema();
const PERIOD = { from: '2026-01-01', to: '2027-01-01' };

/** Every aggregate, asked once, and its export. */
const AGGREGATES = [
  {
    name: 'incidentCounts',
    ask: (hub: TestHub, token?: string) =>
      hub.request(
        INCIDENT_COUNTS,
        { filter: PERIOD, groupBy: ['PERIOD_MONTH', 'CATEGORY'] },
        token,
      ),
    csv: '/exports/incident-counts.csv?from=2026-01-01&to=2027-01-01&groupBy=PERIOD_MONTH,CATEGORY',
  },
  {
    name: 'repeatDemand',
    ask: (hub: TestHub, token?: string) =>
      hub.request(REPEAT_DEMAND, { filter: PERIOD, subject: 'VICTIM' }, token),
    csv: '/exports/repeat-demand.csv?from=2026-01-01&to=2027-01-01&subject=VICTIM',
  },
  {
    name: 'interventionImpact',
    ask: (hub: TestHub, token?: string) =>
      hub.request(INTERVENTION_IMPACT, { filter: PERIOD }, token),
    csv: '/exports/intervention-impact.csv?from=2026-01-01&to=2027-01-01&windowDays=30',
  },
  {
    name: 'caseReviewStatistics',
    ask: (hub: TestHub, token?: string) =>
      hub.request(CASE_REVIEW_STATISTICS, { filter: PERIOD }, token),
    csv: '/exports/case-review-statistics.csv?from=2026-01-01&to=2027-01-01',
  },
  {
    name: 'interventionStatistics',
    ask: (hub: TestHub, token?: string) =>
      hub.request(INTERVENTION_STATISTICS, { filter: PERIOD, groupBy: ['PERIOD_MONTH'] }, token),
    csv: '/exports/intervention-statistics.csv?from=2026-01-01&to=2027-01-01&groupBy=PERIOD_MONTH',
  },
];

/** Root fields a BI service account may use: public configuration, itself, and the aggregates. */
const BI_ROOTS = ['me', 'partners', 'areaConfiguration', 'bankHolidays', ...AGGREGATE_QUERIES];

/** A value of any input type that passes GraphQL validation, so the policy is what refuses. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  const scalars: Record<string, unknown> = {
    ID: '00000000-0000-4000-8000-000000000000',
    String: 'x',
    Int: 1,
    Float: 1,
    Boolean: true,
    LocalDate: '2026-01-01',
    DateTimeISO: '2026-01-01T00:00:00.000Z',
  };
  return scalars[getNamedType(type).name];
}

/** An operation calling one root field with every required argument, as variables. */
function operation(
  kind: 'query' | 'mutation',
  name: string,
  field: GraphQLField<unknown, unknown>,
) {
  const required = field.args.filter(
    (arg) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
  const definitions = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
  return {
    query: `${kind}${definitions ? ` (${definitions})` : ''} { ${name}${args ? `(${args})` : ''} ${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

describe('who may read aggregates and their exports', () => {
  let hub: TestHub;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestHub();
    for (const user of DEMO_USERS) {
      tokens[user.username] = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
    }
  });
  afterAll(async () => {
    await hub.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const errorCode = async (response: Response) =>
    ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions
      .code;

  it('refuses an anonymous caller, in GraphQL and at the export URLs', async () => {
    for (const aggregate of AGGREGATES) {
      const response = await aggregate.ask(hub);
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      const csv = await get(aggregate.csv);
      expect(csv.status).toBe(401);
      expect(await errorCode(csv)).toBe('UNAUTHENTICATED');
    }
  });

  it.each(['pc.morgan', 'sgt.davies', 'legal.hughes', 'admin.evans', 'dpo.griffiths'])(
    'refuses %s every aggregate and every export: aggregates are off unless granted',
    async (username) => {
      for (const aggregate of AGGREGATES) {
        const response = await aggregate.ask(hub, tokens[username]);
        expect(codes(response)).toEqual(['FORBIDDEN']);
        expect(response.errors![0].extensions!.field).toBe(`Query.${aggregate.name}`);
        const csv = await get(aggregate.csv, tokens[username]);
        expect(csv.status).toBe(403);
        expect(await errorCode(csv)).toBe('FORBIDDEN');
      }
    },
  );

  it.each(['bi.service', 'analyst.price'])(
    'lets %s read every aggregate and every export',
    async (username) => {
      for (const aggregate of AGGREGATES) {
        const response = await aggregate.ask(hub, tokens[username]);
        expect(response.errors).toBeUndefined();
        expect(Object.values(response.data!)[0]).not.toBeNull();
        const csv = await get(aggregate.csv, tokens[username]);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect((await csv.text()).split('\r\n')[0]).toMatch(
          /^row,.*measure,count,suppressed,summary_count$/,
        );
      }
    },
  );

  it('marks aggregate answers not to be stored, in GraphQL and as CSV', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens['bi.service']}`,
      },
      body: JSON.stringify({
        query:
          '{ caseReviewStatistics(filter: { from: "2026-01-01", to: "2027-01-01" }) { total } }',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await get(AGGREGATES[0].csv, tokens['bi.service']);
    expect(csv.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a BI token every query root about people, cases or records, every list of them and every mutation', async () => {
    const roots = [
      ...Object.entries(schema.getQueryType()!.getFields())
        .filter(([name]) => !BI_ROOTS.includes(name))
        .map(([name, field]) => operation('query', name, field)),
      ...Object.entries(schema.getMutationType()!.getFields()).map(([name, field]) =>
        operation('mutation', name, field),
      ),
      // And the case list under `me`.
      { query: '{ me { cases(first: 5) { totalCount } } }', variables: {} },
    ];
    expect(roots.length).toBeGreaterThan(60);
    const answered: string[] = [];
    for (const root of roots) {
      const response = await hub.post(root, {
        authorization: `Bearer ${tokens['bi.service']}`,
      });
      const found = (response.body.errors ?? []).map(
        (error: { extensions?: { code?: string } }) => error.extensions?.code,
      );
      if (!found.includes('FORBIDDEN')) answered.push(`${root.query} -> ${JSON.stringify(found)}`);
    }
    expect(answered).toEqual([]);
  });

  it('answers aggregates with counts and keys only: no type reachable from them holds a person, a case, an address or an id', () => {
    const reached = new Set<string>();
    const walk = (typeName: string) => {
      if (reached.has(typeName)) return;
      reached.add(typeName);
      const type = schema.getType(typeName);
      if (!isObjectType(type)) return;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        expect(named.name).not.toBe('ID');
        if (isObjectType(named)) walk(named.name);
      }
    };
    for (const name of AGGREGATE_QUERIES) {
      walk(getNamedType(getNullableType(schema.getQueryType()!.getFields()[name].type)).name);
    }
    expect([...reached].sort()).toEqual([...AGGREGATE_TYPES].sort());
  });
});
