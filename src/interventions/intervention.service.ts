import type { EntityManager } from '@mikro-orm/postgresql';
import { loadAreaRules } from '../area-configuration/area-rules';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import { PARTICIPATES, requireRow } from '../permissions/row-access';
import type { Case } from '../cases/case.entity';
import { addMonths } from '../common/dates';
import {
  optionalText,
  requireDistinct,
  requireId,
  requireLocalDate,
  requirePast,
  requireText,
} from '../common/validate';
import { lockDecision, lockRow } from '../db/locks';
import { badInput, notFound } from '../errors';
import { Incident } from '../incidents/incident.entity';
import { Location } from '../locations/location.entity';
import { PartnerKind } from '../partners/partner-kind.enum';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { FixedPenalty } from './fixed-penalty.entity';
import {
  ClosureSignOff,
  IN_FORCE,
  InterventionKind,
  InterventionStatus,
} from './intervention-enums';
import type {
  IssueInterventionInput,
  RecordFixedPenaltyInput,
  RecordInterventionBreachInput,
  RecordProsecutionInput,
} from './intervention.input';
import { InterventionBreach } from './intervention-breach.entity';
import { InterventionPartner } from './intervention-partner.entity';
import { Intervention } from './intervention.entity';
import {
  ageOn,
  CLOSURE_HEARING_HOURS,
  CLOSURE_NOTICE_HOURS,
  CLOSURE_NOTICE_SIGNED_OFF_HOURS,
  CLOSURE_ORDER_MONTHS,
  CLOSURE_ORDER_TOTAL_MONTHS,
  dayOf,
  FIXED_PENALTY_MAX_PENCE,
  hoursExcludingChristmas,
  INJUNCTION_MINIMUM_AGE,
  prosecutionNotBefore,
  refuse,
  YOUTH_AGE,
} from './ladder.rules';
import { Prosecution } from './prosecution.entity';

const K = InterventionKind;

/** Steps issued to premises rather than a person (Part 4 chapter 3). */
const PREMISES_KINDS: readonly InterventionKind[] = [K.CLOSURE_NOTICE, K.CLOSURE_ORDER];

/** Inputs that mean something for one or two kinds only; given for any other, they are refused. */
const KIND_FIELDS: Record<string, readonly InterventionKind[]> = {
  servedAt: [K.CLOSURE_NOTICE],
  signOff: [K.CLOSURE_NOTICE],
  signedOffBy: [K.CLOSURE_NOTICE],
  endsAt: [K.CLOSURE_NOTICE, K.CLOSURE_ORDER],
  closureNoticeId: [K.CLOSURE_ORDER],
  hearingAt: [K.CLOSURE_ORDER],
  extendsOrderId: [K.CLOSURE_ORDER],
  convictionDate: [K.CRIMINAL_BEHAVIOUR_ORDER],
  youthOffendingTeamConsultedOn: [K.CIVIL_INJUNCTION],
  subjectConsented: [K.MEDIATION],
  otherPartyConsented: [K.MEDIATION],
};

/**
 * Issues a step on the escalation ladder, refusing it (and writing nothing) unless the 2014 Act's
 * conditions and the area's procedure are met. Each refusal names its rule and source.
 */
