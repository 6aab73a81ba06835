import { CaseIncident } from '../../src/cases/case-incident.entity';
import { Case } from '../../src/cases/case.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { IncidentReport } from '../../src/incidents/incident-report.entity';
import { Incident } from '../../src/incidents/incident.entity';
import { londonWeekdayHour } from '../../src/meetings/meeting-pack.service';
import { Partner } from '../../src/partners/partner.entity';
import { makeCase, makeIncident } from '../support/factories';
import { auditRowsOf } from '../audit/audit-support';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { daysAgo, daysFromNow } from '../mutations/refusals';
import {
  CARE_CONTACT,
  CLINICAL_NOTE,
  existingMeeting,
  MeetingPackQuery,
  meetingSetting,
  releaseByConsent,
} from './meeting-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const DAY = 24 * 60 * 60 * 1000;

const pack = (
  token: string | undefined,
  meetingId: string,
  audience: 'WHOLE_MEETING' | 'PARTNER',
  partnerId?: string,
) => hub.request(MeetingPackQuery, { meetingId, audience, partnerId }, token);

/** The mental health record's fields as the pack shows them, by name. */
const mentalHealthFields = (data: any) =>
  Object.fromEntries(
    data.meetingPack.items[0].people[0].records
      .filter((r: { kind: string }) => r.kind === 'MentalHealthRecord')
      .flatMap((r: { fields: { name: string; value: string }[] }) => r.fields)
      .map((f: { name: string; value: string }) => [f.name, f.value]),
  );

