import { Case } from '../../src/cases/case.entity';
import { RiskLevel } from '../../src/cases/case-enums';
import { riskLevelOf } from '../../src/risk-assessments/risk-assessment.rules';
import { RiskAssessment } from '../../src/risk-assessments/risk-assessment.entity';
import { Correction } from '../../src/corrections/correction.entity';
import { daysAgo, expectRefused, type RowCounts } from '../mutations/refusals';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A council-led case the police take part in, with a victim, a perpetrator and a witness. */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const analyst = await makeMember(em, council.partner, Role.ANALYST);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const [victim, perpetrator, witness] = [
    await makePerson(em),
    await makePerson(em),
    await makePerson(em),
  ];
  const onCase = await makeCase(em, council, {
    others: [police.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
      [witness, PersonRole.WITNESS],
    ],
  });
  const rows: RowCounts = async (check) => ({
    assessments: await check.count(RiskAssessment, { case: onCase.id }),
    corrections: await check.count(Correction, { case: onCase.id }),
  });
  return { council, police, analyst, outsider, victim, perpetrator, witness, onCase, rows };
}

const RECORD = gql<any, any>(`mutation ($input: RecordRiskAssessmentInput!) {
  recordRiskAssessment(input: $input) { id role score riskLevel assessedAt notes
    assessedBy { id } assessedByPartner { id } } }`);
const CASE_RISK = gql<any, any>(`query ($id: ID!) { case(id: $id) { riskLevel
  corrections { field previousValue newValue fromRiskAssessment }
  people { role riskAssessments { score riskLevel assessedAt } } } }`);

const riskOf = async (caseId: string) => (await hub.em().findOneOrFail(Case, caseId)).riskLevel;

describe('the risk assessment scheme', () => {
  it.each([
    [[0, 0, 0], RiskLevel.STANDARD],
    [[1, 1, 0], RiskLevel.STANDARD],
    [[1, 1, 1], RiskLevel.MEDIUM],
    [[2, 0, 0], RiskLevel.MEDIUM],
    [[2, 2, 1], RiskLevel.MEDIUM],
    [[2, 2, 2], RiskLevel.HIGH],
    [[3, 0, 0], RiskLevel.HIGH],
  ])('scores %j as %s', (scores, level) => {
    expect(riskLevelOf(scores)).toBe(level);
  });
});

