import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { expectRefused } from '../mutations/refusals';
import { gql } from '../support/gql';
import { makeMember, PartnerKind, Role, makePartner } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  bornYearsBefore,
  day,
  issue,
  ladderCase,
  noon,
  ok,
  toPerson,
  warnedPerson,
} from './ladder-support';

const UPDATE = gql<
  { updateAreaConfiguration: { cpnMinimumAge: number } | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: UpdateAreaConfigurationInput!) { updateAreaConfiguration(input: $input) { cpnMinimumAge } }
`);

/* The area configuration is one row for the whole hub: this test changes it in a private database. */
describe('the area’s minimum age for a CPN', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const admin = await makeMember(
      hub.em(),
      await makePartner(hub.em(), PartnerKind.COUNCIL),
      Role.ADMINISTRATOR,
    );
    await ok(
      hub.request(
        UPDATE,
        { input: { cpnMinimumAge: 10, reason: 'The law now allows CPNs from age 10' } },
        admin.token,
      ),
    );
  });
  afterAll(async () => {
    await hub?.em().nativeUpdate(AreaConfiguration, { id: 1 }, { cpnMinimumAge: 16 });
    await hub?.close();
  });

  it('a CPN to someone aged 10 is issued once the area sets cpnMinimumAge to 10', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(5), 10));
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    await ok(
      issue(hub, setting.council, toPerson(setting, 'COMMUNITY_PROTECTION_NOTICE', noon(5))),
    );
  });

  it('a CPN to someone aged 9 is refused when the area sets cpnMinimumAge to 10', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(5), 10, 1));
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, 'COMMUNITY_PROTECTION_NOTICE', noon(5))),
      'SUBJECT_TOO_YOUNG',
    );
    expect(response.errors![0].message).toMatch(/aged 10 or over.*cpnMinimumAge/);
  });
});
