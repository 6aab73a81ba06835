import { OsaraStage } from '../../src/cases/case-enums';
import { makeMember, makePartnerMember, PartnerKind, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { expectRefused, MALFORMED_ID, NON_CASEWORK_ROLES, UNKNOWN_ID } from '../mutations/refusals';
import {
  Advance,
  AskPartner,
  AssignAction,
  CloseCase,
  DataAnswered,
  isoDayFromToday,
  makeCaseAt,
  osaraRows,
  ReadOsara,
  RecordAnalysis,
  RecordAssessment,
  RecordObjective,
  RecordResponse,
  RecordScanning,
  Reopen,
} from './osara-operations';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const { OBJECTIVE, SCANNING, ANALYSIS, RESPONSE, ASSESSMENT } = OsaraStage;

/** A police-led case the council takes part in; a housing provider not on it. */
async function setting(stage: OsaraStage = OBJECTIVE) {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const onCase = await makeCaseAt(em, police, [council.partner], stage);
  return { police, council, outsider, onCase, rows: osaraRows(onCase.id) };
}

const ok = async <R>(response: Promise<{ errors?: unknown; data?: R | null }>) => {
  const answered = await response;
  expect(answered.errors).toBeUndefined();
  return answered.data!;
};

describe('OSARA stages', () => {
  it('a case moves through Objective, Scanning, Analysis, Response and Assessment in order, each with its content, and then closes', async () => {
    const { police, council, onCase } = await setting();
    const caseId = onCase.id;
    const send = <R>(doc: unknown, input: object, who: Member = police) =>
      ok<R>(hub.request(doc as typeof CloseCase, { input } as never, who.token) as never);

    const target = isoDayFromToday(90);
    await send(RecordObjective, {
      caseId,
      objective: 'No more visitors at the flat',
      targetDate: target,
    });
    await send(Advance, { caseId, to: SCANNING });
    await send(RecordScanning, { caseId, scanning: 'Police logs, tenancy file' });
    const asked = await send<{ askPartnerForData: { id: string } }>(AskPartner, {
      caseId,
      partnerId: council.partner.id,
    });
    await send(DataAnswered, { requestId: asked.askPartnerForData.id, nothingHeld: true }, council);
    await send(Advance, { caseId, to: ANALYSIS });
    await send(RecordAnalysis, { caseId, analysis: 'Friday and Saturday nights' });
    await send(Advance, { caseId, to: RESPONSE });
    await send(AssignAction, {
      caseId,
      partnerId: council.partner.id,
      title: 'Serve a CPW',
      dueDate: isoDayFromToday(14),
      osaraResponse: true,
    });
    await send(RecordResponse, { caseId, response: 'Council warns; police patrol' });
    await send(Advance, { caseId, to: ASSESSMENT });
    await send(RecordAssessment, { caseId, assessment: 'Joint warning worked' });
    const closed = await send<{ closeCase: { status: string; closedAt: string | null } }>(
      CloseCase,
      { caseId },
    );
    expect(closed.closeCase.status).toBe('CLOSED');
    expect(closed.closeCase.closedAt).not.toBeNull();

    const read = (await ok(hub.request(ReadOsara, { id: caseId }, council.token))).case!;
    expect(read.osara).toMatchObject({
      stage: ASSESSMENT,
      objective: 'No more visitors at the flat',
      objectiveTargetDate: target,
      scanning: 'Police logs, tenancy file',
      analysis: 'Friday and Saturday nights',
      response: 'Council warns; police patrol',
      assessment: 'Joint warning worked',
      missingBeforeNextStage: [],
    });
    expect(read.osara.history.map((h) => [h.fromStage, h.toStage, h.kind])).toEqual([
      [OBJECTIVE, SCANNING, 'ADVANCED'],
      [SCANNING, ANALYSIS, 'ADVANCED'],
      [ANALYSIS, RESPONSE, 'ADVANCED'],
      [RESPONSE, ASSESSMENT, 'ADVANCED'],
    ]);
    expect(read.osara.history.every((h) => h.changedBy?.id === police.user.id)).toBe(true);
    expect(read.osara.partnerRequests).toEqual([
      expect.objectContaining({
        partner: { id: council.partner.id },
        askedBy: { id: police.user.id },
        answeredBy: { id: council.user.id },
        answeredAt: expect.any(String),
      }),
    ]);
  });

  it('refuses to leave each stage until it has its content, naming what is missing, and writes nothing', async () => {
    const cases: [OsaraStage, string[]][] = [
      [OBJECTIVE, ['objective', 'objectiveTargetDate']],
      [SCANNING, ['scanning', 'partnerRequests']],
      [ANALYSIS, ['analysis']],
      [RESPONSE, ['responseActions']],
    ];
    for (const [stage, missing] of cases) {
      const { police, onCase } = await setting(stage);
      // makeCaseAt fills only the stages before `stage`: this one is empty.
      const next = [OBJECTIVE, SCANNING, ANALYSIS, RESPONSE, ASSESSMENT][
        [OBJECTIVE, SCANNING, ANALYSIS, RESPONSE].indexOf(stage) + 1
      ];
      const refused = await expectRefused(
        hub,
        osaraRows(onCase.id),
        () => hub.request(Advance, { input: { caseId: onCase.id, to: next } }, police.token),
        'OSARA_STAGE_INCOMPLETE',
      );
      expect(refused.errors![0].extensions).toMatchObject({ stage, missing });
      expect(refused.errors![0].message).toContain('OSARA problem-solving model, area procedure');
      const read = (await ok(hub.request(ReadOsara, { id: onCase.id }, police.token))).case!;
      expect(read.osara.missingBeforeNextStage).toEqual(missing);
    }
  });

  it('counts as scanning content only a partner actually asked, and as response only open or done OSARA response actions', async () => {
    const scanning = await setting(SCANNING);
    const { police, council } = scanning;
    await ok(
      hub.request(
        RecordScanning,
        { input: { caseId: scanning.onCase.id, scanning: 'Logs' } },
        police.token,
      ),
    );
    const stillMissing = await expectRefused(
      hub,
      scanning.rows,
      () =>
        hub.request(Advance, { input: { caseId: scanning.onCase.id, to: ANALYSIS } }, police.token),
      'OSARA_STAGE_INCOMPLETE',
    );
    expect(stillMissing.errors![0].extensions!.missing).toEqual(['partnerRequests']);

    const response = await setting(RESPONSE);
    // A manual action is not part of the response plan.
    await ok(
      hub.request(
        AssignAction,
        {
          input: {
            caseId: response.onCase.id,
            partnerId: response.council.partner.id,
            title: 'Phone the victim',
            dueDate: isoDayFromToday(3),
          },
        },
        response.police.token,
      ),
    );
    await expectRefused(
      hub,
      response.rows,
      () =>
        hub.request(
          Advance,
          { input: { caseId: response.onCase.id, to: ASSESSMENT } },
          response.police.token,
        ),
      'OSARA_STAGE_INCOMPLETE',
    );
    void council;
  });

  it('refuses to skip a stage, repeat one, go past Assessment or record a stage\u2019s content at another stage', async () => {
    const { police, council, onCase, rows } = await setting(OBJECTIVE);
    const caseId = onCase.id;
    for (const to of [OBJECTIVE, ANALYSIS, ASSESSMENT]) {
      await expectRefused(
        hub,
        rows,
        () => hub.request(Advance, { input: { caseId, to } }, police.token),
        'OSARA_STAGE_OUT_OF_ORDER',
      );
    }
    const attempts = [
      () => hub.request(RecordScanning, { input: { caseId, scanning: 'x' } }, police.token),
      () => hub.request(RecordAnalysis, { input: { caseId, analysis: 'x' } }, police.token),
      () => hub.request(RecordResponse, { input: { caseId, response: 'x' } }, police.token),
      () => hub.request(RecordAssessment, { input: { caseId, assessment: 'x' } }, police.token),
      () =>
        hub.request(AskPartner, { input: { caseId, partnerId: council.partner.id } }, police.token),
      () =>
        hub.request(
          AssignAction,
          {
            input: {
              caseId,
              partnerId: council.partner.id,
              title: 'x',
              dueDate: isoDayFromToday(1),
              osaraResponse: true,
            },
          },
          police.token,
        ),
    ];
    for (const attempt of attempts) {
      const refused = await expectRefused<unknown>(hub, rows, attempt, 'OSARA_STAGE_OUT_OF_ORDER');
      expect(refused.errors![0].message).toContain('OSARA problem-solving model, area procedure');
    }

    const last = await setting(ASSESSMENT);
    await expectRefused(
      hub,
      last.rows,
      () =>
        hub.request(
          Advance,
          { input: { caseId: last.onCase.id, to: ASSESSMENT } },
          last.police.token,
        ),
      'OSARA_STAGE_OUT_OF_ORDER',
    );
    // An earlier stage's content changes only by reopening it.
    await expectRefused(
      hub,
      last.rows,
      () =>
        hub.request(
          RecordObjective,
          { input: { caseId: last.onCase.id, objective: 'New', targetDate: isoDayFromToday(5) } },
          last.police.token,
        ),
      'OSARA_STAGE_OUT_OF_ORDER',
    );
  });

  it('reopens an earlier stage with a reason, kept in the stage history with who and when', async () => {
    const { council, onCase } = await setting(RESPONSE);
    const reopened = await ok(
      hub.request(
        Reopen,
        { input: { caseId: onCase.id, to: SCANNING, reason: 'New reports from the fire service' } },
        council.token,
      ),
    );
    const osara = reopened.reopenOsaraStage!.osara;
    expect(osara.stage).toBe(SCANNING);
    expect(osara.history).toEqual([
      expect.objectContaining({
        fromStage: RESPONSE,
        toStage: SCANNING,
        kind: 'REOPENED',
        reason: 'New reports from the fire service',
        changedBy: { id: council.user.id },
        changedAt: expect.any(String),
      }),
    ]);
    // Content already recorded stays, so the case can move on again at once.
    expect(osara.missingBeforeNextStage).toEqual([]);
    const advanced = await ok(
      hub.request(Advance, { input: { caseId: onCase.id, to: ANALYSIS } }, council.token),
    );
    expect(advanced.advanceOsaraStage!.osara.stage).toBe(ANALYSIS);
  });

  it('refuses to reopen a stage without a reason, and to "reopen" the current or a later stage', async () => {
    const { police, onCase, rows } = await setting(ANALYSIS);
    for (const reason of [undefined, null, '', '   ']) {
      const refused = await expectRefused(
        hub,
        rows,
        () =>
          hub.request(
            Reopen,
            { input: { caseId: onCase.id, to: OBJECTIVE, reason } },
            police.token,
          ),
        'OSARA_REOPEN_REASON_REQUIRED',
      );
      expect(refused.errors![0].extensions!.field).toBe('reason');
    }
    for (const to of [ANALYSIS, RESPONSE]) {
      await expectRefused(
        hub,
        rows,
        () =>
          hub.request(Reopen, { input: { caseId: onCase.id, to, reason: 'why' } }, police.token),
        'OSARA_STAGE_OUT_OF_ORDER',
      );
    }
  });

  it('refuses to close a case without an assessment', async () => {
    const atResponse = await setting(RESPONSE);
    const refused = await expectRefused(
      hub,
      atResponse.rows,
      () =>
        hub.request(
          CloseCase,
          { input: { caseId: atResponse.onCase.id } },
          atResponse.police.token,
        ),
      'ASSESSMENT_REQUIRED',
    );
    expect(refused.errors![0].message).toContain('OSARA problem-solving model, area procedure');
    const atAssessment = await setting(ASSESSMENT);
    await expectRefused(
      hub,
      atAssessment.rows,
      () =>
        hub.request(
          CloseCase,
          { input: { caseId: atAssessment.onCase.id } },
          atAssessment.police.token,
        ),
      'ASSESSMENT_REQUIRED',
    );
  });

  it('lets only the lead partner close its case', async () => {
    const { police, council, onCase, rows } = await setting(ASSESSMENT);
    await ok(
      hub.request(
        RecordAssessment,
        { input: { caseId: onCase.id, assessment: 'Worked' } },
        council.token,
      ),
    );
    await expectRefused(
      hub,
      rows,
      () => hub.request(CloseCase, { input: { caseId: onCase.id } }, council.token),
      'LEAD_PARTNER_ONLY',
    );
    await ok(hub.request(CloseCase, { input: { caseId: onCase.id } }, police.token));
  });

  it('takes no more OSARA work, and no second closing, once the case is closed', async () => {
    const { police, council, onCase, rows } = await setting(ASSESSMENT);
    await ok(
      hub.request(
        RecordAssessment,
        { input: { caseId: onCase.id, assessment: 'Worked' } },
        police.token,
      ),
    );
    await ok(hub.request(CloseCase, { input: { caseId: onCase.id } }, police.token));
    for (const send of [
      () => hub.request(CloseCase, { input: { caseId: onCase.id } }, police.token),
      () =>
        hub.request(
          RecordAssessment,
          { input: { caseId: onCase.id, assessment: 'More' } },
          police.token,
        ),
      () =>
        hub.request(
          Reopen,
          { input: { caseId: onCase.id, to: RESPONSE, reason: 'x' } },
          police.token,
        ),
      () =>
        hub.request(
          AssignAction,
          {
            input: {
              caseId: onCase.id,
              partnerId: council.partner.id,
              title: 'x',
              dueDate: isoDayFromToday(1),
            },
          },
          police.token,
        ),
    ]) {
      await expectRefused<unknown>(hub, rows, send, 'CASE_CLOSED');
    }
  });

  describe('refuses bad input, writing nothing:', () => {
    /** Every OSARA write, for a case and a partner, valid when the case is at the right stage. */
    const writes = (caseId: string, partnerId: string) =>
      ({
        recordOsaraObjective: [
          RecordObjective,
          { caseId, objective: 'o', targetDate: isoDayFromToday(9) },
        ],
        recordOsaraScanning: [RecordScanning, { caseId, scanning: 's' }],
        askPartnerForData: [AskPartner, { caseId, partnerId }],
        recordOsaraAnalysis: [RecordAnalysis, { caseId, analysis: 'a' }],
        recordOsaraResponse: [RecordResponse, { caseId, response: 'r' }],
        recordOsaraAssessment: [RecordAssessment, { caseId, assessment: 'a' }],
        advanceOsaraStage: [Advance, { caseId, to: SCANNING }],
        reopenOsaraStage: [Reopen, { caseId, to: OBJECTIVE, reason: 'r' }],
        closeCase: [CloseCase, { caseId }],
      }) as const;
    const send = (doc: unknown, input: object, member?: Member) =>
      hub.request(doc as typeof CloseCase, { input } as never, member?.token);

    it('refuses an anonymous caller', async () => {
      const { council, onCase, rows } = await setting(SCANNING);
      for (const [doc, input] of Object.values(writes(onCase.id, council.partner.id))) {
        await expectRefused(hub, rows, () => send(doc, input), 'UNAUTHENTICATED', 401);
      }
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { police, council, onCase, rows } = await setting(SCANNING);
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), police.partner, role);
        for (const [doc, input] of Object.values(writes(onCase.id, council.partner.id))) {
          await expectRefused(hub, rows, () => send(doc, input, member), 'FORBIDDEN');
        }
      }
    });

    it('does not show another partner\u2019s case: every write answers as for an unknown case', async () => {
      const { council, outsider, onCase, rows } = await setting(SCANNING);
      for (const [doc, input] of Object.values(writes(onCase.id, council.partner.id))) {
        await expectRefused(hub, rows, () => send(doc, input, outsider), 'NOT_FOUND');
      }
    });

    it('refuses unknown and malformed case ids as not found', async () => {
      const { police, council, rows } = await setting(SCANNING);
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        for (const [doc, input] of Object.values(writes(caseId, council.partner.id))) {
          await expectRefused(hub, rows, () => send(doc, input, police), 'NOT_FOUND');
        }
      }
    });

    it('refuses an unknown stage before anything runs', async () => {
      const { police, onCase, rows } = await setting(SCANNING);
      await expectRefused(
        hub,
        rows,
        () => send(Advance, { caseId: onCase.id, to: 'PLANNING' }, police),
        'BAD_USER_INPUT',
        400,
      );
      await expectRefused(
        hub,
        rows,
        () => send(Reopen, { caseId: onCase.id, to: 'PLANNING', reason: 'r' }, police),
        'BAD_USER_INPUT',
        400,
      );
    });

    it('refuses an objective target date in the past or not a date, and empty content', async () => {
      const { police, onCase, rows } = await setting(OBJECTIVE);
      const objective = (targetDate: string, text = 'Stop it') =>
        send(RecordObjective, { caseId: onCase.id, objective: text, targetDate }, police);
      const past = await expectRefused(
        hub,
        rows,
        () => objective(isoDayFromToday(-1)),
        'BAD_USER_INPUT',
      );
      expect(past.errors![0].extensions!.field).toBe('targetDate');
      await expectRefused(hub, rows, () => objective('2026-02-30'), 'BAD_USER_INPUT', 400);
      await expectRefused(hub, rows, () => objective(isoDayFromToday(3), '  '), 'BAD_USER_INPUT');
      // Today is still a valid target.
      await ok(objective(isoDayFromToday(0)));
    });

    it('asks only partners on the case for data, each once, and refuses unknown partners', async () => {
      const { police, council, outsider, onCase, rows } = await setting(SCANNING);
      const ask = (partnerId: string) => send(AskPartner, { caseId: onCase.id, partnerId }, police);
      await expectRefused(hub, rows, () => ask(outsider.partner.id), 'PARTNER_NOT_ON_CASE');
      for (const partnerId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(hub, rows, () => ask(partnerId), 'NOT_FOUND');
      }
      // makeCaseAt(SCANNING) asked nobody yet; the lead may ask itself as well as others.
      await ok(ask(police.partner.id));
      await expectRefused(hub, rows, () => ask(police.partner.id), 'CONFLICT');
      void council;
    });

    it('records a partner\u2019s answer once, and not for a request on a case the caller cannot see', async () => {
      const { police, council, outsider, onCase, rows } = await setting(SCANNING);
      const asked = await ok(
        send(AskPartner, { caseId: onCase.id, partnerId: council.partner.id }, police),
      );
      const requestId = (asked as unknown as { askPartnerForData: { id: string } })
        .askPartnerForData.id;
      await expectRefused(
        hub,
        rows,
        () => send(DataAnswered, { requestId, nothingHeld: true }, outsider),
        'NOT_FOUND',
      );
      for (const id of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => send(DataAnswered, { requestId: id, nothingHeld: true }, council),
          'NOT_FOUND',
        );
      }
      await ok(send(DataAnswered, { requestId, nothingHeld: true }, council));
      await expectRefused(
        hub,
        rows,
        () => send(DataAnswered, { requestId, nothingHeld: true }, council),
        'CONFLICT',
      );
      expect(codes(await send(DataAnswered, { requestId, nothingHeld: true }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });
  });
});
