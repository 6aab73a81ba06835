import { expectRefused } from '../mutations/refusals';
import { startTestHub, type TestHub } from '../support/hub';
import { bornYearsBefore, day, issue, ladderCase, noon, ok, toPerson } from './ladder-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const INJUNCTION = 'CIVIL_INJUNCTION';

describe('civil injunctions (ss.1, 14)', () => {
  it('an injunction against a respondent aged 9 is refused', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(2), 10, 1));
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.police,
          toPerson(setting, INJUNCTION, noon(2), { youthOffendingTeamConsultedOn: day(5) }),
        ),
      'SUBJECT_TOO_YOUNG',
    );
    expect(response.errors![0].message).toMatch(/10 or over; the subject was 9 .*2014 Act s\.1\)/);
  });

  it('an injunction against a respondent aged 10 is made once the youth offending team is consulted', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(2), 10));
    await ok(
      issue(
        hub,
        setting.police,
        toPerson(setting, INJUNCTION, noon(2), { youthOffendingTeamConsultedOn: day(5) }),
      ),
    );
  });

  it('an injunction against a respondent aged 17 is refused without the youth offending team consulted', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(2), 18, 1));
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, toPerson(setting, INJUNCTION, noon(2))),
      'YOT_CONSULTATION_REQUIRED',
    );
    expect(response.errors![0].message).toMatch(/2014 Act s\.14\(1\)/);
  });

  it('an injunction against a respondent who turned 18 that day needs no youth offending team consultation', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(2), 18));
    await ok(issue(hub, setting.police, toPerson(setting, INJUNCTION, noon(2))));
  });

  it('a youth offending team consultation dated after the injunction is refused', async () => {
    const setting = await ladderCase(hub, bornYearsBefore(day(2), 17));
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.police,
          toPerson(setting, INJUNCTION, noon(2), { youthOffendingTeamConsultedOn: day(1) }),
        ),
      'BAD_USER_INPUT',
    );
    expect(response.errors![0].extensions!.field).toBe('youthOffendingTeamConsultedOn');
  });
});

describe('criminal behaviour orders (s.22)', () => {
  it('a criminal behaviour order without a conviction recorded is refused', async () => {
    const setting = await ladderCase(hub);
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, toPerson(setting, 'CRIMINAL_BEHAVIOUR_ORDER', noon(2))),
      'CONVICTION_REQUIRED',
    );
    expect(response.errors![0].message).toMatch(/2014 Act s\.22\(1\)/);
  });

  it('a criminal behaviour order is made on a recorded conviction', async () => {
    const setting = await ladderCase(hub);
    await ok(
      issue(
        hub,
        setting.police,
        toPerson(setting, 'CRIMINAL_BEHAVIOUR_ORDER', noon(2), { convictionDate: day(2) }),
      ),
    );
  });
});

describe('mediation', () => {
  it('mediation without both parties’ consent is refused, and a skip reason cannot replace consent', async () => {
    const setting = await ladderCase(hub);
    for (const consents of [
      {},
      { subjectConsented: true },
      { otherPartyConsented: true, subjectConsented: false },
      { otherPartyConsented: true, skippedStepReason: 'The subject will not engage' },
    ]) {
      await expectRefused(
        hub,
        setting.rows,
        () => issue(hub, setting.council, toPerson(setting, 'MEDIATION', noon(2), consents)),
        'CONSENT_REQUIRED',
      );
    }
  });

  it('mediation with both parties’ consent is recorded', async () => {
    const setting = await ladderCase(hub);
    await ok(
      issue(
        hub,
        setting.council,
        toPerson(setting, 'MEDIATION', noon(2), {
          subjectConsented: true,
          otherPartyConsented: true,
        }),
      ),
    );
  });
});

describe('fields for one kind of step', () => {
  it('a field that belongs to another kind of step is refused, naming it', async () => {
    const setting = await ladderCase(hub);
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.council,
          toPerson(setting, 'WORDS_OF_ADVICE', noon(2), { hearingAt: noon(2).toISOString() }),
        ),
      'BAD_USER_INPUT',
    );
    expect(response.errors![0].extensions!.field).toBe('hearingAt');
  });
});
