import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import { testDatabaseUrl } from '../support/test-database';

describe('migrations', () => {
  it('describe the whole schema: the entities need no migration beyond those in migrations/', async () => {
    const orm = await MikroORM.init(ormOptions(testDatabaseUrl()));
    try {
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
      const needed = await orm.getMigrator().checkMigrationNeeded();
      expect(needed).toBe(false);
    } finally {
      await orm.close(true);
    }
  });
});
