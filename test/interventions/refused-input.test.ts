import {
  daysFromNow,
  expectRefused,
  field,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
} from '../mutations/refusals';
import { makeCase, makeIncident, makeMember, makePerson, PersonRole } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  BREACH,
  breachedNotice,
  FIXED_PENALTY,
  type Input,
  issue,
  ISSUE,
  ladderCase,
  noon,
  ok,
  PROSECUTION,
  toPerson,
} from './ladder-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const WORDS = 'WORDS_OF_ADVICE';

/** A case with words of advice given and a CPN breached, and the four writes' valid inputs. */
async function setting() {
  const s = await ladderCase(hub);
  const cpn = await breachedNotice(hub, s, { cpn: 40, cpnBreach: 35 });
  const inputs: Record<string, Input> = {
    issueIntervention: toPerson(s, WORDS, noon(1)),
    recordInterventionBreach: {
      interventionId: cpn.id,
      occurredAt: noon(1).toISOString(),
      details: 'Music again',
    },
    recordFixedPenalty: {
      interventionId: cpn.id,
      issuedAt: noon(30).toISOString(),
      amountPence: 5000,
    },
    recordProsecution: { interventionId: cpn.id, commencedAt: noon(1).toISOString() },
  };
  return { ...s, cpn, inputs };
}

const DOCUMENTS = {
  issueIntervention: ISSUE,
  recordInterventionBreach: BREACH,
  recordFixedPenalty: FIXED_PENALTY,
  recordProsecution: PROSECUTION,
} as const;
type Write = keyof typeof DOCUMENTS;
const WRITES = Object.keys(DOCUMENTS) as Write[];

const send = (write: Write, input: Input, token?: string) =>
  hub.request(DOCUMENTS[write] as typeof ISSUE, { input }, token);

