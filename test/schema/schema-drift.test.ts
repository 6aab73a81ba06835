import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../../src/schema';

describe('the checked-in schema', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after a change, with a migration if entities changed)', () => {
    const checkedIn = fs.readFileSync(
      path.resolve(__dirname, '../../schema/schema.graphql'),
      'utf8',
    );
    expect(checkedIn).toBe(printHubSchema());
  });
});
