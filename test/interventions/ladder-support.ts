import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { londonDay } from '../../src/area-configuration/working-days';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { FixedPenalty } from '../../src/interventions/fixed-penalty.entity';
import { InterventionBreach } from '../../src/interventions/intervention-breach.entity';
import { InterventionPartner } from '../../src/interventions/intervention-partner.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import { PossibleBreach } from '../../src/interventions/possible-breach.entity';
import { Prosecution } from '../../src/interventions/prosecution.entity';
import { gql } from '../support/gql';
import {
  makeCase,
  makeLocation,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { codes, type GraphQLResponse, type TestHub } from '../support/hub';
import type { RowCounts } from '../mutations/refusals';

/*
 * Shared by the escalation ladder's tests: the operations they send, a case to work on, and
 * dates counted in whole days back from today at noon UTC (always the same calendar day in
 * England, so "the day after the compliance date" means exactly that).
 */

export type Input = Record<string, unknown>;

export interface IssuedIntervention {
  id: string;
  kind: string;
  status: string;
  complianceDate: string | null;
  appealDeadline: string | null;
  endsAt: string | null;
  signOff: string | null;
  skippedStepReason: string | null;
  precededBy: { id: string } | null;
  extendsOrder: { id: string } | null;
  issuedBy: { id: string }[];
}

export const ISSUE = gql<{ issueIntervention: IssuedIntervention | null }, { input: Input }>(`
  mutation ($input: IssueInterventionInput!) {
    issueIntervention(input: $input) {
      id kind status complianceDate appealDeadline endsAt signOff skippedStepReason
      precededBy { id } extendsOrder { id } issuedBy { id }
    }
  }
`);

export const BREACH = gql<
  { recordInterventionBreach: { id: string; status: string; breaches: { id: string }[] } | null },
  { input: Input }
>(`
  mutation ($input: RecordInterventionBreachInput!) {
    recordInterventionBreach(input: $input) { id status breaches { id } }
  }
`);

export const FIXED_PENALTY = gql<
  {
    recordFixedPenalty: {
      id: string;
      amountPence: number;
      prosecutionNotBefore: string;
    } | null;
  },
  { input: Input }
>(`
  mutation ($input: RecordFixedPenaltyInput!) {
    recordFixedPenalty(input: $input) { id amountPence prosecutionNotBefore }
  }
`);

export const PROSECUTION = gql<
  { recordProsecution: { id: string; commencedAt: string } | null },
  { input: Input }
>(`
  mutation ($input: RecordProsecutionInput!) {
    recordProsecution(input: $input) { id commencedAt }
  }
`);

const DAY = 24 * 60 * 60 * 1000;

/** Noon UTC, `days` days ago. */
export function noon(days: number): Date {
  const today = clock.now();
  return new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12) - days * DAY,
  );
}

/** The calendar day, in England, `days` days ago. */
export const day = (days: number) => londonDay(noon(days));

export const hoursAfter = (date: Date, hours: number) =>
  new Date(date.getTime() + hours * 60 * 60 * 1000);

/** A date of birth that makes someone exactly `years` old on `onDay` (plus `extraDays` younger). */
export function bornYearsBefore(onDay: string, years: number, extraDays = 0): string {
  const [y, m, d] = onDay.split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d) + extraDays * DAY);
  return date.toISOString().slice(0, 10);
}

/**
 * A council-led case the police take part in, about a perpetrator and a victim, centred on an
 * address (for closure powers). A housing provider with no part in the case stands by.
 */
export async function ladderCase(hub: TestHub, perpetratorBorn = '1990-01-01') {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const perpetrator = await makePerson(em, { dateOfBirth: perpetratorBorn });
  const victim = await makePerson(em);
  const premises = await makeLocation(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner],
    people: [
      [perpetrator, PersonRole.PERPETRATOR],
      [victim, PersonRole.VICTIM],
    ],
    location: premises,
  });
  const rows = caseRows(onCase.id);
  return { council, police, outsider, perpetrator, victim, premises, onCase, rows };
}

