import { Person } from '../../src/people/person.entity';
import { expectRefused } from '../mutations/refusals';
import { makeCase, makeIncident, makeLocation, PersonRole } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  BREACH,
  bornYearsBefore,
  breach,
  breachedNotice,
  day,
  FIXED_PENALTY,
  issue,
  ladderCase,
  noon,
  ok,
  PROSECUTION,
  refusedWith,
  toPerson,
  warnedPerson,
} from './ladder-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const CPN = 'COMMUNITY_PROTECTION_NOTICE';
const CPW = 'COMMUNITY_PROTECTION_WARNING';

describe('community protection warnings (area procedure and s.43)', () => {
  it('a CPW is refused without an earlier first-stage warning letter to the same person', async () => {
    const setting = await ladderCase(hub);
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(hub, setting.council, toPerson(setting, CPW, noon(3), { complianceDate: day(-10) })),
      'WARNING_LETTER_REQUIRED',
    );
    expect(response.errors![0].message).toMatch(/area procedure/);
    expect(response.errors![0].extensions).toMatchObject({
      source: 'area procedure',
      field: 'skippedStepReason',
    });
  });

  it('a CPW without a warning letter is issued when the reason for skipping the letter is recorded', async () => {
    const setting = await ladderCase(hub);
    const { issueIntervention } = await ok(
      issue(
        hub,
        setting.council,
        toPerson(setting, CPW, noon(3), {
          complianceDate: day(-10),
          skippedStepReason: 'Threats of violence: a letter would not be proportionate',
        }),
      ),
    );
    expect(issueIntervention).toMatchObject({
      kind: CPW,
      status: 'ACTIVE',
      precededBy: null,
      skippedStepReason: 'Threats of violence: a letter would not be proportionate',
      issuedBy: [{ id: setting.council.partner.id }],
    });
  });

  it('a CPW after a warning letter rests on it, issued jointly by the council and the police', async () => {
    const setting = await ladderCase(hub);
    const cpw = await warnedPerson(hub, setting, { cpw: 3, complianceDate: -10 });
    expect(cpw.precededBy).not.toBeNull();
    expect(cpw.issuedBy.map((p) => p.id).sort()).toEqual(
      [setting.council.partner.id, setting.police.partner.id].sort(),
    );
  });

  it('a CPW must give the date by which the conduct must stop', async () => {
    const setting = await ladderCase(hub);
    const error = await refusedWith(
      issue(hub, setting.council, toPerson(setting, CPW, noon(3), { skippedStepReason: 'Urgent' })),
      'BAD_USER_INPUT',
    );
    expect(error.extensions!.field).toBe('complianceDate');
  });
});

describe('community protection notices (s.43)', () => {
  it('a CPN is refused without an earlier CPW to the same person, and a skip reason cannot waive it', async () => {
    const setting = await ladderCase(hub);
    for (const extra of [{}, { skippedStepReason: 'We are sure' }]) {
      const response = await expectRefused(
        hub,
        setting.rows,
        () => issue(hub, setting.council, toPerson(setting, CPN, noon(1), extra)),
        'CPW_REQUIRED',
      );
      expect(response.errors![0].message).toMatch(/2014 Act s\.43\(5\)/);
    }
  });

  it('a CPN is refused the day before the CPW’s compliance date', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 12 });
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(11))),
      'COMPLIANCE_DATE_NOT_PASSED',
    );
  });

  it('a CPN is refused on the CPW’s compliance date itself: the time to comply has not yet passed', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 12 });
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(10))),
      'COMPLIANCE_DATE_NOT_PASSED',
    );
  });

  it('a CPN is issued the day after the CPW’s compliance date once a breach after that date is recorded, with its appeal deadline', async () => {
    const setting = await ladderCase(hub);
    const cpw = await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10 });
    await ok(
      breach(hub, setting.police, {
        interventionId: cpw.id,
        occurredAt: new Date(noon(9).getTime() - 3600_000).toISOString(),
        details: 'Music at 11am again',
      }),
    );
    const { issueIntervention } = await ok(
      issue(hub, setting.council, toPerson(setting, CPN, noon(9))),
    );
    // s.46(2): 21 days beginning with the day of issue, so the last day is the 20th after it.
    expect(issueIntervention).toMatchObject({
      kind: CPN,
      status: 'ACTIVE',
      precededBy: { id: cpw.id },
      appealDeadline: day(9 - 20),
    });
  });

  it('a CPN with no recorded breach of the CPW is refused', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10 });
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(5))),
      'BREACH_REQUIRED',
    );
    expect(response.errors![0].extensions!.source).toBe('2014 Act s.43(5)');
  });

  it('a breach recorded before the CPW’s compliance date does not show the conduct continuing', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 15 });
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(5))),
      'BREACH_REQUIRED',
    );
  });

  it('a CPN to someone aged 15 is refused', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(5), 16, 1));
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(5))),
      'SUBJECT_TOO_YOUNG',
    );
    expect(response.errors![0].message).toMatch(/16 or over; the subject was 15/);
  });

  it('a CPN to someone who turned 16 that day is issued', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(5), 16));
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    await ok(issue(hub, setting.council, toPerson(setting, CPN, noon(5))));
  });

  it('a CPN is refused when the subject’s date of birth is not recorded', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    await hub.em().nativeUpdate(Person, { id: setting.perpetrator.id }, { dateOfBirth: null });
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.council, toPerson(setting, CPN, noon(5))),
      'SUBJECT_AGE_UNKNOWN',
    );
  });

  it('a CPW on another case the writer’s partner takes part in counts: the warning follows the person', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    const elsewhere = await makeCase(hub.em(), setting.police, {
      people: [[setting.perpetrator, PersonRole.PERPETRATOR]],
      location: await makeLocation(hub.em()),
    });
    await ok(
      issue(
        hub,
        setting.police,
        toPerson({ onCase: elsewhere, perpetrator: setting.perpetrator }, CPN, noon(5)),
      ),
    );
  });
});

