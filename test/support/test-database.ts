import fs from 'node:fs';
import path from 'node:path';

/** Where global setup writes the database URL the test workers use. */
export const TEST_DATABASE_FILE = path.resolve(__dirname, '../../.data/test-database-url');

export function testDatabaseUrl(): string {
  return process.env.HUB_TEST_DATABASE_URL ?? fs.readFileSync(TEST_DATABASE_FILE, 'utf8').trim();
}