describe('the meeting pack', () => {
  it('never shows a mental health clinical note in a housing officer’s pack or the whole-meeting pack, and shows it in the mental health service’s own pack', async () => {
    const { council, police, housing, mentalHealth, victim, onCase } = await meetingSetting(hub);
    await releaseByConsent(hub, mentalHealth, victim, onCase);
    const meeting = await existingMeeting(
      hub,
      council,
      daysFromNow(2),
      [police.partner, housing.partner, mentalHealth.partner],
      [onCase],
    );
    const housingPack = await pack(housing.token, meeting.id, 'PARTNER', housing.partner.id);
    const whole = await pack(mentalHealth.token, meeting.id, 'WHOLE_MEETING');
    const own = await pack(mentalHealth.token, meeting.id, 'PARTNER', mentalHealth.partner.id);
    for (const response of [housingPack, whole, own]) expect(response.errors).toBeUndefined();
    expect(JSON.stringify(housingPack.data)).not.toContain(CLINICAL_NOTE);
    expect(JSON.stringify(whole.data)).not.toContain(CLINICAL_NOTE);
    expect(mentalHealthFields(own.data).clinicalNotes).toBe(CLINICAL_NOTE);
    expect(mentalHealthFields(housingPack.data)).not.toHaveProperty('clinicalNotes');
    expect(whole.data.meetingPack.items[0].people[0].name).toBe(
      `${victim.givenName} ${victim.familyName}`,
    );
  });

  it('shows the care contact released by consent to every partner in the whole-meeting pack, but not when released to the housing provider alone', async () => {
    const toAll = await meetingSetting(hub);
    await releaseByConsent(hub, toAll.mentalHealth, toAll.victim, toAll.onCase);
    const toHousing = await meetingSetting(hub);
    await releaseByConsent(
      hub,
      toHousing.mentalHealth,
      toHousing.victim,
      toHousing.onCase,
      toHousing.housing.partner,
    );
    const [first, second] = await Promise.all(
      [toAll, toHousing].map((s) =>
        existingMeeting(
          hub,
          s.council,
          daysFromNow(2),
          [s.police.partner, s.housing.partner, s.mentalHealth.partner],
          [s.onCase],
        ),
      ),
    );
    const everyone = await pack(toAll.police.token, first.id, 'WHOLE_MEETING');
    expect(mentalHealthFields(everyone.data)).toEqual({
      knownToServices: 'true',
      careContact: CARE_CONTACT,
    });
    // The risk summary leaves the service only on safeguarding, not on consent.
    expect(everyone.data.meetingPack.withheld.map((w: { section: string }) => w.section)).toContain(
      'item 1 people[0] MentalHealthRecord.riskSummary',
    );
    const onlyHousing = await pack(toHousing.police.token, second.id, 'WHOLE_MEETING');
    expect(JSON.stringify(onlyHousing.data)).not.toContain(CARE_CONTACT);
    expect(onlyHousing.data.meetingPack.items[0].people[0].records).toEqual([]);
    // The housing provider's own pack has it: the consent released it to them.
    const housingPack = await pack(
      toHousing.housing.token,
      second.id,
      'PARTNER',
      toHousing.housing.partner.id,
    );
    expect(mentalHealthFields(housingPack.data).careContact).toBe(CARE_CONTACT);
  });

  it('lists the withheld sections by place and reason, never their content', async () => {
    const { council, police, housing, mentalHealth, victim, onCase } = await meetingSetting(hub);
    await releaseByConsent(hub, mentalHealth, victim, onCase);
    const meeting = await existingMeeting(
      hub,
      council,
      daysFromNow(2),
      [police.partner, housing.partner, mentalHealth.partner],
      [onCase],
    );
    const whole = await pack(council.token, meeting.id, 'WHOLE_MEETING');
    const { withheld, items } = whole.data.meetingPack;
    expect(withheld).toEqual(items[0].withheld);
    expect(withheld).toEqual([
      {
        section: 'item 1 people[0] MentalHealthRecord.riskSummary',
        reason:
          'The sharing policy does not release MentalHealthRecord.riskSummary to every attending partner',
      },
      {
        section: 'item 1 people[0] MentalHealthRecord.clinicalNotes',
        reason:
          'The sharing policy does not release MentalHealthRecord.clinicalNotes to every attending partner',
      },
    ]);
    expect(JSON.stringify(withheld)).not.toContain('CLINICAL-NOTE');
    // A case not every attending partner takes part in is withheld whole, without its reference.
    const councilOnly = await makeCase(hub.em(), council);
    const other = await existingMeeting(
      hub,
      council,
      daysFromNow(3),
      [police.partner],
      [onCase, councilOnly],
    );
    const second = await pack(council.token, other.id, 'WHOLE_MEETING');
    expect(second.data.meetingPack.items[1]).toMatchObject({
      position: 2,
      caseId: null,
      reference: null,
      title: null,
      people: [],
      chronology: [],
      withheld: [
        { section: 'item 2', reason: 'Not every attending partner takes part in this case' },
      ],
    });
    expect(JSON.stringify(second.data)).not.toContain(councilOnly.reference);
  });

  it('holds in the chronology only what happened since the last meeting that discussed the case', async () => {
    const { council, police, onCase } = await meetingSetting(hub);
    const em = hub.em();
    const before = await makeIncident(em, onCase, police.partner, daysAgo(20));
    const after = await makeIncident(em, onCase, police.partner, daysAgo(5));
    const last = await existingMeeting(hub, council, daysAgo(10), [police.partner], [onCase]);
    const meeting = await existingMeeting(hub, council, daysFromNow(2), [police.partner], [onCase]);
    const response = await pack(police.token, meeting.id, 'WHOLE_MEETING');
    const item = response.data.meetingPack.items[0];
    expect(new Date(item.chronologySince).getTime()).toBe(last.heldAt.getTime());
    expect(item.chronology).toEqual([
      expect.objectContaining({
        kind: 'INCIDENT',
        label: 'Nuisance incident',
        partner: { id: police.partner.id },
        detail: after.description,
      }),
    ]);
    expect(JSON.stringify(item.chronology)).not.toContain(before.description);
    // The first meeting about the case had no meeting before it: everything is in its chronology.
    const first = await pack(police.token, last.id, 'WHOLE_MEETING');
    expect(first.data.meetingPack.items[0].chronologySince).toBeNull();
    expect(first.data.meetingPack.items[0].chronology).toHaveLength(2);
  });

  it('charts known incidents per week over six months and by day of week and hour', async () => {
    const { council, police, onCase } = await meetingSetting(hub);
    const em = hub.em();
    // 10 days ago twice at the same moment, 100 days ago once, 200 days ago (outside) once.
    const moments = [daysAgo(10), daysAgo(10), daysAgo(100), daysAgo(200)];
    for (const occurredAt of moments) {
      const incident = em.create(Incident, {
        occurredAt,
        category: IncidentCategory.NUISANCE,
        description: 'Noise',
      });
      em.create(CaseIncident, { case: em.getReference(Case, onCase.id), incident });
      em.create(IncidentReport, {
        incident,
        partner: em.getReference(Partner, police.partner.id),
        reportedAt: occurredAt,
      });
    }
    await em.flush();
    const meeting = await existingMeeting(hub, council, daysFromNow(2), [police.partner], [onCase]);
    const response = await pack(police.token, meeting.id, 'WHOLE_MEETING');
    const { chart } = response.data.meetingPack.items[0];
    const from = new Date(chart.from).getTime();
    const weekOf = (date: Date) => Math.floor((date.getTime() - from) / (7 * DAY));
    const expectedWeeks = new Array(26).fill(0);
    expectedWeeks[weekOf(moments[0])] += 2;
    expectedWeeks[weekOf(moments[2])] += 1;
    expect(chart.incidentsPerWeek).toEqual(expectedWeeks);
    expect(chart.incidentsPerWeek.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    const matrix = Array.from({ length: 7 }, () => new Array(24).fill(0));
    for (const moment of moments.slice(0, 3)) {
      const [day, hour] = londonWeekdayHour(moment);
      matrix[day][hour] += 1;
    }
    expect(chart.dayOfWeekByHour).toEqual(matrix);
    // A known moment: Monday 3 March 2025, 23:30 UTC is Monday 23:00 in London (GMT).
    expect(londonWeekdayHour(new Date('2025-03-03T23:30:00Z'))).toEqual([0, 23]);
    // Summer time: Saturday 5 July 2025, 23:30 UTC is Sunday 00:30 in London (BST).
    expect(londonWeekdayHour(new Date('2025-07-05T23:30:00Z'))).toEqual([6, 0]);
  });

  it('refuses the pack to a partner not attending, and a partner pack for another partner', async () => {
    const { council, police, housing, outsider, onCase } = await meetingSetting(hub);
    const meeting = await existingMeeting(
      hub,
      council,
      daysFromNow(2),
      [police.partner, housing.partner],
      [onCase],
    );
    const notAttending = await pack(outsider.token, meeting.id, 'WHOLE_MEETING');
    expect(codes(notAttending)).toEqual(['NOT_FOUND']);
    expect(notAttending.data?.meetingPack ?? null).toBeNull();
    const ownPartnerOnly = await pack(outsider.token, meeting.id, 'PARTNER', outsider.partner.id);
    expect(codes(ownPartnerOnly)).toEqual(['NOT_FOUND']);
    const anotherPartner = await pack(police.token, meeting.id, 'PARTNER', housing.partner.id);
    expect(codes(anotherPartner)).toEqual(['PACK_FOR_OWN_PARTNER_ONLY']);
    const anonymous = await pack(undefined, meeting.id, 'WHOLE_MEETING');
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
  it('audits the pack as a read of the people and partner records it shows, and not of what it withheld', async () => {
    const { council, police, housing, mentalHealth, victim, onCase, record } =
      await meetingSetting(hub);
    await releaseByConsent(hub, mentalHealth, victim, onCase);
    const meeting = await existingMeeting(
      hub,
      council,
      daysFromNow(2),
      [police.partner, housing.partner, mentalHealth.partner],
      [onCase],
    );
    const response = await pack(housing.token, meeting.id, 'WHOLE_MEETING');
    expect(response.errors).toBeUndefined();
    const rows = await auditRowsOf(hub, housing.user.id);
    const person = rows.find((row) => row.subject_type === 'MeetingPackPerson');
    expect(person).toMatchObject({
      subject_id: victim.id,
      person_id: victim.id,
      case_id: onCase.id,
    });
    const fields = rows.find((row) => row.subject_type === 'MeetingPackField');
    expect(fields).toMatchObject({
      subject_id: record.id,
      person_id: victim.id,
      case_id: onCase.id,
    });
    expect(JSON.stringify(rows)).not.toContain('clinicalNotes');
  });
});
