import { OsaraStage } from '../cases/case-enums';
import type { Osara } from '../cases/osara.embeddable';
import { HubError } from '../errors';

/*
 * OSARA problem-solving model, area procedure: a case is worked through Objective, Scanning,
 * Analysis, Response and Assessment in that order. Each stage needs its content before the case
 * moves on; an earlier stage can be reopened, with a reason; a case closes only after Assessment.
 */

export const SOURCE = 'OSARA problem-solving model, area procedure';

export const OSARA_ORDER: readonly OsaraStage[] = [
  OsaraStage.OBJECTIVE,
  OsaraStage.SCANNING,
  OsaraStage.ANALYSIS,
  OsaraStage.RESPONSE,
  OsaraStage.ASSESSMENT,
];

export const stageIndex = (stage: OsaraStage) => OSARA_ORDER.indexOf(stage);
export const nextStage = (stage: OsaraStage): OsaraStage | undefined =>
  OSARA_ORDER[stageIndex(stage) + 1];

/** What the hub knows about a case's OSARA work besides the embedded record. */
export interface OsaraFacts {
  osara: Osara;
  /** Partners on the case asked for their data (scanning). */
  partnersAsked: number;
  /** Open or done actions with source OSARA_RESPONSE, assigned to partners on the case. */
  responseActions: number;
}

/** Each missing item, by the name a client shows, with what the practitioner must do. */
const REQUIREMENTS: Record<OsaraStage, [string, (facts: OsaraFacts) => boolean, string][]> = {
  [OsaraStage.OBJECTIVE]: [
    ['objective', (f) => Boolean(f.osara.objective), 'record what the case must achieve'],
    ['objectiveTargetDate', (f) => Boolean(f.osara.objectiveTargetDate), 'set a target date'],
  ],
  [OsaraStage.SCANNING]: [
    ['scanning', (f) => Boolean(f.osara.scanning), 'record what data the partners hold'],
    [
      'partnerRequests',
      (f) => f.partnersAsked > 0,
      'ask at least one partner on the case for its data',
    ],
  ],
  [OsaraStage.ANALYSIS]: [
    ['analysis', (f) => Boolean(f.osara.analysis), 'record the findings of the analysis'],
  ],
  [OsaraStage.RESPONSE]: [
    [
      'responseActions',
      (f) => f.responseActions > 0,
      'assign at least one OSARA response action to a partner on the case',
    ],
  ],
  [OsaraStage.ASSESSMENT]: [
    ['assessment', (f) => Boolean(f.osara.assessment), 'record what worked'],
  ],
};

/** The names of what `stage` still lacks; empty when its content is complete. */
export function missingFor(stage: OsaraStage, facts: OsaraFacts): string[] {
  return REQUIREMENTS[stage].filter(([, met]) => !met(facts)).map(([name]) => name);
}

const label = (stage: OsaraStage) => stage.charAt(0) + stage.slice(1).toLowerCase();

/** OSARA_STAGE_INCOMPLETE: the current stage lacks content, so the next one cannot start. */
export function stageIncomplete(stage: OsaraStage, facts: OsaraFacts): HubError | undefined {
  const missing = REQUIREMENTS[stage].filter(([, met]) => !met(facts));
  if (missing.length === 0) return undefined;
  return new HubError(
    'OSARA_STAGE_INCOMPLETE',
    `${label(stage)} is not complete: ${missing.map(([, , todo]) => todo).join('; ')} (${SOURCE})`,
    { stage, missing: missing.map(([name]) => name) },
  );
}

/** OSARA_STAGE_OUT_OF_ORDER: the write belongs to another stage than the one the case is at. */
export function outOfOrder(current: OsaraStage, what: string): HubError {
  return new HubError(
    'OSARA_STAGE_OUT_OF_ORDER',
    `The case is at ${label(current)}: ${what} (${SOURCE})`,
    { stage: current },
  );
}

/** Content of a stage is recorded while the case is at that stage; reopen it to change it later. */
export function requireStage(current: OsaraStage, stage: OsaraStage, what: string) {
  if (current !== stage) {
    throw outOfOrder(
      current,
      stageIndex(stage) < stageIndex(current)
        ? `reopen ${label(stage)} to change ${what}`
        : `${what} is recorded at ${label(stage)}, after the stages before it`,
    );
  }
}

export { label as stageLabel };
