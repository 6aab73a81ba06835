import { addMonths } from '../../src/common/dates';
import { expectRefused } from '../mutations/refusals';
import { startTestHub, type TestHub } from '../support/hub';
import { hoursAfter, type Input, issue, ladderCase, noon, ok } from './ladder-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

type Setting = Awaited<ReturnType<typeof ladderCase>>;

/** A closure notice for the case's premises, served when issued. */
const notice = (setting: Setting, servedAt: Date, endsAt: Date, extra: Input = {}): Input => ({
  caseId: setting.onCase.id,
  kind: 'CLOSURE_NOTICE',
  premisesLocationId: setting.premises.id,
  issuedAt: servedAt.toISOString(),
  servedAt: servedAt.toISOString(),
  endsAt: endsAt.toISOString(),
  terms: 'No one may enter the premises except the tenant',
  ...extra,
});

const order = (setting: Setting, issuedAt: Date, endsAt: Date, extra: Input): Input => ({
  caseId: setting.onCase.id,
  kind: 'CLOSURE_ORDER',
  premisesLocationId: setting.premises.id,
  issuedAt: issuedAt.toISOString(),
  endsAt: endsAt.toISOString(),
  terms: 'The premises are closed to all but the owner',
  ...extra,
});

const superintendent = { signOff: 'SUPERINTENDENT', signedOffBy: 'Supt. A. Rees' };

describe('closure notices (ss.76-77)', () => {
  it('a closure notice of 24 hours is issued without a sign-off', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    const { issueIntervention } = await ok(
      issue(hub, setting.police, notice(setting, served, hoursAfter(served, 24))),
    );
    expect(issueIntervention).toMatchObject({ kind: 'CLOSURE_NOTICE', signOff: null });
  });

  it('a closure notice of 48 hours is refused without a superintendent’s or chief executive’s designate’s sign-off', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, notice(setting, served, hoursAfter(served, 48))),
      'SIGN_OFF_REQUIRED',
    );
    expect(response.errors![0].message).toMatch(/2014 Act s\.77/);
  });

  it('a closure notice of 48 hours is issued with a superintendent’s sign-off', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    const { issueIntervention } = await ok(
      issue(hub, setting.police, notice(setting, served, hoursAfter(served, 48), superintendent)),
    );
    expect(issueIntervention!.signOff).toBe('SUPERINTENDENT');
  });

  it('a closure notice of 48 hours is issued by the council with its chief executive’s designate’s sign-off', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    await ok(
      issue(
        hub,
        setting.council,
        notice(setting, served, hoursAfter(served, 48), {
          signOff: 'CHIEF_EXECUTIVE_DESIGNATE',
          signedOffBy: 'Head of Community Safety',
        }),
      ),
    );
  });

  it('a superintendent’s sign-off does not authorise a notice only the council issues', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.council,
          notice(setting, served, hoursAfter(served, 48), superintendent),
        ),
      'SIGN_OFF_REQUIRED',
    );
  });

  it('a closure notice of 49 hours is refused even with a sign-off', async () => {
    const setting = await ladderCase(hub);
    const served = noon(5);
    await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(hub, setting.police, notice(setting, served, hoursAfter(served, 49), superintendent)),
      'CLOSURE_NOTICE_TOO_LONG',
    );
  });

  it('a closure notice spanning Christmas Day does not count the 25th: 48 hours on the clock is 24 counted', async () => {
    const setting = await ladderCase(hub);
    const served = new Date('2025-12-24T12:00:00Z');
    await ok(issue(hub, setting.police, notice(setting, served, hoursAfter(served, 48))));
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, notice(setting, served, hoursAfter(served, 49))),
      'SIGN_OFF_REQUIRED',
    );
  });
});

