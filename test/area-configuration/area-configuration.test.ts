import { gql } from '../support/gql';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { ConfigurationChange } from '../../src/area-configuration/configuration-change.entity';
import { WorkingCalendar } from '../../src/area-configuration/working-days';

const AREA = gql<{ areaConfiguration: Record<string, unknown> | null }>(`
  query { areaConfiguration { caseReviewThreshold caseReviewWindowMonths qualifyingComplaintMonths cpnMinimumAge appealHeardBy } }
`);
const UPDATE = gql<
  { updateAreaConfiguration: Record<string, unknown> | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: UpdateAreaConfigurationInput!) { updateAreaConfiguration(input: $input) { caseReviewThreshold cpnMinimumAge appealHeardBy } }
`);
const CHANGES = gql<{
  configurationChanges:
    | {
        setting: string;
        oldValue: string;
        newValue: string;
        reason: string;
        changedByName: string;
      }[]
    | null;
}>(`
  query { configurationChanges(first: 100) { setting oldValue newValue reason changedByName } }
`);
const HOLIDAYS = gql<
  { bankHolidays: { date: string; name: string }[] | null },
  { from: string; to: string }
>(`
  query ($from: LocalDate!, $to: LocalDate!) { bankHolidays(from: $from, to: $to) { date name } }
`);
const ADD_HOLIDAY = gql<
  { addBankHoliday: { date: string } | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: AddBankHolidayInput!) { addBankHoliday(input: $input) { date name } }
`);

/* One area configuration row serves the whole hub: these tests change it in a private database. */
describe('the area configuration', () => {
  let hub: TestHub;
  let admin: Member;
  let practitioner: Member;

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    const council = await makePartner(em, PartnerKind.COUNCIL);
    admin = await makeMember(em, council, Role.ADMINISTRATOR);
    practitioner = await makeMember(em, council, Role.PRACTITIONER);
  });
  afterAll(async () => {
    await hub.em().nativeUpdate(
      AreaConfiguration,
      { id: 1 },
      {
        caseReviewThreshold: 3,
        cpnMinimumAge: 16,
        appealHeardBy: 'Police and crime commissioner',
      },
    );
    await hub.close();
  });

  it('starts at the statutory defaults, readable by anyone signed in', async () => {
    const answer = await hub.request(AREA, {}, practitioner.token);
    expect(answer.data!.areaConfiguration).toMatchObject({
      caseReviewThreshold: 3,
      caseReviewWindowMonths: 6,
      qualifyingComplaintMonths: 1,
      cpnMinimumAge: 16,
    });
  });

  it('lets an administrator change a setting, and audits who, what, from, to and why', async () => {
    const answer = await hub.request(
      UPDATE,
      {
        input: {
          caseReviewThreshold: 2,
          appealHeardBy: 'Dyfed-Powys PCC',
          reason: 'Panel agreed a lower threshold',
        },
      },
      admin.token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updateAreaConfiguration).toMatchObject({
      caseReviewThreshold: 2,
      appealHeardBy: 'Dyfed-Powys PCC',
    });
    const audit = await hub.request(CHANGES, {}, admin.token);
    expect(audit.data!.configurationChanges).toEqual(
      expect.arrayContaining([
        {
          setting: 'caseReviewThreshold',
          oldValue: '3',
          newValue: '2',
          reason: 'Panel agreed a lower threshold',
          changedByName: admin.user.displayName,
        },
        expect.objectContaining({ setting: 'appealHeardBy', newValue: 'Dyfed-Powys PCC' }),
      ]),
    );
  });

  it('refuses a threshold above 3, naming the 2014 Act s.104(4), and changes nothing', async () => {
    const before = await hub.em().count(ConfigurationChange, {});
    const answer = await hub.request(
      UPDATE,
      { input: { caseReviewThreshold: 4, cpnMinimumAge: 10, reason: 'try' } },
      admin.token,
    );
    expect(codes(answer)).toEqual(['STATUTORY_LIMIT']);
    expect(answer.errors![0].message).toContain('s.104(4)');
    expect(await hub.em().count(ConfigurationChange, {})).toBe(before);
    const config = await hub.em().findOneOrFail(AreaConfiguration, { id: 1 });
    expect(config.cpnMinimumAge).toBe(16);
  });

  it('refuses a CPN minimum age outside 10 to 16 (2014 Act s.43)', async () => {
    const answer = await hub.request(
      UPDATE,
      { input: { cpnMinimumAge: 9, reason: 'try' } },
      admin.token,
    );
    expect(codes(answer)).toEqual(['STATUTORY_LIMIT']);
    expect(answer.errors![0].message).toContain('s.43');
  });

  it('refuses a change with no reason, or one that changes nothing', async () => {
    expect(
      codes(
        await hub.request(UPDATE, { input: { caseReviewThreshold: 3, reason: ' ' } }, admin.token),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const current = (await hub.request(AREA, {}, admin.token)).data!.areaConfiguration!;
    expect(
      codes(
        await hub.request(
          UPDATE,
          { input: { caseReviewThreshold: current.caseReviewThreshold, reason: 'same' } },
          admin.token,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('does not let a practitioner change the configuration or read its audit', async () => {
    expect(
      codes(
        await hub.request(
          UPDATE,
          { input: { caseReviewThreshold: 1, reason: 'x' } },
          practitioner.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await hub.request(CHANGES, {}, practitioner.token))).toEqual(['FORBIDDEN']);
  });

  it('keeps the audit of changes append-only in the database itself', async () => {
    const connection = hub.em().getConnection();
    await expect(
      connection.execute('update configuration_change set reason = reason'),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(connection.execute('delete from configuration_change')).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });

  it('ships the bank holidays of England and Wales and lets an administrator add one', async () => {
    const christmas2026 = await hub.request(
      HOLIDAYS,
      { from: '2026-12-24', to: '2026-12-31' },
      practitioner.token,
    );
    expect(christmas2026.data!.bankHolidays).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    const added = await hub.request(
      ADD_HOLIDAY,
      {
        input: { date: '2029-01-01', name: "New Year's Day", reason: 'Next year\u2019s calendar' },
      },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    const again = await hub.request(
      ADD_HOLIDAY,
      { input: { date: '2029-01-01', name: "New Year's Day", reason: 'twice' } },
      admin.token,
    );
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(
      codes(
        await hub.request(
          ADD_HOLIDAY,
          { input: { date: '2029-02-30', name: 'x', reason: 'x' } },
          admin.token,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('working days', () => {
  const calendar = new WorkingCalendar(new Set(['2026-12-25', '2026-12-28', '2027-01-01']));

  it('skip weekends: 1 working day after a Friday is the Monday', () => {
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
  });

  it('skip bank holidays: 10 working days from 21 December 2026 land on 7 January 2027', () => {
    // 22, 23, 24, 29, 30, 31 Dec; 4, 5, 6, 7 Jan (25 and 28 Dec, 1 Jan are bank holidays).
    expect(calendar.addWorkingDays('2026-12-21', 10)).toBe('2027-01-07');
  });

  it('count nothing for zero days', () => {
    expect(calendar.addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });
});
