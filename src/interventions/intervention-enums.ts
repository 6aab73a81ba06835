import { registerEnumType } from 'type-graphql';

/** The escalation ladder, from early intervention to court orders and premises closure. */
export enum InterventionKind {
  WORDS_OF_ADVICE = 'WORDS_OF_ADVICE',
  LETTER_OF_EXPECTATION = 'LETTER_OF_EXPECTATION',
  ASB_WARNING_LETTER = 'ASB_WARNING_LETTER',
  ACCEPTABLE_BEHAVIOUR_CONTRACT = 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  MEDIATION = 'MEDIATION',
  /** Community protection warning: names the conduct and a date by which it must stop. */
  COMMUNITY_PROTECTION_WARNING = 'COMMUNITY_PROTECTION_WARNING',
  /** Community protection notice: only after a CPW and continued conduct (2014 Act s.43). */
  COMMUNITY_PROTECTION_NOTICE = 'COMMUNITY_PROTECTION_NOTICE',
  COMMUNITY_PROTECTION_ORDER = 'COMMUNITY_PROTECTION_ORDER',
  CIVIL_INJUNCTION = 'CIVIL_INJUNCTION',
  CRIMINAL_BEHAVIOUR_ORDER = 'CRIMINAL_BEHAVIOUR_ORDER',
  CLOSURE_NOTICE = 'CLOSURE_NOTICE',
  CLOSURE_ORDER = 'CLOSURE_ORDER',
}

export enum InterventionStatus {
  ACTIVE = 'ACTIVE',
  COMPLIED = 'COMPLIED',
  BREACHED = 'BREACHED',
  ENDED = 'ENDED',
}

/** Interventions in force: not complied with, not ended (a breached one still binds). */
export const IN_FORCE: readonly InterventionStatus[] = [
  InterventionStatus.ACTIVE,
  InterventionStatus.BREACHED,
];

/** Who authorised a closure notice of more than 24 hours (2014 Act s.77). */
export enum ClosureSignOff {
  /** A police officer of at least the rank of superintendent, for a notice the police issue. */
  SUPERINTENDENT = 'SUPERINTENDENT',
  /** The council's chief executive or their designate, for a notice the council issues. */
  CHIEF_EXECUTIVE_DESIGNATE = 'CHIEF_EXECUTIVE_DESIGNATE',
}

registerEnumType(ClosureSignOff, { name: 'ClosureSignOff' });
registerEnumType(InterventionKind, { name: 'InterventionKind' });
registerEnumType(InterventionStatus, { name: 'InterventionStatus' });
