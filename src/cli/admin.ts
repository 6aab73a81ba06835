import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AuditAction } from '../audit/audit-action.enum';
import { AuditTrail } from '../audit/audit-trail';
import { listOnboardingChanges } from '../audit/onboarding-changes';
import { auditedWrite } from '../audit/write-audit';
import type { Viewer } from '../auth/viewer';
import { setClock } from '../common/clock';
import { isUuid } from '../common/validate';
import { ConfigError, loadConfig, type HubConfig } from '../config';
import { openDatabase } from '../db/database';
import { prepareDatabase } from '../db/start-up';
import { HubError } from '../errors';
import { COMMAND_LINE_USER_ID } from '../imports/import-runs';
import { PartnerKind } from '../partners/partner-kind.enum';
import { PartnerIdentity } from '../partners/partner-identity.entity';
import { Partner } from '../partners/partner.entity';
import { createPartner } from '../partners/partner.service';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';
import { createUser, deactivateUser } from '../users/user.service';

const USAGE = `Usage: npm run admin -- <command> [options]
   (from a built hub: node dist/src/cli/admin.js <command> [options])

  create-partner --kind <kind> --name <name> [--issuer <iss> --claim <claim> --value <value>]
      A partner, and optionally the identity-provider claim that maps its staff's tokens to it
      (a token from <iss> whose <claim> is <value>). Kinds: ${Object.values(PartnerKind).join(', ')}.
  create-administrator --partner <id or exact name> --subject <sub> --name <display name> [--email <e>]
      The hub's first administrator (then partners and users are added through the API).
  create-user --partner <p> --role <role> --subject <sub> --name <display name> [--email <e>]
      Any user. Roles: ${Object.values(Role).join(', ')}.
  deactivate-user --subject <sub>
      Stops a user signing in, at once.
  list-partners
  list-users [--partner <p>]
  list-changes [--partner <p>] [--user <subject or id>] [--first <n>]
      The audited changes to partners, their claims and users, newest first (as the
      onboardingChanges query gives administrators); reading them is audited.

  --purpose <text>   why, for the audit (changes are audited as the command line)

Uses DATABASE_URL (or the embedded database of a running hub), and applies pending migrations as
a starting hub would (MIGRATIONS_ON_START). Docs: docs/operations.md "Onboarding a partnership".`;

const COMMANDS = [
  'create-partner',
  'create-administrator',
  'create-user',
  'deactivate-user',
  'list-partners',
  'list-users',
  'list-changes',
];

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value;
}

/** The command line acts as an administrator of no partner; the audit names it as such. */
function commandLineAdministrator(): Viewer {
  return {
    userId: COMMAND_LINE_USER_ID,
    username: 'command line',
    displayName: 'Command line operator',
    partnerId: COMMAND_LINE_USER_ID,
    partnerKind: PartnerKind.OTHER,
    role: Role.ADMINISTRATOR,
  };
}

async function findPartner(em: EntityManager, partner: string): Promise<Partner> {
  const found = await em.findOne(
    Partner,
    isUuid(partner) ? { id: partner.toLowerCase() } : { name: partner },
  );
  if (!found) {
    throw new HubError(
      'NOT_FOUND',
      `No partner has the id or exact name ${JSON.stringify(partner)}`,
    );
  }
  return found;
}

const table = (rows: string[][]) => rows.map((row) => row.join('\t')).join('\n');

async function run(
  command: string,
  values: Values,
  em: EntityManager,
  config: HubConfig,
): Promise<string> {
  const operator = commandLineAdministrator();
  const trail = new AuditTrail(
    config.auditEnabled,
    randomUUID(),
    operator,
    typeof values.purpose === 'string' ? values.purpose : null,
  );
  trail.operation = `npm run admin ${command} (${os.userInfo().username}@${os.hostname()})`;
  // One transaction per command, its audit rows inside it, as a mutation's are.
  const write = <T>(work: (em: EntityManager) => Promise<T>) =>
    em.transactional((tx) => auditedWrite(tx as EntityManager, trail, work));
  const trusted = config.trustedIssuers.map((issuer) => issuer.issuer);

  switch (command) {
    case 'create-partner': {
      const kind = required(values, 'kind').toUpperCase() as PartnerKind;
      const identity = ['issuer', 'claim', 'value'].filter((name) => values[name] !== undefined);
      if (identity.length !== 0 && identity.length !== 3) {
        throw new UsageError('--issuer, --claim and --value go together');
      }
      const partner = await write((tx) =>
        createPartner(
          tx,
          {
            kind,
            name: required(values, 'name'),
            identities: identity.length
              ? [
                  {
                    issuer: required(values, 'issuer'),
                    claim: required(values, 'claim'),
                    value: required(values, 'value'),
                  },
                ]
              : [],
          },
          trusted,
        ),
      );
      return `Created partner ${partner.name} (${partner.kind}): ${partner.id}`;
    }
    case 'create-administrator':
    case 'create-user': {
      const role = (
        command === 'create-administrator' ? Role.ADMINISTRATOR : required(values, 'role')
      ).toUpperCase() as Role;
      const user = await write(async (tx) => {
        const partner = await findPartner(tx, required(values, 'partner'));
        return createUser(tx, partner.id, {
          role,
          subject: required(values, 'subject'),
          displayName: required(values, 'name'),
          email: typeof values.email === 'string' ? values.email : null,
        });
      });
      return `Created ${user.role} ${user.displayName} (subject ${user.username}): ${user.id}`;
    }
    case 'deactivate-user': {
      const subject = required(values, 'subject');
      const user = await write(async (tx) => {
        const found = await tx.findOne(User, { username: subject });
        if (!found) throw new HubError('NOT_FOUND', `No user has the subject ${subject}`);
        return deactivateUser(tx, operator, found.id);
      });
      return `Deactivated ${user.displayName} (subject ${user.username})`;
    }
    case 'list-partners': {
      const partners = await em.find(Partner, {}, { orderBy: { name: 'asc' } });
      const identities = await em.find(PartnerIdentity, {}, { orderBy: { issuer: 'asc' } });
      return table([
        ['id', 'kind', 'name', 'identity claims'],
        ...partners.map((partner) => [
          partner.id,
          partner.kind,
          partner.name,
          identities
            .filter((identity) => identity.partner.id === partner.id)
            .map((identity) => `${identity.claim}=${identity.value} from ${identity.issuer}`)
            .join('; '),
        ]),
      ]);
    }
    case 'list-users': {
      const partner =
        typeof values.partner === 'string' ? await findPartner(em, values.partner) : null;
      const users = await em.find(User, partner ? { partner } : {}, {
        populate: ['partner'],
        orderBy: { partner: { name: 'asc' }, displayName: 'asc' },
      });
      return table([
        ['id', 'partner', 'role', 'subject', 'name', 'active'],
        ...users.map((user) => [
          user.id,
          user.partner.name,
          user.role,
          user.username,
          user.displayName,
          user.active ? 'yes' : 'no',
        ]),
      ]);
    }
    case 'list-changes':
      return listChanges(em, values, operator, trail, config);
    default:
      throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
  }
}