describe('recordRiskAssessment', () => {
  it('records a victim’s assessment, dated and attributed, and sets the case’s risk level with a history row saying so', async () => {
    const { police, victim, onCase } = await setting();
    const response = await hub.request(
      RECORD,
      {
        input: {
          caseId: onCase.id,
          personId: victim.id,
          repeatVictimisation: 2,
          vulnerability: 1,
          impact: 1,
          notes: 'Third report this month',
        },
      },
      police.token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.recordRiskAssessment).toMatchObject({
      role: 'VICTIM',
      score: 4,
      riskLevel: 'MEDIUM',
      notes: 'Third report this month',
      assessedBy: { id: police.user.id },
      assessedByPartner: { id: police.partner.id },
    });
    const read = await hub.request(CASE_RISK, { id: onCase.id }, police.token);
    expect(read.data.case.riskLevel).toBe('MEDIUM');
    expect(read.data.case.corrections).toEqual([
      {
        field: 'riskLevel',
        previousValue: 'STANDARD',
        newValue: 'MEDIUM',
        fromRiskAssessment: true,
      },
    ]);
    const victimRow = read.data.case.people.find((row: any) => row.role === 'VICTIM');
    expect(victimRow.riskAssessments).toEqual([
      { score: 4, riskLevel: 'MEDIUM', assessedAt: response.data.recordRiskAssessment.assessedAt },
    ]);
  });

  it('lets the latest assessment by time drive the risk level: an earlier-dated one recorded later changes nothing', async () => {
    const { council, victim, perpetrator, onCase } = await setting();
    const high = await hub.request(
      RECORD,
      {
        input: {
          caseId: onCase.id,
          personId: perpetrator.id,
          escalation: 3,
          riskOfHarm: 2,
          vulnerability: 0,
          assessedAt: daysAgo(1).toISOString(),
        },
      },
      council.token,
    );
    expect(high.data.recordRiskAssessment).toMatchObject({
      role: 'PERPETRATOR',
      riskLevel: 'HIGH',
    });
    expect(await riskOf(onCase.id)).toBe('HIGH');
    const older = await hub.request(
      RECORD,
      {
        input: {
          caseId: onCase.id,
          personId: victim.id,
          repeatVictimisation: 0,
          vulnerability: 0,
          impact: 0,
          assessedAt: daysAgo(3).toISOString(),
        },
      },
      council.token,
    );
    expect(older.data.recordRiskAssessment.riskLevel).toBe('STANDARD');
    expect(await riskOf(onCase.id)).toBe('HIGH');
    const newer = await hub.request(
      RECORD,
      {
        input: {
          caseId: onCase.id,
          personId: victim.id,
          repeatVictimisation: 0,
          vulnerability: 0,
          impact: 0,
        },
      },
      council.token,
    );
    expect(newer.errors).toBeUndefined();
    expect(await riskOf(onCase.id)).toBe('STANDARD');
  });

  it('refuses factors of the other role, scores out of range, a witness and a future date, changing nothing', async () => {
    const { council, victim, perpetrator, witness, onCase, rows } = await setting();
    const send = (input: Record<string, unknown>) => () =>
      hub.request(RECORD, { input: { caseId: onCase.id, ...input } }, council.token);
    const victimScores = {
      personId: victim.id,
      repeatVictimisation: 1,
      vulnerability: 1,
      impact: 1,
    };
    await expectRefused(hub, rows, send({ ...victimScores, escalation: 1 }), 'BAD_USER_INPUT');
    await expectRefused(hub, rows, send({ ...victimScores, impact: 4 }), 'BAD_USER_INPUT');
    await expectRefused(hub, rows, send({ ...victimScores, impact: -1 }), 'BAD_USER_INPUT');
    await expectRefused(hub, rows, send({ ...victimScores, impact: null }), 'BAD_USER_INPUT');
    await expectRefused(
      hub,
      rows,
      send({ personId: perpetrator.id, vulnerability: 1, escalation: 1, riskOfHarm: 1, impact: 1 }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      hub,
      rows,
      send({ ...victimScores, personId: witness.id }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      hub,
      rows,
      send({ ...victimScores, assessedAt: new Date(Date.parse('2999-01-01')).toISOString() }),
      'BAD_USER_INPUT',
    );
    expect(await riskOf(onCase.id)).toBe('STANDARD');
  });

  it('is refused to a partner not on the case (NOT_FOUND) and to an analyst (FORBIDDEN)', async () => {
    const { outsider, analyst, victim, onCase, rows } = await setting();
    const input = {
      caseId: onCase.id,
      personId: victim.id,
      repeatVictimisation: 3,
      vulnerability: 3,
      impact: 3,
    };
    await expectRefused(
      hub,
      rows,
      () => hub.request(RECORD, { input }, outsider.token),
      'NOT_FOUND',
    );
    await expectRefused(
      hub,
      rows,
      () => hub.request(RECORD, { input }, analyst.token),
      'FORBIDDEN',
    );
    const read = await hub.request(CASE_RISK, { id: onCase.id }, analyst.token);
    expect(read.data.case.riskLevel).toBe('STANDARD');
    expect(codes(read)).toContain('FORBIDDEN'); // people and their assessments are case readers'
  });

  it('decides two assessments sent at once by their time, whichever commits first', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const { council, police, victim, perpetrator, onCase } = await setting();
      // The perpetrator's HIGH assessment is the earlier; the victim's STANDARD one the later.
      const send = [
        () =>
          hub.request(
            RECORD,
            {
              input: {
                caseId: onCase.id,
                personId: perpetrator.id,
                escalation: 3,
                riskOfHarm: 3,
                vulnerability: 3,
                assessedAt: daysAgo(2).toISOString(),
              },
            },
            council.token,
          ),
        () =>
          hub.request(
            RECORD,
            {
              input: {
                caseId: onCase.id,
                personId: victim.id,
                repeatVictimisation: 0,
                vulnerability: 0,
                impact: 0,
                assessedAt: daysAgo(1).toISOString(),
              },
            },
            police.token,
          ),
      ];
      const answers = await Promise.all((round % 2 ? send : [...send].reverse()).map((go) => go()));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      const risk = await riskOf(onCase.id);
      outcomes.push(risk);
      // The history agrees with the case: nothing changed (the later one committed first), or
      // the earlier one raised it and the later one set it back, both from their assessments.
      const history = await hub
        .em()
        .find(
          Correction,
          { case: onCase.id, field: 'riskLevel' },
          { orderBy: { correctedAt: 'asc', id: 'asc' } },
        );
      expect(history.every((row) => row.riskAssessment)).toBe(true);
      expect(
        history.length === 0 ||
          history
            .map((row) => row.newValue)
            .sort()
            .join() === 'HIGH,STANDARD',
      ).toBe(true);
    }
    expect(outcomes).toEqual(Array(6).fill('STANDARD'));
  });
});
