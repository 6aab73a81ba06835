import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * /readyz through the real HTTP server: ready on a current database; not ready, with a reason code
 * and nothing more, on a database behind this hub's migrations or one that cannot be reached.
 */
let hub: TestHub;
let database: Client;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
  database = new Client({ connectionString: hub.orm.config.get('clientUrl') });
  await database.connect();
});
afterAll(async () => {
  await database?.end();
  await hub?.close();
});

const probe = async (target: TestHub, path = '/readyz') => {
  const answer = await fetch(`${target.url}${path}`);
  return { status: answer.status, body: await answer.json() };
};

describe('readiness', () => {
  it('is ready on a database that answers and has every migration', async () => {
    expect(await probe(hub)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready, MIGRATIONS_PENDING, while the database is behind; liveness is unaffected', async () => {
    const [latest] = (
      await database.query<{ id: number; name: string; executed_at: Date }>(
        'select * from mikro_orm_migrations order by id desc limit 1',
      )
    ).rows;
    await database.query('delete from mikro_orm_migrations where id = $1', [latest.id]);
    try {
      const answer = await probe(hub);
      expect(answer).toEqual({
        status: 503,
        body: { status: 'not ready', reason: 'MIGRATIONS_PENDING' },
      });
      // No names, versions or counts for whoever can reach the probe.
      expect(JSON.stringify(answer.body)).not.toContain('Migration');
      expect((await probe(hub, '/healthz')).status).toBe(200);
    } finally {
      await database.query(
        'insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)',
        [latest.id, latest.name, latest.executed_at],
      );
    }
    expect((await probe(hub)).status).toBe(200);
  });

  it('is not ready, MIGRATIONS_PENDING, on a database never migrated (no migrations table)', async () => {
    await database.query('begin');
    try {
      await database.query('alter table mikro_orm_migrations rename to mikro_orm_migrations_away');
      await database.query('commit');
      expect(await probe(hub)).toEqual({
        status: 503,
        body: { status: 'not ready', reason: 'MIGRATIONS_PENDING' },
      });
    } finally {
      await database.query('alter table mikro_orm_migrations_away rename to mikro_orm_migrations');
    }
    expect((await probe(hub)).status).toBe(200);
  });

  it('is not ready, DATABASE_UNAVAILABLE, when its database is gone', async () => {
    const doomed = await startTestHub({}, { private: true });
    const name = new URL(String(doomed.orm.config.get('clientUrl'))).pathname.slice(1);
    const server = new Client({ connectionString: process.env.HUB_TEST_SERVER_URL });
    await server.connect();
    try {
      await server.query(`drop database ${name} with (force)`);
      expect(await probe(doomed)).toEqual({
        status: 503,
        body: { status: 'not ready', reason: 'DATABASE_UNAVAILABLE' },
      });
    } finally {
      await server.end();
      await doomed.close();
    }
  });
});
