import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import { loadDemoData } from '../../src/demo/demo-data';
import './clock';

/**
 * Applies the migrations and loads the demo story into the test database. Run as a child
 * process of jest's global setup: loading the ORM into jest's own process would leave its
 * global metadata behind in a realm the in-band tests cannot use.
 */
async function prepare(url: string) {
  const orm = await MikroORM.init(ormOptions(url));
  try {
    await orm.getMigrator().up();
    await loadDemoData(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

prepare(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
