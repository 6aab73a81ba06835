import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { PossibleBreach } from '../../src/interventions/possible-breach.entity';
import { gql } from '../support/gql';
import {
  makeCase,
  makeLocation,
  makeMember,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { day, ladderCase, noon, ok, warnedPerson } from './ladder-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const RECORD_INCIDENT = gql<
  { recordIncident: Record<string, unknown> | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordIncidentInput!) {
    recordIncident(input: $input) { attachedToExistingIncident incident { id } }
  }
`);

interface Flag {
  incidentOccurredAt: string;
  incidentCategory: string;
  recordedOnCaseReference: string;
  recordedBy: { id: string };
}

const CASE_INTERVENTIONS = gql<
  {
    case: {
      interventions: { id: string; kind: string; possibleBreaches: Flag[] | null }[];
    } | null;
  },
  { id: string }
>(`
  query ($id: ID!) {
    case(id: $id) {
      interventions {
        id kind
        possibleBreaches { incidentOccurredAt incidentCategory recordedOnCaseReference recordedBy { id } }
      }
    }
  }
`);

const ACTIVE = gql<
  { person: { activeInterventions: { id: string; kind: string }[] } | null },
  { id: string }
>(`
  query ($id: ID!) { person(id: $id) { activeInterventions { id kind } } }
`);

/**
 * A CPW issued on a council-led case the police take part in; the same person is the
 * perpetrator on a housing-led case at another address that neither takes part in.
 */
async function warnedElsewhere() {
  const setting = await ladderCase(hub);
  const cpw = await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10 });
  const housing = setting.outsider;
  const elsewhere = await makeCase(hub.em(), housing, {
    people: [[setting.perpetrator, PersonRole.PERPETRATOR]],
    location: await makeLocation(hub.em()),
  });
  const record = (member: Member, role: PersonRole, occurredAt = noon(3)) =>
    hub.request(
      RECORD_INCIDENT,
      {
        input: {
          caseId: elsewhere.id,
          occurredAt: occurredAt.toISOString(),
          category: 'PERSONAL',
          description: 'Shouted threats at the neighbour at the new flat',
          newLocation: { kind: 'ADDRESS', description: 'Flat 9, 1 Other Street' },
          people: [{ personId: setting.perpetrator.id, role }],
        },
      },
      member.token,
    );
  return { ...setting, cpw, housing, elsewhere, record };
}

describe('warnings follow the person', () => {
  it('an incident against someone with an active CPW on another case at another location is flagged as a possible breach on the issuing case', async () => {
    const s = await warnedElsewhere();
    const recorded = await ok(s.record(s.housing, PersonRole.PERPETRATOR));
    // The recording partner's answer says nothing about the other case.
    expect(JSON.stringify(recorded)).not.toContain(s.onCase.reference);

    const flags = await hub.em().find(PossibleBreach, { intervention: s.cpw.id });
    expect(flags).toHaveLength(1);
    expect(flags[0].recordedOnCase.id).toBe(s.elsewhere.id);

    // The outbox tells the issuing case, in references and dates: no names, no free text.
    const events = await hub.em().find(HubEvent, { case: s.onCase.id });
    expect(events.map((e) => e.kind)).toEqual([HubEventKind.POSSIBLE_BREACH]);
    const summary = events[0].summary;
    expect(summary).toContain(s.onCase.reference);
    expect(summary).toContain(s.elsewhere.reference);
    expect(summary).toContain(day(3));
    expect(summary).not.toContain(s.perpetrator.givenName);
    expect(summary).not.toContain(s.perpetrator.familyName);
    expect(summary).not.toContain('Shouted');
    expect(summary).not.toContain('Other Street');
    expect(events[0].subjectIds).toEqual({
      interventionId: s.cpw.id,
      possibleBreachId: flags[0].id,
    });
    expect(events[0].audiencePartner).toBeNull();
  });

  it('the issuing case’s partners see the possible breach on the CPW: when, what kind, where it was recorded and by whom', async () => {
    const s = await warnedElsewhere();
    await ok(s.record(s.housing, PersonRole.PERPETRATOR));
    for (const member of [s.police, s.council]) {
      const answer = await hub.request(CASE_INTERVENTIONS, { id: s.onCase.id }, member.token);
      expect(answer.errors).toBeUndefined();
      const cpw = answer.data!.case!.interventions.find((i) => i.id === s.cpw.id)!;
      expect(cpw.possibleBreaches).toEqual([
        {
          incidentOccurredAt: noon(3).toISOString(),
          incidentCategory: 'PERSONAL',
          recordedOnCaseReference: s.elsewhere.reference,
          recordedBy: { id: s.housing.partner.id },
        },
      ]);
    }
  });

  it('the recording partner, not on the issuing case, is not shown the CPW, the issuing case or the flag', async () => {
    const s = await warnedElsewhere();
    await ok(s.record(s.housing, PersonRole.PERPETRATOR));
    const active = await hub.request(ACTIVE, { id: s.perpetrator.id }, s.housing.token);
    expect(active.errors).toBeUndefined();
    expect(active.data!.person!.activeInterventions).toEqual([]);
    const issuing = await hub.request(CASE_INTERVENTIONS, { id: s.onCase.id }, s.housing.token);
    expect(codes(issuing)).toEqual(['NOT_FOUND']);
  });

  it('a person’s active interventions list the CPW for partners on the issuing case, whichever case they reach the person through', async () => {
    const s = await warnedElsewhere();
    const active = await hub.request(ACTIVE, { id: s.perpetrator.id }, s.police.token);
    expect(active.errors).toBeUndefined();
    expect(active.data!.person!.activeInterventions.map((i) => i.kind)).toEqual([
      'ASB_WARNING_LETTER',
      'COMMUNITY_PROTECTION_WARNING',
    ]);
  });

  it('analysts are not told who a person’s active interventions are about', async () => {
    const s = await warnedElsewhere();
    const analyst = await makeMember(hub.em(), s.police.partner, Role.ANALYST);
    const active = await hub.request(ACTIVE, { id: s.perpetrator.id }, analyst.token);
    expect(codes(active)).toEqual(['FORBIDDEN']);
  });

  it('an incident naming the person only as a witness, or one before the CPW was issued, is not flagged', async () => {
    const s = await warnedElsewhere();
    await ok(s.record(s.housing, PersonRole.WITNESS));
    await ok(s.record(s.housing, PersonRole.PERPETRATOR, noon(30)));
    expect(await hub.em().count(PossibleBreach, { intervention: s.cpw.id })).toBe(0);
    expect(await hub.em().count(HubEvent, { case: s.onCase.id })).toBe(0);
  });
});
