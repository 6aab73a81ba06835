import { SignJWT, type JWTPayload } from 'jose';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { clock, setClock } from '../../src/common/clock';
import { COMMAND_LINE_USER_ID } from '../../src/imports/import-runs';
import { hubClockEnv, resumeTestClock } from '../support/clock';
import {
  builtHub,
  send,
  startHubProcess,
  stopHubProcess,
  type HubProcess,
} from '../support/hub-process';
import {
  makeKey,
  startIdentityProvider,
  type IdentityProvider,
  type IdentityProviderKey,
} from '../support/jwks';
import { privateDatabase } from '../support/test-database';

/*
 * Issue 16, onboarding a new hub: on a database with nothing in it, `npm run admin` creates the
 * first partner and administrator; the administrator adds a partner and a practitioner through
 * the API; the practitioner, signed in by the partnership's identity provider, opens a case.
 */

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

let database: { url: string; drop(): Promise<void> };
let idp: IdentityProvider;
let key: IdentityProviderKey;
let hub: HubProcess | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  database = await privateDatabase({ empty: true });
  idp = await startIdentityProvider();
  key = await makeKey('onboarding-key', 'RS256');
  idp.publish(key);
  env = {
    ...process.env,
    // The production build (npm run test:production) keeps the real clock and production rules.
    ...(builtHub() ? { NODE_ENV: 'production' } : { ...hubClockEnv(), NODE_ENV: 'test' }),
    DATABASE_URL: database.url,
    AUTH_TRUSTED_ISSUERS: idp.trustedIssuers,
    DEMO_DATA: 'false',
  };
  // In production migrating is a release step of its own (MIGRATIONS_ON_START=refuse): the
  // operator runs the built `migrate` first, as docs/operations.md says.
  const built = builtHub();
  if (built) await run(process.execPath, ['dist/src/cli/migrate.js'], { cwd: built, env });
});

afterAll(async () => {
  resumeTestClock();
  await stopHubProcess(hub);
  await idp?.close();
  await database?.drop();
});

