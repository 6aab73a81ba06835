import { clock } from '../../src/common/clock';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  isObjectType,
  print,
  TokenKind,
  Lexer,
  Source,
  validate,
  type GraphQLFormattedError,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoUser } from '../../src/demo/demo-directory';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { createErrorFormatter } from '../../src/http/format-error';
import { buildHubSchema } from '../../src/schema';
import { CaseViewDocument } from '../generated/graphql';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { makeKey, startIdentityProvider, type IdentityProvider } from '../support/jwks';

/**
 * The OWASP GraphQL cheat sheet's protections, one block each, against the real hub over HTTP
 * (and graphql-ws where it applies). The list is counted at the end: a protection with no block
 * here fails the suite.
 */
const OWASP_ITEMS = [
  'query depth',
  'query cost',
  'aliases',
  'directives',
  'tokens (query size)',
  'bearer tokens',
  'list caps',
  'batching',
  'introspection in production',
  'field suggestions in production',
  'stack traces',
  'CSRF',
  'request body size',
  'request timeout',
  'rate limit',
] as const;
type OwaspItem = (typeof OWASP_ITEMS)[number];

const covered = new Set<OwaspItem>();
function owasp(item: OwaspItem, body: () => void) {
  covered.add(item);
  describe(item, body);
}

const post = (hub: TestHub, query: string, token: string, variables?: unknown) =>
  hub.post({ query, variables }, { authorization: `Bearer ${token}` });

const errorsOf = (body: { errors?: GraphQLFormattedError[] }) => body.errors ?? [];
const codesOf = (body: { errors?: GraphQLFormattedError[] }) =>
  errorsOf(body).map((error) => error.extensions?.code);