export async function issueIntervention(
  em: EntityManager,
  viewer: Viewer,
  input: IssueInterventionInput,
): Promise<Intervention> {
  const found = await caseForWrite(em, viewer, input.caseId);
  const issuedAt = requirePast(input.issuedAt, 'issuedAt');
  const issueDay = dayOf(issuedAt);
  const terms = requireText(input.terms, 'terms');
  const kind = input.kind;
  for (const [field, kinds] of Object.entries(KIND_FIELDS)) {
    const value = (input as unknown as Record<string, unknown>)[field];
    if (value !== null && value !== undefined && !kinds.includes(kind)) {
      throw badInput(`${field} applies only to ${kinds.join(' or ')}, not ${kind}`, field);
    }
  }

  const subject = await subjectInCase(em, viewer, found, input.subjectPersonId);
  const premises = await premisesOfCase(em, viewer, found, input.premisesLocationId);
  if (PREMISES_KINDS.includes(kind)) {
    if (!premises)
      throw badInput(`A ${kind} is about premises: give premisesLocationId`, 'premisesLocationId');
  } else if (!subject) {
    throw badInput(`A ${kind} is issued to a person: give subjectPersonId`, 'subjectPersonId');
  }
  // The ladder's rules read the person's (a warning follows the person, across cases) or the
  // premises' earlier steps, then add one: an advisory lock on each makes a second step wait for
  // the first and count it. Taken in a fixed order (person, then premises) so two never deadlock.
  if (subject) await lockDecision(em, 'ladder', `person:${subject.id}`);
  if (premises) await lockDecision(em, 'ladder', `location:${premises.id}`);
  const issuers = await issuersOnCase(em, viewer, found, input.issuingPartnerIds);

  const complianceDate = input.complianceDate
    ? requireLocalDate(input.complianceDate, 'complianceDate')
    : null;
  if (complianceDate && complianceDate < issueDay) {
    throw badInput('complianceDate is before the day it was issued', 'complianceDate');
  }
  const skippedStepReason = optionalText(input.skippedStepReason, 'skippedStepReason');

  const step: Partial<Intervention> = {};
  switch (kind) {
    case K.COMMUNITY_PROTECTION_WARNING: {
      // s.43(5)(a): the written warning must give the time to comply.
      if (!complianceDate) {
        throw badInput(
          'A community protection warning must give the date by which the conduct must stop (2014 Act s.43(5))',
          'complianceDate',
        );
      }
      // Area procedure: a first-stage ASB warning letter comes before a CPW, unless the reason
      // for skipping it is recorded.
      const letter = await earlierStep(em, viewer, subject!, K.ASB_WARNING_LETTER, issuedAt);
      if (!letter[0] && !skippedStepReason) {
        throw refuse(
          'WARNING_LETTER_REQUIRED',
          'A community protection warning follows a first-stage ASB warning letter to the same person; none is recorded on a case your partner takes part in. Issue the letter first, or record why it was skipped in skippedStepReason',
          { field: 'skippedStepReason' },
        );
      }
      step.precededBy = letter[0] ?? null;
      break;
    }
    case K.COMMUNITY_PROTECTION_NOTICE: {
      const { configuration } = await loadAreaRules(em);
      requireAge(subject!, issueDay, configuration.cpnMinimumAge, {
        what: 'A community protection notice',
        source: '2014 Act s.43(1); the area\u2019s cpnMinimumAge',
      });
      step.precededBy = await warningBroken(em, viewer, subject!, issuedAt);
      break;
    }
    case K.CIVIL_INJUNCTION: {
      const age = requireAge(subject!, issueDay, INJUNCTION_MINIMUM_AGE, {
        what: 'A civil injunction',
        source: '2014 Act s.1',
      });
      if (age < YOUTH_AGE) {
        if (!input.youthOffendingTeamConsultedOn) {
          throw refuse(
            'YOT_CONSULTATION_REQUIRED',
            `The respondent is ${age}: the youth offending team must be consulted before applying for an injunction against someone under ${YOUTH_AGE}; record youthOffendingTeamConsultedOn`,
            { field: 'youthOffendingTeamConsultedOn' },
          );
        }
        step.youthOffendingTeamConsultedOn = pastDay(
          input.youthOffendingTeamConsultedOn,
          'youthOffendingTeamConsultedOn',
          issueDay,
        );
      }
      break;
    }
    case K.CRIMINAL_BEHAVIOUR_ORDER: {
      if (!input.convictionDate) {
        throw refuse(
          'CONVICTION_REQUIRED',
          'A criminal behaviour order is made only on conviction: record convictionDate',
          { field: 'convictionDate' },
        );
      }
      step.convictionDate = pastDay(input.convictionDate, 'convictionDate', issueDay);
      break;
    }
    case K.MEDIATION: {
      // Mediation is voluntary: it needs both parties' consent, and no reason can replace it.
      const missing = [
        input.subjectConsented === true ? null : 'subjectConsented',
        input.otherPartyConsented === true ? null : 'otherPartyConsented',
      ].filter((field): field is string => field !== null);
      if (missing.length) {
        throw refuse(
          'CONSENT_REQUIRED',
          `Mediation needs both parties\u2019 consent; not recorded: ${missing.join(', ')}`,
          { field: missing[0] },
        );
      }
      step.subjectConsented = true;
      step.otherPartyConsented = true;
      break;
    }
    case K.CLOSURE_NOTICE:
      Object.assign(step, closureNotice(input, issuedAt, issuers));
      break;
    case K.CLOSURE_ORDER:
      Object.assign(step, await closureOrder(em, found, input, issuedAt, premises!));
      break;
    default:
      break;
  }

  const intervention = em.create(Intervention, {
    case: found,
    kind,
    subject,
    premises,
    issuedAt,
    terms,
    complianceDate,
    skippedStepReason,
    recordedBy: em.getReference(User, viewer.userId),
    ...step,
  });
  for (const partner of issuers) em.create(InterventionPartner, { intervention, partner });
  await em.flush();
  return intervention;
}