/** The columns `list-changes` prints, by the names `onboardingChanges` gives them (audited). */
const CHANGE_COLUMNS = ['occurredAt', 'action', 'record', 'recordId', 'partner', 'fields', 'actor'];

async function listChanges(
  em: EntityManager,
  values: Values,
  operator: Viewer,
  trail: AuditTrail,
  config: HubConfig,
): Promise<string> {
  const partner = typeof values.partner === 'string' ? await findPartner(em, values.partner) : null;
  let user: User | null = null;
  if (typeof values.user === 'string') {
    const named = values.user;
    user = await em.findOne(
      User,
      isUuid(named) ? { id: named.toLowerCase() } : { username: named },
    );
    if (!user) throw new HubError('NOT_FOUND', `No user has the id or subject ${named}`);
  }
  const first = values.first === undefined ? 50 : Number(values.first);
  const { edges } = await listOnboardingChanges(
    em,
    operator,
    { partnerId: partner?.id, userId: user?.id, first },
    config.maxPageSize,
  );
  const changes = edges.map((edge) => edge.node);
  const partnerNames = new Map(
    (await em.find(Partner, { id: { $in: changes.map((change) => change.partnerId) } })).map(
      (row) => [row.id, row.name],
    ),
  );
  const actorNames = new Map(
    (await em.find(User, { id: { $in: changes.map((change) => change.actorUserId) } })).map(
      (row) => [row.id, `${row.displayName} (${row.role})`],
    ),
  );
  // Written before anything is printed: an audit that cannot be written shows nothing.
  await trail.writeRows(
    em,
    changes.map((change) => ({
      action: AuditAction.READ,
      subjectType: 'OnboardingChange',
      subjectId: change.id,
      personId: null,
      caseId: null,
      fields: CHANGE_COLUMNS,
    })),
  );
  return table([
    ['occurred at', 'action', 'record', 'record id', 'partner', 'fields', 'by'],
    ...changes.map((change) => [
      change.occurredAt.toISOString(),
      change.action,
      change.record,
      change.recordId,
      partnerNames.get(change.partnerId) ?? change.partnerId,
      change.fields.join(',') || '-',
      change.actorUserId === COMMAND_LINE_USER_ID
        ? 'command line'
        : (actorNames.get(change.actorUserId) ?? change.actorUserId),
    ]),
  ]);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        name: { type: 'string' },
        issuer: { type: 'string' },
        claim: { type: 'string' },
        value: { type: 'string' },
        partner: { type: 'string' },
        role: { type: 'string' },
        subject: { type: 'string' },
        email: { type: 'string' },
        user: { type: 'string' },
        first: { type: 'string' },
        purpose: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (!COMMANDS.includes(positionals[0])) {
    console.error(`Unknown command ${JSON.stringify(positionals[0])}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' });
  if (config.clockStart) setClock(config.clockStart, { asOfMs: config.clockStartAsOfMs });
  const database = await openDatabase(config, { joinRunningHub: true });
  try {
    // As a starting hub does, but never the demo story: this is how a real hub begins.
    await prepareDatabase(database, { ...config, loadDemoData: false });
    console.log(await run(positionals[0], values, database.orm.em.fork(), config));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof HubError) {
      const field = error.extensions.field ? ` [${String(error.extensions.field)}]` : '';
      console.error(`Refused (${String(error.extensions.code)})${field}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError
        ? `Configuration error: ${error.message}`
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exit(1);
  },
);
