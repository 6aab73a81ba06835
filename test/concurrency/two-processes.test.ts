import { MikroORM } from '@mikro-orm/postgresql';
import { CaseReviewApplicationChannel } from '../../src/case-reviews/case-review-workflow.enum';
import { CaseReviewApplication } from '../../src/case-reviews/case-review-application.entity';
import { clock } from '../../src/common/clock';
import { ormOptions } from '../../src/db/orm-options';
import { User } from '../../src/users/user.entity';
import {
  makeCase,
  makeLocation,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { send, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { privateDatabase } from '../support/test-database';
import { makeCaseAt } from '../osara/osara-operations';

/*
 * Issue 14: two hub processes on one PostgreSQL, partners writing to the same case from both at
 * the same moment. Each race is driven ROUNDS times on fresh records; the tally of rounds tried
 * and rounds wrong is printed, and every race must have 0 wrong.
 */

const ROUNDS = 20;
const HOUR = 3600 * 1000;

const RECORD_INCIDENT = `mutation ($input: RecordIncidentInput!) {
  recordIncident(input: $input) { incident { id } attachedToExistingIncident }
}`;
const ADVANCE_OSARA = `mutation ($input: AdvanceOsaraStageInput!) {
  advanceOsaraStage(input: $input) { id }
}`;
const SCHEDULE_MEETING = `mutation ($input: ScheduleMeetingInput!) {
  scheduleMeeting(input: $input) { id }
}`;
const RECORD_ATTENDANCE = `mutation ($input: RecordMeetingAttendanceInput!) {
  recordMeetingAttendance(input: $input) { id }
}`;
const RECORD_STEP = `mutation ($input: RecordCaseReviewStepInput!) {
  recordCaseReviewStep(input: $input) { id acknowledgedAt }
}`;

let database: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let hubs: HubProcess[] = [];
const tally: Record<string, { tried: number; wrong: number }> = {};

beforeAll(async () => {
  database = await privateDatabase();
  orm = await MikroORM.init(ormOptions(database.url));
  hubs = await Promise.all([startHubProcess(database.url), startHubProcess(database.url)]);
}, 180_000);

afterAll(async () => {
  await Promise.all(hubs.map(stopHubProcess));
  await orm?.close(true);
  await database?.drop();
  const lines = Object.entries(tally).map(
    ([race, { tried, wrong }]) => `${race}: ${tried} rounds tried, ${wrong} wrong`,
  );
  console.log(`Two hub processes on one database:\n${lines.join('\n')}`);
}, 60_000);

/** Police, housing and council on one case with a victim; a place incidents happen at. */
async function setting() {
  const em = orm.em.fork();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const victim = await makePerson(em);
  const place = await makeLocation(em);
  // The case centres on the place, so its partners reach it (src/permissions/row-access.ts).
  const onCase = await makeCase(em, police, {
    others: [housing.partner, council.partner],
    people: [[victim, PersonRole.VICTIM]],
    location: place,
  });
  return { em, police, housing, council, victim, place, onCase };
}

const incidentInput = (
  caseId: string,
  victimId: string,
  occurredAt: Date,
  extra: Record<string, unknown> = {},
) => ({
  caseId,
  occurredAt: occurredAt.toISOString(),
  category: 'NUISANCE',
  description: 'Loud music and shouting on the stairwell',
  people: [{ personId: victimId, role: 'VICTIM' }],
  ...extra,
});

async function rounds(race: string, round: () => Promise<boolean>) {
  tally[race] = { tried: 0, wrong: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    tally[race].tried++;
    if (!(await round())) tally[race].wrong++;
  }
  expect(tally[race]).toEqual({ tried: ROUNDS, wrong: 0 });
}

const count = async (sql: string, params: unknown[]) => {
  const [row] = await orm.em.fork().execute<{ n: string }[]>(sql, params);
  return Number(row.n);
};

describe('two hub processes on one database', () => {
  it('the same episode reported to the police and the housing provider at once is one incident with two reports', async () => {
    await rounds('same episode, two partners at once', async () => {
      const { police, housing, victim, place, onCase } = await setting();
      const occurredAt = new Date(clock.nowMs() - 2 * HOUR);
      const input = incidentInput(onCase.id, victim.id, occurredAt, { locationId: place.id });
      const answers = await Promise.all([
        send(hubs[0], police.token, RECORD_INCIDENT, { input }),
        send(hubs[1], housing.token, RECORD_INCIDENT, { input }),
      ]);
      const incidents = await count('select count(*) as n from case_incident where case_id = ?', [
        onCase.id,
      ]);
      const reports = await count(
        'select count(*) as n from incident_report r join case_incident ci on ci.incident_id = r.incident_id where ci.case_id = ?',
        [onCase.id],
      );
      const attached = answers.filter((a) => a.data?.recordIncident?.attachedToExistingIncident);
      return (
        answers.every((a) => !a.errors) && incidents === 1 && reports === 2 && attached.length === 1
      );
    });
  }, 300_000);

  it('two complaints crossing the case review threshold at once raise one alert and one threshold-met event', async () => {
    await rounds('threshold crossed by two complaints at once', async () => {
      const { police, housing, victim, onCase } = await setting();
      // Two earlier qualifying complaints by the victim: the threshold (3) is one away.
      for (const hoursAgo of [30, 20]) {
        const earlier = await send(hubs[0], police.token, RECORD_INCIDENT, {
          input: incidentInput(onCase.id, victim.id, new Date(clock.nowMs() - hoursAgo * HOUR)),
        });
        if (earlier.errors) return false;
      }
      // No place named: these are separate episodes, not one reported twice.
      await Promise.all([
        send(hubs[0], police.token, RECORD_INCIDENT, {
          input: incidentInput(onCase.id, victim.id, new Date(clock.nowMs() - 3 * HOUR)),
        }),
        send(hubs[1], housing.token, RECORD_INCIDENT, {
          input: incidentInput(onCase.id, victim.id, new Date(clock.nowMs() - 4 * HOUR)),
        }),
      ]);
      const alerts = await count(
        "select count(*) as n from case_review_alert where case_id = ? and victim_id = ? and route = 'VICTIM_THRESHOLD' and status = 'OPEN'",
        [onCase.id, victim.id],
      );
      const events = await count(
        "select count(*) as n from hub_event where case_id = ? and kind = 'CASE_REVIEW_THRESHOLD_MET'",
        [onCase.id],
      );
      return alerts === 1 && events === 1;
    });
  }, 300_000);

  it('three acknowledgements of one case review step sent at once: one is recorded, two are answered CONFLICT', async () => {
    await rounds('three acknowledgements at once', async () => {
      const { em, police, housing, council, victim, onCase } = await setting();
      const application = em.create(CaseReviewApplication, {
        case: onCase,
        victim,
        madeByVictim: true,
        channel: CaseReviewApplicationChannel.PHONE,
        receivedBy: police.partner,
        recordedBy: em.getReference(User, police.user.id),
        appliedAt: new Date(clock.nowMs() - 24 * HOUR),
      });
      await em.flush();
      const input = { applicationId: application.id, step: 'ACKNOWLEDGEMENT' };
      const members: [HubProcess, Member][] = [
        [hubs[0], police],
        [hubs[1], housing],
        [hubs[0], council],
      ];
      const answers = await Promise.all(
        members.map(([hub, member]) => send(hub, member.token, RECORD_STEP, { input })),
      );
      const succeeded = answers.filter((a) => a.data?.recordCaseReviewStep && !a.errors);
      const conflicts = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'CONFLICT');
      const audited = await count(
        "select count(*) as n from audit_entry where subject_type = 'CaseReviewApplication' and subject_id = ? and action = 'UPDATE'",
        [application.id],
      );
      return succeeded.length === 1 && conflicts.length === 2 && audited === 1;
    });
  }, 300_000);

  it('the same report sent twice by one partner (a retry after a timeout) is stored once and answered the same', async () => {
    await rounds('same report retried, at once and one after the other', async () => {
      const { police, victim, place, onCase } = await setting();
      const sourceReference = `LOG-${onCase.id.slice(0, 8)}`;
      const input = incidentInput(onCase.id, victim.id, new Date(clock.nowMs() - HOUR), {
        locationId: place.id,
        sourceReference,
      });
      const atOnce = await Promise.all([
        send(hubs[0], police.token, RECORD_INCIDENT, { input }),
        send(hubs[1], police.token, RECORD_INCIDENT, { input }),
      ]);
      const later = await send(hubs[1], police.token, RECORD_INCIDENT, { input });
      const answers = [...atOnce, later];
      const ids = new Set(answers.map((a) => a.data?.recordIncident?.incident.id));
      const reports = await count(
        'select count(*) as n from incident_report where partner_id = ? and source_reference = ?',
        [police.partner.id, sourceReference],
      );
      return answers.every((a) => !a.errors) && ids.size === 1 && reports === 1;
    });
  }, 300_000);

  it('two partners moving the case to the next OSARA stage at once: one move is recorded, the other is answered OSARA_STAGE_OUT_OF_ORDER', async () => {
    await rounds('OSARA stage moved from two processes at once', async () => {
      const em = orm.em.fork();
      const police = await makePartnerMember(em, PartnerKind.POLICE);
      const council = await makePartnerMember(em, PartnerKind.COUNCIL);
      const onCase = await makeCaseAt(em, police, [council.partner], 'ANALYSIS' as never);
      onCase.osara.analysis = 'Visits peak on Friday and Saturday nights';
      await em.flush();
      const input = { caseId: onCase.id, to: 'RESPONSE' };
      const answers = await Promise.all([
        send(hubs[0], police.token, ADVANCE_OSARA, { input }),
        send(hubs[1], police.token, ADVANCE_OSARA, { input }),
      ]);
      const moved = answers.filter((a) => a.data?.advanceOsaraStage && !a.errors);
      const refused = answers.filter(
        (a) => a.errors?.[0]?.extensions?.code === 'OSARA_STAGE_OUT_OF_ORDER',
      );
      const changes = await count(
        "select count(*) as n from osara_stage_change where case_id = ? and to_stage = 'RESPONSE'",
        [onCase.id],
      );
      return moved.length === 1 && refused.length === 1 && changes === 1;
    });
  }, 300_000);

  it('two attendance lists of one meeting recorded at once from two processes: the meeting keeps one of them whole, never a mixture', async () => {
    await rounds('meeting attendance recorded from two processes at once', async () => {
      const em = orm.em.fork();
      const council = await makePartnerMember(em, PartnerKind.COUNCIL);
      const police = await makePartnerMember(em, PartnerKind.POLICE);
      const housing = await makePartnerMember(em, PartnerKind.HOUSING);
      const scheduled = await send(hubs[0], council.token, SCHEDULE_MEETING, {
        input: {
          heldAt: new Date(clock.nowMs() - 24 * HOUR).toISOString(),
          chairUserId: council.user.id,
          partnerIds: [police.partner.id, housing.partner.id],
        },
      });
      const meetingId = scheduled.data?.scheduleMeeting?.id as string | undefined;
      if (!meetingId) return false;
      const lists = [
        [council.partner.id, police.partner.id],
        [council.partner.id, housing.partner.id],
      ];
      const answers = await Promise.all(
        lists.map((partnerIds, n) =>
          send(hubs[n], council.token, RECORD_ATTENDANCE, { input: { meetingId, partnerIds } }),
        ),
      );
      const rows = await orm.em
        .fork()
        .execute<
          { partner_id: string }[]
        >('select partner_id from meeting_partner where meeting_id = ? order by partner_id', [meetingId]);
      const kept = rows.map((row) => row.partner_id).join();
      return (
        answers.every((a) => !a.errors) && lists.some((list) => [...list].sort().join() === kept)
      );
    });
  }, 300_000);
});