/** The intervention a write is about, if the writer's partner takes part in its case. */
export async function interventionForWrite(
  em: EntityManager,
  viewer: Viewer,
  interventionId: string,
): Promise<Intervention> {
  const id = requireId(interventionId, 'intervention');
  const found = await em
    .createQueryBuilder(Intervention, 'i')
    .select('i.*')
    .join('i.case', 'c')
    .where({ id })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId])
    .getSingleResult();
  if (!found) throw notFound('intervention', interventionId);
  return found;
}

/**
 * Breaches, fixed penalties and prosecutions read the intervention's state and what was recorded
 * against it (s.52: no prosecution within 14 days of a penalty): the row lock makes a second
 * write on the same intervention wait and read the first one's.
 */
async function lockIntervention(em: EntityManager, interventionId: string) {
  await lockRow(em, 'intervention', requireId(interventionId, 'intervention'));
}

/** Records a breach of an intervention's terms; the intervention becomes BREACHED. */
export async function recordInterventionBreach(
  em: EntityManager,
  viewer: Viewer,
  input: RecordInterventionBreachInput,
): Promise<Intervention> {
  await lockIntervention(em, input.interventionId);
  const intervention = await interventionForWrite(em, viewer, input.interventionId);
  const occurredAt = requirePast(input.occurredAt, 'occurredAt');
  if (occurredAt < intervention.issuedAt) {
    throw badInput('occurredAt is before the intervention was issued', 'occurredAt');
  }
  if (intervention.status === InterventionStatus.ENDED) {
    throw badInput(
      'This intervention has ended: there is nothing left to breach',
      'interventionId',
    );
  }
  let incident: Incident | null = null;
  if (input.incidentId) {
    const link = await em.findOne(CaseIncident, {
      case: intervention.case,
      incident: requireId(input.incidentId, 'incident on this case'),
    });
    if (!link) throw notFound('incident on this case', input.incidentId);
    incident = em.getReference(Incident, link.incident.id);
  }
  em.create(InterventionBreach, {
    intervention,
    occurredAt,
    incident,
    details: requireText(input.details, 'details'),
  });
  intervention.status = InterventionStatus.BREACHED;
  await em.flush();
  return intervention;
}

