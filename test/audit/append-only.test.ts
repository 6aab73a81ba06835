import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from '../support/test-database';

describe('the audit table', () => {
  let client: Client;
  const id = randomUUID();
  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query(
      `insert into audit_entry (id, request_id, user_id, partner_id, role, action, subject_type, subject_id, fields)
       values ($1, $2::uuid, $2::uuid, $2::uuid, 'PRACTITIONER', 'READ', 'Person', $2::text, '{givenName}')`,
      [id, randomUUID()],
    );
  });
  afterAll(() => client.end());

  it('refuses, in the database itself, to update or delete an audit row, even with raw SQL', async () => {
    await expect(
      client.query(`update audit_entry set fields = '{}' where id = $1`, [id]),
    ).rejects.toThrow(/audit_entry rows cannot be changed or deleted/);
    await expect(client.query(`delete from audit_entry where id = $1`, [id])).rejects.toThrow(
      /audit_entry rows cannot be changed or deleted/,
    );
    await expect(client.query(`truncate audit_entry`)).rejects.toThrow(
      /audit_entry rows cannot be changed or deleted/,
    );
    const { rows } = await client.query(`select fields from audit_entry where id = $1`, [id]);
    expect(rows).toEqual([{ fields: ['givenName'] }]);
  });
});
