import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { clock } from '../../src/common/clock';
import { ormOptions } from '../../src/db/orm-options';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
} from '../support/factories';
import {
  freePort,
  send,
  startHubProcess,
  stopHubProcess,
  type HubProcess,
} from '../support/hub-process';

/*
 * Issue 14: PostgreSQL restarts while partners are writing. The hub process is not restarted: it
 * must answer DATABASE_UNAVAILABLE (never anything else) while the server is away, serve again
 * once it is back, and every write it acknowledged must be there afterwards.
 */

const HOUR = 3600 * 1000;
const RECORD_INCIDENT = `mutation ($input: RecordIncidentInput!) {
  recordIncident(input: $input) { incident { id } }
}`;

let dataDir: string;
let port: number;
let postgres: ChildProcess;
let url: string;
let hub: HubProcess | undefined;

/** Sends a command to the PostgreSQL process and waits for the line that answers it. */
function command(line: string | null, answer: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${answer} from PostgreSQL: ${seen}`)),
      90_000,
    );
    const listen = (chunk: Buffer) => {
      seen += String(chunk);
      const found = seen.match(answer);
      if (!found) return;
      clearTimeout(timer);
      postgres.stdout!.off('data', listen);
      resolve(found[1] ?? found[0]);
    };
    postgres.stdout!.on('data', listen);
    if (line) postgres.stdin!.write(`${line}\n`);
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-restart-pg-'));
  port = await freePort();
  postgres = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      'test/support/restartable-postgres.ts',
      dataDir,
      String(port),
    ],
    { cwd: path.resolve(__dirname, '../..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  url = await command(null, /ready (\S+)/);
}, 120_000);

afterAll(async () => {
  await stopHubProcess(hub);
  if (postgres && postgres.exitCode === null) {
    const exited = new Promise((resolve) => postgres.once('exit', resolve));
    postgres.stdin!.write('exit\n');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

it('PostgreSQL restarting under load: the hub answers DATABASE_UNAVAILABLE meanwhile, recovers without a restart, and loses no acknowledged write', async () => {
  hub = await startHubProcess(url, { DEMO_DATA: 'false', RATE_LIMIT_PER_MINUTE: '100000' });
  const orm = await MikroORM.init(ormOptions(url));
  const em = orm.em.fork();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, police, { people: [[victim, PersonRole.VICTIM]] });
  await orm.close(true);

  const acknowledged: string[] = [];
  const codes = new Map<string, number>();
  let sent = 0;
  let phase = 'before' as 'before' | 'down' | 'after';
  const succeededAfter = { count: 0 };
  let running = true;
  const writer = (async () => {
    while (running) {
      const n = sent++;
      const input = {
        caseId: onCase.id,
        occurredAt: new Date(clock.nowMs() - (n + 1) * 3 * HOUR).toISOString(),
        category: 'NUISANCE',
        description: 'Shouting in the street',
        sourceReference: `restart-${n}`,
        people: [{ personId: victim.id, role: 'VICTIM' }],
      };
      const answer = await send(hub!, police.token, RECORD_INCIDENT, { input }).catch(() => ({
        errors: [{ extensions: { code: 'NO_ANSWER' } }],
        data: null,
      }));
      const id = answer.data?.recordIncident?.incident?.id as string | undefined;
      if (id) {
        acknowledged.push(id);
        if (phase === 'after') succeededAfter.count++;
      } else {
        const code = answer.errors?.[0]?.extensions?.code ?? 'NONE';
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 1500));
  phase = 'down';
  await command('stop', /stopped/);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await command('start', /ready (\S+)/);
  phase = 'after';
  for (let i = 0; i < 150 && succeededAfter.count < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  running = false;
  await writer;

  console.log(
    `PostgreSQL restart under load: ${sent} writes sent, ${acknowledged.length} acknowledged, ` +
      `refused: ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  expect(hub.child.exitCode).toBeNull();
  expect(succeededAfter.count).toBeGreaterThanOrEqual(10);
  // Any other answer, with what the hub logged as an error (codes and classes, never values).
  const errorLines = hub!.output
    .join('')
    .split('\n')
    .filter((line) => line.includes('"level":"error"'));
  expect({
    other: [...codes.keys()].filter((code) => code !== 'DATABASE_UNAVAILABLE'),
    errorLines: codes.size > 1 ? errorLines : [],
  }).toEqual({ other: [], errorLines: [] });
  expect(codes.get('DATABASE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);

  const after = await MikroORM.init(ormOptions(url));
  try {
    const rows = await after.em
      .fork()
      .execute<
        { id: string }[]
      >('select incident_id as id from case_incident where case_id = ?', [onCase.id]);
    const stored = new Set(rows.map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  } finally {
    await after.close(true);
  }
}, 240_000);