describe('closure orders (ss.80-82)', () => {
  async function servedNotice(setting: Setting, served: Date) {
    return (await ok(issue(hub, setting.police, notice(setting, served, hoursAfter(served, 24)))))
      .issueIntervention!;
  }

  it('a closure order is refused without a closure notice for the premises', async () => {
    const setting = await ladderCase(hub);
    const made = noon(5);
    await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.police,
          order(setting, made, addMonths(made, 1), { hearingAt: made.toISOString() }),
        ),
      'CLOSURE_NOTICE_REQUIRED',
    );
  });

  it('a closure order heard 48 hours after service of the notice is made', async () => {
    const setting = await ladderCase(hub);
    const served = noon(10);
    const cn = await servedNotice(setting, served);
    const heard = hoursAfter(served, 48);
    const { issueIntervention } = await ok(
      issue(
        hub,
        setting.police,
        order(setting, heard, addMonths(heard, 1), {
          closureNoticeId: cn.id,
          hearingAt: heard.toISOString(),
        }),
      ),
    );
    expect(issueIntervention!.precededBy).toEqual({ id: cn.id });
  });

  it('a closure order heard 49 hours after service of the notice is refused', async () => {
    const setting = await ladderCase(hub);
    const served = noon(10);
    const cn = await servedNotice(setting, served);
    const heard = hoursAfter(served, 49);
    const response = await expectRefused(
      hub,
      setting.rows,
      () =>
        issue(
          hub,
          setting.police,
          order(setting, heard, addMonths(heard, 1), {
            closureNoticeId: cn.id,
            hearingAt: heard.toISOString(),
          }),
        ),
      'HEARING_TOO_LATE',
    );
    expect(response.errors![0].message).toMatch(/2014 Act s\.80\(3\)-\(4\)/);
  });

  it('a closure order hearing over Christmas does not count Christmas Day', async () => {
    const setting = await ladderCase(hub);
    const served = new Date('2025-12-24T12:00:00Z');
    const cn = await servedNotice(setting, served);
    const heard = hoursAfter(served, 71);
    await ok(
      issue(
        hub,
        setting.police,
        order(setting, heard, addMonths(heard, 1), {
          closureNoticeId: cn.id,
          hearingAt: heard.toISOString(),
        }),
      ),
    );
  });

  it('a closure order of 3 months is made, and one of 4 months is refused', async () => {
    const setting = await ladderCase(hub);
    const served = noon(10);
    const cn = await servedNotice(setting, served);
    const heard = hoursAfter(served, 24);
    const input = (months: number) =>
      order(setting, heard, addMonths(heard, months), {
        closureNoticeId: cn.id,
        hearingAt: heard.toISOString(),
      });
    await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, input(4)),
      'CLOSURE_ORDER_TOO_LONG',
    );
    await ok(issue(hub, setting.police, input(3)));
  });

  it('a closure order may be extended to 6 months in all, and an extension taking it over 6 months is refused', async () => {
    const setting = await ladderCase(hub);
    const served = noon(10);
    const cn = await servedNotice(setting, served);
    const made = hoursAfter(served, 24);
    const first = (
      await ok(
        issue(
          hub,
          setting.police,
          order(setting, made, addMonths(made, 3), {
            closureNoticeId: cn.id,
            hearingAt: made.toISOString(),
          }),
        ),
      )
    ).issueIntervention!;
    const extension = (endsAt: Date, extendsOrderId: string) =>
      order(setting, noon(1), endsAt, { extendsOrderId });
    const second = (await ok(issue(hub, setting.police, extension(addMonths(made, 5), first.id))))
      .issueIntervention!;
    expect(second.extendsOrder).toEqual({ id: first.id });
    const response = await expectRefused(
      hub,
      setting.rows,
      () => issue(hub, setting.police, extension(hoursAfter(addMonths(made, 6), 24), second.id)),
      'CLOSURE_ORDER_TOTAL_TOO_LONG',
    );
    expect(response.errors![0].message).toMatch(/2014 Act s\.82/);
    await ok(issue(hub, setting.police, extension(addMonths(made, 6), second.id)));
  });
});