/** Every row the ladder's writes can touch for one case, named so a failure says which changed. */
export function caseRows(caseId: string): RowCounts {
  return async (em: EntityManager) => ({
    interventions: await em.count(Intervention, { case: caseId }),
    issuers: await em.count(InterventionPartner, { intervention: { case: caseId } }),
    breached: await em.count(Intervention, { case: caseId, status: 'BREACHED' as never }),
    breaches: await em.count(InterventionBreach, { intervention: { case: caseId } }),
    fixedPenalties: await em.count(FixedPenalty, { intervention: { case: caseId } }),
    prosecutions: await em.count(Prosecution, { intervention: { case: caseId } }),
    possibleBreaches: await em.count(PossibleBreach, { intervention: { case: caseId } }),
    events: await em.count(HubEvent, { case: caseId }),
  });
}

/** Sends a write and expects it to succeed, returning its answer. */
export async function ok<R>(response: Promise<GraphQLResponse<R>>): Promise<R> {
  const answer = await response;
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

/** Sends a write and expects exactly this error code, returning the error. */
export async function refusedWith<R>(response: Promise<GraphQLResponse<R>>, code: string) {
  const answer = await response;
  expect(codes(answer)).toEqual([code]);
  return answer.errors![0];
}

export function issue(hub: TestHub, member: Member | undefined, input: Input) {
  return hub.request(ISSUE, { input }, member?.token);
}

export function breach(hub: TestHub, member: Member | undefined, input: Input) {
  return hub.request(BREACH, { input }, member?.token);
}

/** Input for a step issued to the case's perpetrator by the caller's partner. */
export const toPerson = (
  setting: { onCase: { id: string }; perpetrator: { id: string } },
  kind: string,
  issuedAt: Date,
  extra: Input = {},
): Input => ({
  caseId: setting.onCase.id,
  kind,
  subjectPersonId: setting.perpetrator.id,
  issuedAt: issuedAt.toISOString(),
  terms: 'Stop playing loud music at night and stop intimidating neighbours',
  ...extra,
});

/**
 * The ladder up to a CPW: a first-stage warning letter, then a CPW with a compliance date,
 * optionally a breach after that date. Days are counted back from today.
 */
export async function warnedPerson(
  hub: TestHub,
  setting: Awaited<ReturnType<typeof ladderCase>>,
  days: { letter?: number; cpw: number; complianceDate: number; breach?: number },
) {
  const { council } = setting;
  await ok(
    issue(hub, council, toPerson(setting, 'ASB_WARNING_LETTER', noon(days.letter ?? days.cpw + 5))),
  );
  const cpw = (
    await ok(
      issue(
        hub,
        council,
        toPerson(setting, 'COMMUNITY_PROTECTION_WARNING', noon(days.cpw), {
          complianceDate: day(days.complianceDate),
          issuingPartnerIds: [council.partner.id, setting.police.partner.id],
        }),
      ),
    )
  ).issueIntervention!;
  if (days.breach !== undefined) {
    await ok(
      breach(hub, council, {
        interventionId: cpw.id,
        occurredAt: noon(days.breach).toISOString(),
        details: 'Loud music again at 2am',
      }),
    );
  }
  return cpw;
}

/** A CPN issued `cpn` days ago after a CPW that was breached, and a breach of the CPN itself. */
export async function breachedNotice(
  hub: TestHub,
  setting: Awaited<ReturnType<typeof ladderCase>>,
  days: { cpn: number; cpnBreach: number },
) {
  await warnedPerson(hub, setting, {
    cpw: days.cpn + 20,
    complianceDate: days.cpn + 10,
    breach: days.cpn + 5,
  });
  const cpn = (
    await ok(
      issue(hub, setting.council, toPerson(setting, 'COMMUNITY_PROTECTION_NOTICE', noon(days.cpn))),
    )
  ).issueIntervention!;
  await ok(
    breach(hub, setting.council, {
      interventionId: cpn.id,
      occurredAt: noon(days.cpnBreach).toISOString(),
      details: 'Music again',
    }),
  );
  return cpn;
}