/** `npm run admin -- ...args`, as an operator types it: exit code and output. */
function admin(...args: string[]) {
  const built = builtHub();
  return run(
    process.execPath,
    built
      ? ['dist/src/cli/admin.js', ...args]
      : ['-r', 'ts-node/register/transpile-only', 'src/cli/admin.ts', ...args],
    { cwd: built ?? ROOT, env },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A token as the partnership's identity provider issues it: a subject and the organisation claim,
 * nothing the hub's own ids or roles.
 */
function idToken(subject: string, claims: JWTPayload) {
  const now = Math.floor(clock.nowMs() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(idp.issuer)
    .setAudience(idp.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(key.privateKey);
}

describe('npm run admin', () => {
  it('explains its usage and exits non-zero when called without a command or with an unknown one', async () => {
    const bare = await admin();
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('create-administrator');
    const unknown = await admin('make-coffee');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "make-coffee"');
    const missing = await admin('create-partner', '--kind', 'COUNCIL');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--name is required');
  });

  it('onboards a new hub: first administrator from the command line, then a partner and a practitioner through the API, who opens a case; the changes are listed', async () => {
    const partner = await admin(
      'create-partner',
      '--kind',
      'COUNCIL',
      '--name',
      'Riverside Borough Council',
      '--issuer',
      idp.issuer,
      '--claim',
      'org_id',
      '--value',
      'riverside-council',
    );
    expect(partner).toMatchObject({ code: 0 });
    expect(partner.stdout).toMatch(
      /Created partner Riverside Borough Council \(COUNCIL\): [0-9a-f-]{36}/,
    );

    const first = await admin(
      'create-administrator',
      '--partner',
      'Riverside Borough Council',
      '--subject',
      'ada.admin@riverside.example',
      '--name',
      'Ada Admin',
    );
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('Created ADMINISTRATOR Ada Admin');

    // The same subject again is refused with its code, and nothing more is written.
    const again = await admin(
      'create-administrator',
      '--partner',
      'Riverside Borough Council',
      '--subject',
      'ada.admin@riverside.example',
      '--name',
      'Ada Again',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Refused (USER_SUBJECT_TAKEN)');
    const unknownPartner = await admin(
      'create-administrator',
      '--partner',
      'Nowhere Council',
      '--subject',
      'x',
      '--name',
      'X',
    );
    expect(unknownPartner.code).toBe(1);
    expect(unknownPartner.stderr).toContain('Refused (NOT_FOUND)');
    const wrongIssuer = await admin(
      'create-partner',
      '--kind',
      'POLICE',
      '--name',
      'Somewhere Police',
      '--issuer',
      'https://untrusted.example/',
      '--claim',
      'org_id',
      '--value',
      'x',
    );
    expect(wrongIssuer.code).toBe(1);
    expect(wrongIssuer.stderr).toContain('Refused (BAD_USER_INPUT)');

    const listed = await admin('list-users');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('ada.admin@riverside.example');
    expect((await admin('list-partners')).stdout).toContain('org_id=riverside-council');

    // Written by the command line, audited as such.
    const cliAudit = await query<{ subject_type: string; action: string; operation: string }>(
      'select subject_type, action, operation from audit_entry where user_id = $1 order by subject_type',
      [COMMAND_LINE_USER_ID],
    );
    expect(cliAudit.map((row) => `${row.action} ${row.subject_type}`)).toEqual([
      'CREATE Partner',
      'CREATE PartnerIdentity',
      'CREATE User',
    ]);
    expect(cliAudit[0].operation).toMatch(/^npm run admin create-partner/);

    hub = await startHubProcess(database.url, env);
    if (builtHub()) {
      // A production build keeps its own (real) clock: tokens are signed on the hub's time, as
      // its HTTP Date header gives it, not the suite's.
      const answer = await fetch(hub.url.replace('/graphql', '/healthz'));
      setClock(new Date(answer.headers.get('date')!));
    }
    // The administrator signs in with the council's identity provider: no hub ids or roles in it.
    const adminToken = await idToken('ada.admin@riverside.example', {
      org_id: 'riverside-council',
    });
    const created = await send(
      hub,
      adminToken,
      `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id name kind identities { issuer claim value } } }`,
      {
        input: {
          kind: 'POLICE',
          name: 'Riverside Police',
          identities: [{ issuer: idp.issuer, claim: 'org_id', value: 'riverside-police' }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const police = created.data!.createPartner;
    expect(police.identities).toEqual([
      { issuer: idp.issuer, claim: 'org_id', value: 'riverside-police' },
    ]);
    const officer = await send(
      hub,
      adminToken,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id subject role active partner { name } } }`,
      {
        input: {
          partnerId: police.id,
          role: 'PRACTITIONER',
          subject: 'pc.patel@riverside-police.example',
          displayName: 'PC Patel',
        },
      },
    );
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.createUser).toMatchObject({
      subject: 'pc.patel@riverside-police.example',
      role: 'PRACTITIONER',
      active: true,
      partner: { name: 'Riverside Police' },
    });

    // The administrator sees no case data.
    const adminCases = await send(hub, adminToken, '{ cases(first: 5) { totalCount } }', {});
    expect(adminCases.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const practitionerToken = await idToken('pc.patel@riverside-police.example', {
      org_id: 'riverside-police',
    });
    const opened = await send(
      hub,
      practitionerToken,
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id leadPartner { name } } }`,
      { input: { title: 'Noise on Mill Lane', centredOn: 'LOCATION', riskLevel: 'STANDARD' } },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openCase.leadPartner).toEqual({ name: 'Riverside Police' });

    // The council's claim does not make a police officer a council member, nor the reverse.
    const crossed = await send(
      hub,
      await idToken('pc.patel@riverside-police.example', { org_id: 'riverside-council' }),
      '{ me { id } }',
      {},
    );
    expect(crossed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const [adminUser] = await query<{ id: string }>('select id from app_user where username = $1', [
      'ada.admin@riverside.example',
    ]);
    const apiAudit = await query<{ subject_type: string; operation: string }>(
      `select subject_type, operation from audit_entry
        where user_id = $1 and action = 'CREATE' order by subject_type`,
      [adminUser.id],
    );
    expect(apiAudit.map((row) => `${row.subject_type} by ${row.operation}`)).toEqual([
      'Partner by createPartner',
      'PartnerIdentity by createPartner',
      'User by createUser',
    ]);

    // The onboarding changes, the command line’s and the API’s, newest first; reading them
    // is audited too (`npm run admin -- list-changes`, as `onboardingChanges` gives administrators).
    const policeChanges = await admin('list-changes', '--partner', 'Riverside Police');
    expect(policeChanges.code).toBe(0);
    const lines = policeChanges.stdout.trim().split('\n');
    expect(lines[0].split('\t')).toEqual([
      'occurred at',
      'action',
      'record',
      'record id',
      'partner',
      'fields',
      'by',
    ]);
    const rows = lines.slice(1).map((line) => line.split('\t'));
    // createUser came after createPartner: newest first.
    expect(rows[0].slice(1, 3)).toEqual(['CREATE', 'USER']);
    expect(rows.map((row) => `${row[1]} ${row[2]} ${row[4]} by ${row[6]}`).sort()).toEqual([
      'CREATE PARTNER Riverside Police by Ada Admin (ADMINISTRATOR)',
      'CREATE PARTNER_IDENTITY Riverside Police by Ada Admin (ADMINISTRATOR)',
      'CREATE USER Riverside Police by Ada Admin (ADMINISTRATOR)',
    ]);
    expect(rows[0][5].split(',')).toEqual(expect.arrayContaining(['subject', 'role', 'partner']));

    const ada = await admin('list-changes', '--user', 'ada.admin@riverside.example');
    expect(ada.code).toBe(0);
    const adaRows = ada.stdout.trim().split('\n').slice(1);
    expect(adaRows).toHaveLength(1);
    expect(adaRows[0]).toMatch(/\tCREATE\tUSER\t.*\tRiverside Borough Council\t.*\tcommand line$/);

    const reads = await query<{ subject_type: string; operation: string }>(
      `select subject_type, operation from audit_entry where user_id = $1 and action = 'READ'`,
      [COMMAND_LINE_USER_ID],
    );
    expect(reads).toHaveLength(4);
    for (const read of reads) {
      expect(read.subject_type).toBe('OnboardingChange');
      expect(read.operation).toMatch(/^npm run admin list-changes/);
    }
    const nobody = await admin('list-changes', '--user', 'nobody@riverside.example');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Refused (NOT_FOUND)');
  }, 240_000);
});
