import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET, loadConfig } from '../../src/config';
import { ormOptions } from '../../src/db/orm-options';
import { startHub } from '../../src/server';
import { testDatabaseUrl } from '../support/test-database';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

describe('a production hub and the demo signing key', () => {
  it('refuses to start a production hub whose configuration trusts the demo key', async () => {
    // Built past loadConfig (which refuses it too), as a script or a later change might.
    const config = { ...loadConfig({ NODE_ENV: 'test', PORT: '0' }), mode: 'production' as const };
    expect(config.trustedIssuers).toEqual([
      { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, localSecret: DEMO_SECRET },
    ]);
    const orm = await MikroORM.init(ormOptions(testDatabaseUrl()));
    try {
      await expect(startHub(config, orm, 0)).rejects.toThrow(ConfigError);
      await expect(startHub(config, orm, 0)).rejects.toThrow(/demo signing key/);
    } finally {
      await orm.close(true);
    }
  });

  it('stops `main` with a configuration error when production is given the demo key', async () => {
    const issuers = JSON.stringify([
      { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, localSecret: DEMO_SECRET },
    ]);
    const failure = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: '', AUTH_TRUSTED_ISSUERS: issuers, HUB_LOG: 'silent' },
      },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^Configuration error: .*not production/m);
  });
});