/** Runs one operation over graphql-ws and returns what came back (data or errors). */
async function overWebSocket(hub: TestHub, token: string, query: string) {
  const client = createClient({
    url: `${hub.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise<{ data?: unknown; errors?: GraphQLFormattedError[] }>((resolve) => {
      client.subscribe(
        { query },
        {
          next: (result) => resolve(result as never),
          error: (errors) => resolve({ errors: errors as GraphQLFormattedError[] }),
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** The shared case view's selection, repeated under `copies` aliases. */
function caseViewCopies(copies: number) {
  const text = print(CaseViewDocument);
  const start = text.indexOf('case(id: $id)') + 'case(id: $id)'.length;
  const selection = text.slice(start, text.lastIndexOf('}')).trim();
  const fields = Array.from({ length: copies }, (_, i) => `copy${i}: case(id: $id) ${selection}`);
  return `query ($id: ID!) { ${fields.join(' ')} }`;
}

/** Ten levels: case, its people, each person's cases, their people, ... */
const TEN_DEEP = `query ($id: ID!) { case(id: $id) { people { person { cases { people { person {
  cases { people { person { id } } } } } } } } } }`;

const noDigits = (message: string) => !/\d/.test(message);

describe('OWASP GraphQL cheat sheet', () => {
  let hub: TestHub;
  let member: Member;
  let supervisor: Member;
  let administrator: Member;
  let idp: IdentityProvider;
  let production: TestHub;
  let productionToken: string;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    const partner = await makePartner(em, PartnerKind.POLICE);
    member = await makeMember(em, partner);
    supervisor = await makeMember(em, partner, Role.SUPERVISOR);
    administrator = await makeMember(em, partner, Role.ADMINISTRATOR);

    // A production hub: empty NODE_ENV, trusting only a JWKS issuer on 127.0.0.1.
    idp = await startIdentityProvider();
    const key = await makeKey('prod-1', 'ES256');
    idp.publish(key);
    production = await startTestHub({ NODE_ENV: '', AUTH_TRUSTED_ISSUERS: idp.trustedIssuers });
    expect(production.config.mode).toBe('production');
    productionToken = await idp.sign(member, key);
  });
  afterAll(async () => {
    await hub.close();
    await production.close();
    await idp.close();
  });

  describe('the shared case view', () => {
    it('fits every limit with room to spare, measured as graphql-armor measures it', () => {
      const measured: Record<string, number> = {};
      const measure = (name: string) => ({
        n: Number.MAX_SAFE_INTEGER,
        maxCost: Number.MAX_SAFE_INTEGER,
        propagateOnRejection: false,
        onAccept: [(_: unknown, details: { n: number }) => (measured[name] = details.n)],
      });
      validate(buildHubSchema(), CaseViewDocument, [
        maxDepthRule(measure('depth')),
        costLimitRule(measure('cost')),
      ]);
      const lexer = new Lexer(new Source(print(CaseViewDocument)));
      let tokens = 0;
      while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
      const { limits } = hub.config;
      console.log(
        `case view: depth ${measured.depth} (limit ${limits.maxDepth}), cost ${measured.cost} ` +
          `(limit ${limits.maxCost}), tokens ${tokens} (limit ${limits.maxTokens})`,
      );
      expect(measured.depth + 2).toBeLessThanOrEqual(limits.maxDepth);
      expect(measured.cost * 3).toBeLessThanOrEqual(limits.maxCost);
      expect(tokens * 3).toBeLessThanOrEqual(limits.maxTokens);
    });

    it('is answered for the lead officer of the demo cuckooing case', async () => {
      const user = demoUser('pc.morgan')!;
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const answer = await hub.request(CaseViewDocument, { id: DEMO_IDS.cuckooingCase }, token);
      expect(answer.status).toBe(200);
      expect(codes(answer)).not.toContain('QUERY_TOO_COMPLEX');
      expect(answer.data!.case!.reference).toBe('ASB-2026-0001');
    });
  });

  owasp('query depth', () => {
    it('refuses a query nested ten levels deep, before running it', async () => {
      const { status, body } = await post(hub, TEN_DEEP, member.token, { id: DEMO_IDS.noiseCase });
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors[0].message).toMatch(/nested too deeply.*limit of 8 exceeded, found 10/);
      expect(body.data).toBeUndefined();
    });

    it('does not reveal the depth limit in production', async () => {
      const { status, body } = await post(production, TEN_DEEP, productionToken, { id: 'x' });
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(noDigits(body.errors[0].message)).toBe(true);
    });
  });

  owasp('query cost', () => {
    it('admits three copies of the shared case view in one request (cost 2518)', async () => {
      const { status, body } = await post(hub, caseViewCopies(3), member.token, { id: 'x' });
      expect(status).toBe(200);
      expect(codesOf(body)).not.toContain('QUERY_TOO_COMPLEX');
    });

    /** A page of cases with the people in each: the literal page size multiplies the cost. */
    const pageOfCases = (first: number) =>
      `{ cases(first: ${first}) { totalCount edges { node { id reference title
        people { role person { id givenName familyName } } } } } }`;

    it('admits a page of 20 cases with their people (cost 1317)', async () => {
      const { status, body } = await post(hub, pageOfCases(20), member.token);
      expect(status).toBe(200);
      expect(codesOf(body)).not.toContain('QUERY_TOO_COMPLEX');
    });

    it('refuses a page of 100 cases with their people (cost 6584), before running it', async () => {
      const { status, body } = await post(hub, pageOfCases(100), member.token);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors[0].message).toMatch(/too much at once.*Cost limit of 3000 exceeded/);
    });

    it('does not reveal the cost limit in production', async () => {
      const { body } = await post(production, pageOfCases(100), productionToken);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(noDigits(body.errors[0].message)).toBe(true);
    });
  });

  owasp('aliases', () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `me${i}: me { id }`).join(' ')} }`;

    it('admits fifteen aliases and refuses sixteen', async () => {
      expect((await post(hub, aliased(15), member.token)).status).toBe(200);
      const { status, body } = await post(hub, aliased(16), member.token);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors[0].message).toMatch(/too many aliases/);
    });
  });

  owasp('directives', () => {
    const directed = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`;

    it('admits twenty-five directives and refuses twenty-six', async () => {
      expect((await post(hub, directed(25), member.token)).status).toBe(200);
      const { status, body } = await post(hub, directed(26), member.token);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors[0].message).toMatch(/too many directives/);
    });
  });

  owasp('tokens (query size)', () => {
    const long = `{ me { ${'id '.repeat(1000)}} }`;

    it('refuses a document of more than a thousand tokens, before validating it', async () => {
      const { status, body } = await post(hub, long, member.token);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(body.errors[0].message).toMatch(/too long.*1000 tokens/);
    });

    it('does not reveal the token limit in production', async () => {
      const { status, body } = await post(production, long, productionToken);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(noDigits(body.errors[0].message)).toBe(true);
    });

    it('applies the same limits to operations over graphql-ws', async () => {
      const tooLong = await overWebSocket(hub, member.token, long);
      expect(codesOf(tooLong)).toEqual(['QUERY_TOO_COMPLEX']);
      const tooDeep = await overWebSocket(
        hub,
        member.token,
        TEN_DEEP.replace('query ($id: ID!)', '').replace('$id', `"${DEMO_IDS.noiseCase}"`),
      );
      expect(codesOf(tooDeep)).toEqual(['QUERY_TOO_COMPLEX']);
    });
  });

  owasp('bearer tokens', () => {
    // The full set (issuer, audience, keys, alg none, rotation) is in test/auth.
    it('refuses a token that expired beyond the clock tolerance, on the production hub', async () => {
      const key = await makeKey('prod-2', 'RS256');
      idp.publish(key);
      const late = await idp.sign(member, key, (jwt) =>
        jwt.setIssuedAt(clock.nowMs() / 1000 - 600).setExpirationTime(clock.nowMs() / 1000 - 60),
      );
      const { status, body } = await post(production, '{ me { id } }', late);
      expect(status).toBe(401);
      expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    });

    it('does not trust the demo issuer in production', async () => {
      const { status, body } = await post(production, '{ me { id } }', member.token);
      expect(status).toBe(401);
      expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    });
  });

  owasp('list caps', () => {
    /** Every Int argument named first, last or limit, with a path to it from Query. */
    function pagedFields() {
      const schema = buildHubSchema();
      const found: { path: string[]; argument: string }[] = [];
      const seen = new Set<string>();
      const queue: { type: GraphQLObjectType; path: string[] }[] = [
        { type: schema.getQueryType()!, path: [] },
      ];
      while (queue.length) {
        const { type, path } = queue.shift()!;
        if (seen.has(type.name)) continue;
        seen.add(type.name);
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            const argType = arg.type instanceof GraphQLNonNull ? arg.type.ofType : arg.type;
            if (['first', 'last', 'limit'].includes(arg.name) && argType === GraphQLInt) {
              found.push({ path: [...path, field.name], argument: arg.name });
            }
          }
          const named = getNamedType(field.type);
          const free = field.args.every((arg) => !(arg.type instanceof GraphQLNonNull));
          if (isObjectType(named) && free) queue.push({ type: named, path: [...path, field.name] });
        }
      }
      // Any other field with such an argument must be reachable without arguments, or be added.
      const all = Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .flatMap((type) =>
          Object.values(type.getFields())
            .filter((field) =>
              field.args.some((arg) => ['first', 'last', 'limit'].includes(arg.name)),
            )
            .map((field) => `${type.name}.${field.name}`),
        );
      return { found, all };
    }

    it('caps every page-size argument in the schema at MAX_PAGE_SIZE', async () => {
      const { found, all } = pagedFields();
      expect(found.length).toBe(all.length);
      expect(found.length).toBeGreaterThanOrEqual(5);
      const over = hub.config.maxPageSize + 1;
      for (const { path, argument } of found) {
        const [leaf, ...parents] = [...path].reverse();
        const inner = `${leaf}(${argument}: ${over}) { __typename }`;
        const query = `{ ${parents.reduce((selection, parent) => `${parent} { ${selection} }`, inner)} }`;
        // Each list asked by a role that may read it: a supervisor, or for the administrators'
        // own lists (users) an administrator.
        let { body } = await post(hub, query, supervisor.token);
        if (codesOf(body).join() === 'FORBIDDEN')
          ({ body } = await post(hub, query, administrator.token));
        expect({ query, codes: codesOf(body), field: body.errors?.[0]?.extensions?.field }).toEqual(
          {
            query,
            codes: ['BAD_USER_INPUT'],
            field: argument,
          },
        );
      }
    });
  });

  owasp('batching', () => {
    it('refuses a batch of operations in one HTTP request', async () => {
      const response = await hub.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }], {
        authorization: `Bearer ${member.token}`,
      });
      expect(response.status).toBe(400);
    });
  });

  owasp('introspection in production', () => {
    it.each([
      ['__schema', '{ __schema { queryType { name } } }'],
      ['__type', '{ __type(name: "Case") { fields { name } } }'],
    ])('refuses %s over HTTP', async (_what, query) => {
      const { status, body } = await post(production, query, productionToken);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(body.data).toBeUndefined();
    });

    it('refuses __schema over graphql-ws', async () => {
      const answer = await overWebSocket(
        production,
        productionToken,
        '{ __schema { queryType { name } } }',
      );
      expect(codesOf(answer).length).toBeGreaterThan(0);
      expect(new Set(codesOf(answer))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(answer.data).toBeUndefined();
    });

    it('allows introspection outside production, for developers', async () => {
      const { body } = await post(hub, '{ __schema { queryType { name } } }', member.token);
      expect(body.data.__schema.queryType.name).toBe('Query');
    });

    it('shows no landing page in production', async () => {
      const response = await fetch(`${production.url}/graphql`, {
        headers: { accept: 'text/html' },
      });
      expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(await response.text()).not.toMatch(/<html/i);
    });
  });

  owasp('field suggestions in production', () => {
    const misspelt = '{ me { usernam } }';

    it('suggests nothing over HTTP', async () => {
      const { body } = await post(production, misspelt, productionToken);
      expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(body)).not.toMatch(/Did you mean|username/);
    });

    it('suggests nothing over graphql-ws', async () => {
      const answer = await overWebSocket(production, productionToken, misspelt);
      expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(JSON.stringify(answer)).not.toMatch(/Did you mean|username/);
    });

    it('still suggests outside production, for developers', async () => {
      const { body } = await post(hub, misspelt, member.token);
      expect(body.errors[0].message).toMatch(/Did you mean "username"/);
    });
  });

  owasp('stack traces', () => {
    it('sends no stack trace with any refusal in production', async () => {
      const answers = await Promise.all(
        [
          '{ me { usernam } }',
          '{ me { id ',
          TEN_DEEP,
          `{ case(id: "${DEMO_IDS.cuckooingCase}") { id } }`,
          '{ cases(first: 100000) { totalCount } }',
        ].map((query) => post(production, query, productionToken, { id: 'x' })),
      );
      for (const { body } of answers) {
        expect(errorsOf(body).length).toBeGreaterThan(0);
        for (const error of errorsOf(body))
          expect(error.extensions).not.toHaveProperty('stacktrace');
        expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+|node_modules/);
      }
    });

    it('masks an unexpected failure as "Internal server error"', () => {
      const failure = new Error('relation "asb_case" does not exist');
      const formatted = createErrorFormatter({ exposeLimits: false, hideSuggestions: true })(
        { message: failure.message, path: ['case'], extensions: { stacktrace: [failure.stack] } },
        failure,
      );
      expect(formatted).toEqual({
        message: 'Internal server error',
        path: ['case'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    });
  });

  owasp('CSRF', () => {
    it('refuses a simple cross-site form post (text/plain)', async () => {
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${member.token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(400);
    });

    it('refuses a GET query without a preflight header, and answers one with it', async () => {
      const url = `${hub.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
      const authorization = `Bearer ${member.token}`;
      expect((await fetch(url, { headers: { authorization } })).status).toBe(400);
      const preflighted = await fetch(url, {
        headers: { authorization, 'apollo-require-preflight': 'true' },
      });
      expect(preflighted.status).toBe(200);
    });

    it('never runs a mutation sent by GET', async () => {
      const mutation = encodeURIComponent('mutation { __typename }');
      const response = await fetch(`${hub.url}/graphql?query=${mutation}`, {
        headers: { authorization: `Bearer ${member.token}`, 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(405);
    });
  });

  owasp('request body size', () => {
    it('refuses a body over REQUEST_BODY_LIMIT_KB with PAYLOAD_TOO_LARGE', async () => {
      const small = await startTestHub({ REQUEST_BODY_LIMIT_KB: '1' });
      try {
        const padded = `{ me { id } } # ${'x'.repeat(2048)}`;
        const { status, body } = await post(small, padded, member.token);
        expect(status).toBe(413);
        expect(codesOf(body)).toEqual(['PAYLOAD_TOO_LARGE']);
        expect((await post(small, '{ me { id } }', member.token)).status).toBe(200);
      } finally {
        await small.close();
      }
    });
  });

  owasp('request timeout', () => {
    it('answers REQUEST_TIMEOUT when a real query outruns REQUEST_TIMEOUT_MS', async () => {
      const hasty = await startTestHub({ REQUEST_TIMEOUT_MS: '1' });
      try {
        const user = demoUser('pc.morgan')!;
        const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
        const { status, body } = await hasty.post(
          { query: print(CaseViewDocument), variables: { id: DEMO_IDS.cuckooingCase } },
          { authorization: `Bearer ${token}` },
        );
        expect(status).toBe(503);
        expect(codesOf(body)).toEqual(['REQUEST_TIMEOUT']);
        expect(body.errors[0].message).toMatch(/took longer than the hub allows/);
        expect(body.data).toBeUndefined();
      } finally {
        await hasty.close();
      }
    });

    it('sends no further SQL for the abandoned operation once its time is up', async () => {
      const hasty = await startTestHub({ REQUEST_TIMEOUT_MS: '1' });
      try {
        const user = demoUser('pc.morgan')!;
        const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
        const statements = await hasty.recordStatements(async () => {
          const { status } = await hasty.post(
            { query: print(CaseViewDocument), variables: { id: DEMO_IDS.cuckooingCase } },
            { authorization: `Bearer ${token}` },
          );
          expect(status).toBe(503);
          // Time for the abandoned execution to run on, had it been let.
          await new Promise((resolve) => setTimeout(resolve, 500));
        });
        // The token check and at most the first statement, not the rest of the case view's.
        expect(statements.length).toBeLessThanOrEqual(2);
      } finally {
        await hasty.close();
      }
    });
  });

  owasp('rate limit', () => {
    it('answers RATE_LIMITED with Retry-After once a user spends RATE_LIMIT_PER_MINUTE', async () => {
      const limited = await startTestHub({ RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const em = limited.em();
        const [busy, other] = [
          await makeMember(em, member.partner),
          await makeMember(em, member.partner),
        ];
        for (let i = 0; i < 3; i += 1) {
          expect((await post(limited, '{ me { id } }', busy.token)).status).toBe(200);
        }
        const response = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${busy.token}` },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
        expect(response.status).toBe(429);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const body = (await response.json()) as { errors?: GraphQLFormattedError[] };
        expect(codesOf(body)).toEqual(['RATE_LIMITED']);
        // Per user: a colleague at the same partner is unaffected.
        expect((await post(limited, '{ me { id } }', other.token)).status).toBe(200);
      } finally {
        await limited.close();
      }
    });
  });

  it(`checks each of the ${OWASP_ITEMS.length} OWASP items on the list`, () => {
    expect([...covered].sort()).toEqual([...OWASP_ITEMS].sort());
    console.log(`OWASP GraphQL cheat sheet items checked: ${covered.size}`);
  });
});