describe('fixed penalties and prosecution (s.52)', () => {
  it('a fixed penalty of £100 is recorded, and says when a prosecution may begin', async () => {
    const setting = await ladderCase(hub);
    const cpn = await breachedNotice(hub, setting, { cpn: 40, cpnBreach: 35 });
    const { recordFixedPenalty } = await ok(
      hub.request(
        FIXED_PENALTY,
        { input: { interventionId: cpn.id, issuedAt: noon(30).toISOString(), amountPence: 10000 } },
        setting.council.token,
      ),
    );
    expect(recordFixedPenalty).toMatchObject({ amountPence: 10000, prosecutionNotBefore: day(15) });
  });

  it('a fixed penalty of £101 is refused', async () => {
    const setting = await ladderCase(hub);
    const cpn = await breachedNotice(hub, setting, { cpn: 40, cpnBreach: 35 });
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        hub.request(
          FIXED_PENALTY,
          {
            input: { interventionId: cpn.id, issuedAt: noon(30).toISOString(), amountPence: 10100 },
          },
          setting.council.token,
        ),
      'FIXED_PENALTY_TOO_HIGH',
    );
    expect(response.errors![0].message).toMatch(/£100.*2014 Act s\.52/);
  });

  it('a fixed penalty is refused until a failure to comply with the CPN is recorded', async () => {
    const setting = await ladderCase(hub);
    await warnedPerson(hub, setting, { cpw: 60, complianceDate: 50, breach: 45 });
    const cpn = (await ok(issue(hub, setting.council, toPerson(setting, CPN, noon(40)))))
      .issueIntervention!;
    await expectRefused(
      hub,
      setting.rows,
      () =>
        hub.request(
          FIXED_PENALTY,
          {
            input: { interventionId: cpn.id, issuedAt: noon(30).toISOString(), amountPence: 5000 },
          },
          setting.council.token,
        ),
      'BREACH_REQUIRED',
    );
  });

  it('a prosecution within 14 days of a fixed penalty is refused, and the day after those 14 days is accepted', async () => {
    const setting = await ladderCase(hub);
    const cpn = await breachedNotice(hub, setting, { cpn: 40, cpnBreach: 35 });
    await ok(
      hub.request(
        FIXED_PENALTY,
        { input: { interventionId: cpn.id, issuedAt: noon(30).toISOString(), amountPence: 7500 } },
        setting.council.token,
      ),
    );
    const prosecute = (daysAgo: number) =>
      hub.request(
        PROSECUTION,
        { input: { interventionId: cpn.id, commencedAt: noon(daysAgo).toISOString() } },
        setting.council.token,
      );
    const response = await expectRefused(
      hub,
      setting.rows,
      () => prosecute(16),
      'PROSECUTION_TOO_SOON',
    );
    expect(response.errors![0].message).toContain(day(15));
    await ok(prosecute(15));
  });

  it('a prosecution is recorded only for a CPN, not for a warning', async () => {
    const setting = await ladderCase(hub);
    const cpw = await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10, breach: 8 });
    const error = await refusedWith(
      hub.request(
        PROSECUTION,
        { input: { interventionId: cpw.id, commencedAt: noon(1).toISOString() } },
        setting.council.token,
      ),
      'BAD_USER_INPUT',
    );
    expect(error.extensions!.field).toBe('interventionId');
  });
});

describe('breaches', () => {
  it('a recorded breach marks the intervention BREACHED and can point at an incident on the same case', async () => {
    const setting = await ladderCase(hub);
    const cpw = await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10 });
    const incident = await makeIncident(hub.em(), setting.onCase, setting.police.partner, noon(8));
    const { recordInterventionBreach } = await ok(
      hub.request(
        BREACH,
        {
          input: {
            interventionId: cpw.id,
            occurredAt: noon(8).toISOString(),
            incidentId: incident.id,
            details: 'Music at 3am',
          },
        },
        setting.police.token,
      ),
    );
    expect(recordInterventionBreach).toMatchObject({ id: cpw.id, status: 'BREACHED' });
    expect(recordInterventionBreach!.breaches).toHaveLength(1);
  });
});