/** A fixed penalty for failing to comply with a CPN: at most £100 (s.52). */
export async function recordFixedPenalty(
  em: EntityManager,
  viewer: Viewer,
  input: RecordFixedPenaltyInput,
): Promise<FixedPenalty> {
  const notice = await cpnForWrite(em, viewer, input.interventionId, 'A fixed penalty');
  const issuedAt = requirePast(input.issuedAt, 'issuedAt');
  if (issuedAt < notice.issuedAt) {
    throw badInput('issuedAt is before the CPN was issued', 'issuedAt');
  }
  if (!Number.isInteger(input.amountPence) || input.amountPence < 1) {
    throw badInput('amountPence must be a whole number of pence above 0', 'amountPence');
  }
  if (input.amountPence > FIXED_PENALTY_MAX_PENCE) {
    throw refuse(
      'FIXED_PENALTY_TOO_HIGH',
      `A fixed penalty may not be more than \u00a3100; asked for \u00a3${(input.amountPence / 100).toFixed(2)}`,
      { field: 'amountPence' },
    );
  }
  await requireBreachOf(notice, issuedAt, em, 'A fixed penalty');
  const penalty = em.create(FixedPenalty, {
    intervention: notice,
    issuedAt,
    amountPence: input.amountPence,
    recordedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return penalty;
}

/** Proceedings for failing to comply with a CPN: not within 14 days of a fixed penalty (s.52). */
export async function recordProsecution(
  em: EntityManager,
  viewer: Viewer,
  input: RecordProsecutionInput,
): Promise<Prosecution> {
  const notice = await cpnForWrite(em, viewer, input.interventionId, 'A prosecution');
  const commencedAt = requirePast(input.commencedAt, 'commencedAt');
  if (commencedAt < notice.issuedAt) {
    throw badInput('commencedAt is before the CPN was issued', 'commencedAt');
  }
  await requireBreachOf(notice, commencedAt, em, 'A prosecution');
  const penalties = await em.find(
    FixedPenalty,
    { intervention: notice, issuedAt: { $lte: commencedAt } },
    { orderBy: { issuedAt: 'desc' } },
  );
  const barred = penalties.find(
    (penalty) => dayOf(commencedAt) < prosecutionNotBefore(penalty.issuedAt),
  );
  if (barred) {
    throw refuse(
      'PROSECUTION_TOO_SOON',
      `No proceedings may begin within 14 days of the fixed penalty given on ${dayOf(barred.issuedAt)}; the earliest day is ${prosecutionNotBefore(barred.issuedAt)}`,
      { field: 'commencedAt' },
    );
  }
  const prosecution = em.create(Prosecution, {
    intervention: notice,
    commencedAt,
    recordedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return prosecution;
}

// --- the rules' helpers ---------------------------------------------------------------------

async function subjectInCase(
  em: EntityManager,
  viewer: Viewer,
  found: Case,
  personId: string | null | undefined,
): Promise<Person | null> {
  if (personId === null || personId === undefined) return null;
  const id = await requireRow({ em, viewer }, 'person', personId);
  const member = await em.findOne(
    CasePerson,
    { case: found, person: id },
    { populate: ['person'] },
  );
  if (!member) {
    throw badInput(
      `Person ${personId} is not in case ${found.reference}; add them to the case first`,
      'subjectPersonId',
    );
  }
  return member.person;
}

/** Premises must be the case's own place or one of its incidents' places. */
async function premisesOfCase(
  em: EntityManager,
  viewer: Viewer,
  found: Case,
  locationId: string | null | undefined,
): Promise<Location | null> {
  if (locationId === null || locationId === undefined) return null;
  const id = await requireRow({ em, viewer }, 'location', locationId);
  const onCase =
    found.location?.id === id ||
    (await em.count(CaseIncident, { case: found, incident: { location: id } })) > 0;
  if (!onCase) {
    throw badInput(
      `Location ${locationId} is neither the place case ${found.reference} centres on nor that of one of its incidents`,
      'premisesLocationId',
    );
  }
  return em.getReference(Location, id);
}

async function issuersOnCase(
  em: EntityManager,
  viewer: Viewer,
  found: Case,
  partnerIds: string[] | null | undefined,
): Promise<Partner[]> {
  const ids = requireDistinct(
    (partnerIds?.length ? partnerIds : [viewer.partnerId]).map((id) => requireId(id, 'partner')),
    'issuingPartnerIds',
  );
  const rows = await em.find(
    CasePartner,
    { case: found, partner: { $in: ids } },
    { populate: ['partner'] },
  );
  const onCase = new Map(rows.map((row) => [row.partner.id, row.partner]));
  const outsider = ids.find((id) => !onCase.has(id));
  if (outsider) {
    throw badInput(
      `Partner ${outsider} does not take part in case ${found.reference}`,
      'issuingPartnerIds',
    );
  }
  return ids.map((id) => onCase.get(id)!);
}

/** A date that has come by the day of issue. */
function pastDay(value: string, field: string, issueDay: string): string {
  const day = requireLocalDate(value, field);
  if (day > issueDay) throw badInput(`${field} is after the day it was issued`, field);
  return day;
}

/** The subject's age on the day of issue, refused below `minimum` or when not known. */
function requireAge(
  subject: Person,
  issueDay: string,
  minimum: number,
  rule: { what: string; source: string },
): number {
  if (!subject.dateOfBirth) {
    throw refuse(
      'SUBJECT_AGE_UNKNOWN',
      `${rule.what} may be issued only to someone aged ${minimum} or over, and the subject\u2019s date of birth is not recorded`,
      { field: 'subjectPersonId', source: rule.source },
    );
  }
  const age = ageOn(subject.dateOfBirth, issueDay);
  if (age < minimum) {
    throw refuse(
      'SUBJECT_TOO_YOUNG',
      `${rule.what} may be issued only to someone aged ${minimum} or over; the subject was ${age} on ${issueDay}`,
      { field: 'subjectPersonId', source: rule.source },
    );
  }
  return age;
}

/**
 * Earlier steps of `kind` given to `subject` before `before`, newest first, on cases the writer's
 * partner takes part in: a warning follows the person to another case, but only as far as the
 * writer may see (a warning on a case it is not part of is flagged to that case instead).
 */
async function earlierStep(
  em: EntityManager,
  viewer: Viewer,
  subject: Person,
  kind: InterventionKind,
  before: Date,
): Promise<Intervention[]> {
  return em
    .createQueryBuilder(Intervention, 'i')
    .select('i.*')
    .join('i.case', 'c')
    .where({ subject: subject.id, kind, issuedAt: { $lte: before } })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId])
    .orderBy({ issuedAt: 'desc', id: 'asc' })
    .getResultList();
}

/**
 * s.43(5): a CPN only after a written warning (a CPW) to the same person, once the time it gave
 * to comply has passed, with the conduct continuing (a breach recorded after the compliance
 * date). Returns the CPW relied on.
 */
async function warningBroken(
  em: EntityManager,
  viewer: Viewer,
  subject: Person,
  issuedAt: Date,
): Promise<Intervention> {
  const warnings = (
    await earlierStep(em, viewer, subject, K.COMMUNITY_PROTECTION_WARNING, issuedAt)
  ).filter((cpw) => IN_FORCE.includes(cpw.status));
  if (!warnings.length) {
    throw refuse(
      'CPW_REQUIRED',
      'A community protection notice needs an earlier community protection warning to the same person, in force, on a case your partner takes part in; none is recorded',
      { field: 'subjectPersonId' },
    );
  }
  const issueDay = dayOf(issuedAt);
  const lapsed = warnings.filter((cpw) => cpw.complianceDate && cpw.complianceDate < issueDay);
  if (!lapsed.length) {
    const dates = warnings.map((cpw) => cpw.complianceDate ?? 'none given').join(', ');
    throw refuse(
      'COMPLIANCE_DATE_NOT_PASSED',
      `The time to comply with the community protection warning has not passed: its compliance date (${dates}) must be before the day of the notice, ${issueDay}`,
      { field: 'issuedAt' },
    );
  }
  const breaches = await em.find(InterventionBreach, {
    intervention: { $in: lapsed.map((cpw) => cpw.id) },
    occurredAt: { $lte: issuedAt },
  });
  const continuing = lapsed.find((cpw) =>
    breaches.some(
      (breach) =>
        breach.intervention.id === cpw.id && dayOf(breach.occurredAt) > cpw.complianceDate!,
    ),
  );
  if (!continuing) {
    throw refuse(
      'BREACH_REQUIRED',
      `A community protection notice needs the conduct to have continued after the warning\u2019s compliance date (${lapsed.map((cpw) => cpw.complianceDate).join(', ')}); record the breach on the warning first`,
      { field: 'subjectPersonId' },
    );
  }
  return continuing;
}

async function cpnForWrite(
  em: EntityManager,
  viewer: Viewer,
  interventionId: string,
  what: string,
): Promise<Intervention> {
  await lockIntervention(em, interventionId);
  const notice = await interventionForWrite(em, viewer, interventionId);
  if (notice.kind !== K.COMMUNITY_PROTECTION_NOTICE) {
    throw badInput(
      `${what} is for failing to comply with a community protection notice, not a ${notice.kind} (2014 Act ss.48, 52)`,
      'interventionId',
    );
  }
  return notice;
}

/** s.48 and s.52: a penalty or a prosecution is for a failure to comply: a recorded breach. */
async function requireBreachOf(notice: Intervention, by: Date, em: EntityManager, what: string) {
  if (!(await em.count(InterventionBreach, { intervention: notice, occurredAt: { $lte: by } }))) {
    throw refuse(
      'BREACH_REQUIRED',
      `${what} needs a recorded failure to comply with the community protection notice; record the breach first`,
      { field: 'interventionId', source: '2014 Act ss.48, 52' },
    );
  }
}

/** ss.76-77: a closure notice lasts 24 hours, or up to 48 with a senior sign-off; Christmas Day not counted. */
function closureNotice(
  input: IssueInterventionInput,
  issuedAt: Date,
  issuers: Partner[],
): Partial<Intervention> {
  if (!input.servedAt) throw badInput('A closure notice needs servedAt', 'servedAt');
  if (!input.endsAt) throw badInput('A closure notice needs endsAt', 'endsAt');
  const servedAt = requirePast(input.servedAt, 'servedAt');
  if (servedAt < issuedAt) throw badInput('servedAt is before issuedAt', 'servedAt');
  if (input.endsAt <= servedAt) throw badInput('endsAt must be after servedAt', 'endsAt');
  const hours = hoursExcludingChristmas(servedAt, input.endsAt);
  const shown = Math.round(hours * 100) / 100;
  if (hours > CLOSURE_NOTICE_SIGNED_OFF_HOURS) {
    throw refuse(
      'CLOSURE_NOTICE_TOO_LONG',
      `A closure notice lasts at most ${CLOSURE_NOTICE_SIGNED_OFF_HOURS} hours, Christmas Day not counted; this one lasts ${shown}`,
      { field: 'endsAt' },
    );
  }
  if (input.signOff) {
    // The superintendent signs off the police's notices, the chief executive's designate the council's.
    const needs =
      input.signOff === ClosureSignOff.SUPERINTENDENT ? PartnerKind.POLICE : PartnerKind.COUNCIL;
    if (!issuers.some((partner) => partner.kind === needs)) {
      throw refuse(
        'SIGN_OFF_REQUIRED',
        `A ${input.signOff} sign-off authorises a notice issued by the ${needs.toLowerCase()}, and no issuing partner is one`,
        { field: 'signOff' },
      );
    }
    requireText(input.signedOffBy, 'signedOffBy', 200);
  }
  if (hours > CLOSURE_NOTICE_HOURS && !input.signOff) {
    throw refuse(
      'SIGN_OFF_REQUIRED',
      `A closure notice of more than ${CLOSURE_NOTICE_HOURS} hours (this one: ${shown}, Christmas Day not counted) needs sign-off by a police superintendent or the council chief executive\u2019s designate`,
      { field: 'signOff' },
    );
  }
  return {
    servedAt,
    endsAt: input.endsAt,
    signOff: input.signOff ?? null,
    signedOffBy: input.signOff ? requireText(input.signedOffBy, 'signedOffBy', 200) : null,
  };
}

/**
 * s.80: a closure order is applied for under a closure notice, heard within 48 hours of its
 * service (Christmas Day not counted), and lasts at most 3 months; s.82: extensions up to 6
 * months in all.
 */
async function closureOrder(
  em: EntityManager,
  found: Case,
  input: IssueInterventionInput,
  issuedAt: Date,
  premises: Location,
): Promise<Partial<Intervention>> {
  if (!input.endsAt) throw badInput('A closure order needs endsAt', 'endsAt');
  if (input.endsAt <= issuedAt) throw badInput('endsAt must be after issuedAt', 'endsAt');
  const sameCaseAndPremises = async (id: string, kind: InterventionKind, what: string) => {
    const earlier = await em.findOne(Intervention, {
      id: requireId(id, what),
      case: found,
      kind,
    });
    if (!earlier) throw notFound(what, id);
    if (earlier.premises?.id !== premises.id) {
      throw badInput(`The ${what} is about other premises`, 'premisesLocationId');
    }
    return earlier;
  };

  if (input.extendsOrderId) {
    let order = await sameCaseAndPremises(
      input.extendsOrderId,
      K.CLOSURE_ORDER,
      'closure order on this case',
    );
    const previousEnd = order.endsAt!;
    while (order.extendsOrder) order = await em.findOneOrFail(Intervention, order.extendsOrder.id);
    if (input.endsAt <= previousEnd) {
      throw badInput('An extension must end after the order it extends', 'endsAt');
    }
    const limit = addMonths(order.issuedAt, CLOSURE_ORDER_TOTAL_MONTHS);
    if (input.endsAt > limit) {
      throw refuse(
        'CLOSURE_ORDER_TOTAL_TOO_LONG',
        `A closure order may not be in force for more than ${CLOSURE_ORDER_TOTAL_MONTHS} months in all with extensions: the first order was made on ${dayOf(order.issuedAt)}, so it must end by ${limit.toISOString()}`,
        { field: 'endsAt' },
      );
    }
    return {
      endsAt: input.endsAt,
      extendsOrder: em.getReference(Intervention, input.extendsOrderId),
    };
  }

  if (!input.closureNoticeId) {
    throw refuse(
      'CLOSURE_NOTICE_REQUIRED',
      'A closure order is applied for under a closure notice: give closureNoticeId',
      { field: 'closureNoticeId' },
    );
  }
  const notice = await sameCaseAndPremises(
    input.closureNoticeId,
    K.CLOSURE_NOTICE,
    'closure notice on this case',
  );
  if (!input.hearingAt) throw badInput('A closure order needs hearingAt', 'hearingAt');
  const hearingAt = requirePast(input.hearingAt, 'hearingAt');
  const servedAt = notice.servedAt!;
  if (hearingAt < servedAt)
    throw badInput('hearingAt is before the notice was served', 'hearingAt');
  const hours = hoursExcludingChristmas(servedAt, hearingAt);
  if (hours > CLOSURE_HEARING_HOURS) {
    throw refuse(
      'HEARING_TOO_LATE',
      `The application must be heard within ${CLOSURE_HEARING_HOURS} hours of service of the closure notice (served ${servedAt.toISOString()}), Christmas Day not counted; it was heard after ${Math.round(hours * 100) / 100}`,
      { field: 'hearingAt' },
    );
  }
  const limit = addMonths(issuedAt, CLOSURE_ORDER_MONTHS);
  if (input.endsAt > limit) {
    throw refuse(
      'CLOSURE_ORDER_TOO_LONG',
      `A closure order lasts at most ${CLOSURE_ORDER_MONTHS} months: made ${issuedAt.toISOString()}, it must end by ${limit.toISOString()}; extend it later if needed`,
      { field: 'endsAt' },
    );
  }
  return { endsAt: input.endsAt, hearingAt, precededBy: notice };
}
