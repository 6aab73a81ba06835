/** The hub's enum values as a person would write them, for documents and packs. */
const LABELS: Record<string, string> = {
  WORDS_OF_ADVICE: 'Words of advice',
  LETTER_OF_EXPECTATION: 'Letter of expectation',
  ASB_WARNING_LETTER: 'First-stage ASB warning letter',
  ACCEPTABLE_BEHAVIOUR_CONTRACT: 'Acceptable behaviour contract',
  MEDIATION: 'Mediation',
  COMMUNITY_PROTECTION_WARNING: 'Community protection warning',
  COMMUNITY_PROTECTION_NOTICE: 'Community protection notice',
  COMMUNITY_PROTECTION_ORDER: 'Community protection order',
  CIVIL_INJUNCTION: 'Civil injunction',
  CRIMINAL_BEHAVIOUR_ORDER: 'Criminal behaviour order',
  CLOSURE_NOTICE: 'Closure notice',
  CLOSURE_ORDER: 'Closure order',
};

/** "COMMUNITY_PROTECTION_WARNING" as a reader would write it. */
export const labelOf = (value: string) =>
  LABELS[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