describe('the escalation ladder’s writes refuse, writing nothing,', () => {
  it('refuses an anonymous caller', async () => {
    const s = await setting();
    for (const write of WRITES) {
      await expectRefused(hub, s.rows, () => send(write, s.inputs[write]), 'UNAUTHENTICATED', 401);
    }
  });

  it('refuses analysts, legal, administrators and other roles that do not do casework', async () => {
    const s = await setting();
    for (const role of NON_CASEWORK_ROLES) {
      const member = await makeMember(hub.em(), s.council.partner, role);
      for (const write of WRITES) {
        await expectRefused(
          hub,
          s.rows,
          () => send(write, s.inputs[write], member.token),
          'FORBIDDEN',
        );
      }
    }
  });

  it('does not let another partner write to a case, or an intervention, it is not part of', async () => {
    const s = await setting();
    for (const write of WRITES) {
      await expectRefused(
        hub,
        s.rows,
        () => send(write, s.inputs[write], s.outsider.token),
        'NOT_FOUND',
      );
    }
  });

  it('refuses unknown and malformed case and intervention ids as not found', async () => {
    const s = await setting();
    for (const id of [UNKNOWN_ID, MALFORMED_ID]) {
      await expectRefused(
        hub,
        s.rows,
        () =>
          send('issueIntervention', { ...s.inputs.issueIntervention, caseId: id }, s.council.token),
        'NOT_FOUND',
      );
      for (const write of WRITES.slice(1)) {
        await expectRefused(
          hub,
          s.rows,
          () => send(write, { ...s.inputs[write], interventionId: id }, s.council.token),
          'NOT_FOUND',
        );
      }
    }
  });

  it('refuses dates in the future', async () => {
    const s = await setting();
    const future = daysFromNow(1).toISOString();
    for (const [write, dateField] of [
      ['issueIntervention', 'issuedAt'],
      ['recordInterventionBreach', 'occurredAt'],
      ['recordFixedPenalty', 'issuedAt'],
      ['recordProsecution', 'commencedAt'],
    ] as [Write, string][]) {
      const response = await expectRefused(
        hub,
        s.rows,
        () => send(write, { ...s.inputs[write], [dateField]: future }, s.council.token),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe(dateField);
    }
  });

  it('refuses a kind of step the hub does not know, before anything runs', async () => {
    const s = await setting();
    await expectRefused(
      hub,
      s.rows,
      () =>
        send('issueIntervention', { ...s.inputs.issueIntervention, kind: 'ASBO' }, s.council.token),
      'BAD_USER_INPUT',
      400,
    );
  });

  it('refuses a subject not in the case, premises the case is not about, and an issuing partner not on it', async () => {
    const s = await setting();
    const stranger = await makePerson(hub.em());
    const otherCase = await makeCase(hub.em(), s.outsider, {
      people: [[stranger, PersonRole.PERPETRATOR]],
    });
    // Someone on another partner's case, and a place no case of the council's knows, are as
    // missing as ids that do not exist (src/permissions/row-access.ts).
    const closureAt = (premisesLocationId: string): Input => ({
      kind: 'CLOSURE_NOTICE',
      subjectPersonId: null,
      premisesLocationId,
      servedAt: noon(1).toISOString(),
      endsAt: noon(0).toISOString(),
    });
    for (const change of [
      { subjectPersonId: stranger.id },
      { subjectPersonId: UNKNOWN_ID },
      closureAt(UNKNOWN_ID),
    ] as Input[]) {
      await expectRefused(
        hub,
        s.rows,
        () =>
          send('issueIntervention', { ...s.inputs.issueIntervention, ...change }, s.council.token),
        'NOT_FOUND',
      );
    }
    const cases: [Input, string][] = [
      [{ issuingPartnerIds: [s.outsider.partner.id] }, 'issuingPartnerIds'],
      [{ subjectPersonId: null }, 'subjectPersonId'],
      [{ terms: '  ' }, 'terms'],
    ];
    for (const [change, expected] of cases) {
      const response = await expectRefused(
        hub,
        s.rows,
        () =>
          send('issueIntervention', { ...s.inputs.issueIntervention, ...change }, s.council.token),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe(expected);
    }
    expect(otherCase.id).toBeDefined();
  });

  it('refuses a breach pointing at an incident on another case, or dated before the intervention', async () => {
    const s = await setting();
    const otherCase = await makeCase(hub.em(), s.outsider);
    const elsewhere = await makeIncident(hub.em(), otherCase, s.outsider.partner, noon(2));
    await expectRefused(
      hub,
      s.rows,
      () =>
        send(
          'recordInterventionBreach',
          { ...s.inputs.recordInterventionBreach, incidentId: elsewhere.id },
          s.council.token,
        ),
      'NOT_FOUND',
    );
    const response = await expectRefused(
      hub,
      s.rows,
      () =>
        send(
          'recordInterventionBreach',
          { ...s.inputs.recordInterventionBreach, occurredAt: noon(41).toISOString() },
          s.council.token,
        ),
      'BAD_USER_INPUT',
    );
    expect(field(response)).toBe('occurredAt');
  });

  it('refuses a fixed penalty of nothing', async () => {
    const s = await setting();
    const response = await expectRefused(
      hub,
      s.rows,
      () =>
        send(
          'recordFixedPenalty',
          { ...s.inputs.recordFixedPenalty, amountPence: 0 },
          s.council.token,
        ),
      'BAD_USER_INPUT',
    );
    expect(field(response)).toBe('amountPence');
  });

  it('accepts each write’s valid input, so the refusals above are about what they change', async () => {
    const s = await setting();
    for (const write of WRITES) {
      await ok(send(write, s.inputs[write], s.council.token));
    }
  });
});

describe('issueIntervention for another partner', () => {
  it('records the partners issuing it jointly when all are on the case', async () => {
    const s = await ladderCase(hub);
    const { issueIntervention } = await ok(
      issue(
        hub,
        s.police,
        toPerson(s, WORDS, noon(1), { issuingPartnerIds: [s.council.partner.id] }),
      ),
    );
    expect(issueIntervention!.issuedBy).toEqual([{ id: s.council.partner.id }]);
  });
});
