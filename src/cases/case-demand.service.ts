import type { EntityManager } from '@mikro-orm/postgresql';
import { clock } from '../common/clock';
import { checkWindowDays } from '../aggregates/intervention-impact.service';
import { InterventionKind } from '../interventions/intervention-enums';
import { Intervention } from '../interventions/intervention.entity';
import { PartnerKind } from '../partners/partner-kind.enum';
import { CASE_DEMAND, type CaseDemandRow } from './case-demand.sql';

/**
 * The window either side of an intervention when the caller names none: 90 days, the same
 * default as the analysts' interventionImpact, so the two can be read side by side.
 */
export const DEFAULT_CASE_DEMAND_DAYS = 90;

/** Calls to one kind of partner before and after an intervention. */
export interface PartnerDemand {
  partnerKind: PartnerKind;
  before: number;
  after: number;
}

/** Demand in one place or for one set of people: the totals count each incident once. */
export interface DemandCounts {
  before: number;
  after: number;
  byPartner: PartnerDemand[];
}

export interface InterventionDemand {
  interventionId: string;
  kind: InterventionKind;
  issuedAt: Date;
  windowDays: number;
  /** The before-window starts here; the after-window ends at `afterUntil` (excluded). */
  beforeFrom: Date;
  afterUntil: Date;
  /** False while the after-window is still running: its counts will grow. */
  afterWindowEnded: boolean;
  atPremises: DemandCounts;
  forPeople: DemandCounts;
}

const PARTNER_ORDER = Object.values(PartnerKind);
const DAY_MS = 86_400_000;

/**
 * The case's call demand around each of its interventions, oldest first: the case's own
 * incidents, exact counts (case data for the case's readers; no suppression or perturbation,
 * which belong to releases beyond the case). The caller has already shown the viewer may read
 * the case (the case view, the statement).
 */
export async function caseDemand(
  em: EntityManager,
  caseId: string,
  windowDays: number = DEFAULT_CASE_DEMAND_DAYS,
): Promise<InterventionDemand[]> {
  return (await casesDemand(em, [caseId], windowDays)).get(caseId) ?? [];
}

/**
 * `caseDemand` for a batch of cases in two statements, whatever their number (a case list asks
 * it of every row: src/cases/case.loaders.ts). Every case given has an entry, empty when it has
 * no intervention.
 */
export async function casesDemand(
  em: EntityManager,
  caseIds: readonly string[],
  windowDays: number = DEFAULT_CASE_DEMAND_DAYS,
): Promise<Map<string, InterventionDemand[]>> {
  const days = checkWindowDays(windowDays);
  const byCase = new Map<string, InterventionDemand[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const interventions = await em.find(
    Intervention,
    { case: { $in: [...caseIds] } },
    { orderBy: { issuedAt: 'asc', id: 'asc' } },
  );
  if (interventions.length === 0) return byCase;
  const rows = await em.execute<CaseDemandRow[]>(CASE_DEMAND, [`{${caseIds.join(',')}}`, days]);
  const now = clock.nowMs();
  const rowsOf = new Map<string, CaseDemandRow[]>();
  for (const row of rows) {
    const key = `${row.intervention_id}:${row.scope}`;
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  }
  const counts = (interventionId: string, scope: CaseDemandRow['scope']): DemandCounts => {
    const mine = rowsOf.get(`${interventionId}:${scope}`) ?? [];
    const total = mine.find((r) => r.partner_kind === null);
    return {
      before: total?.before ?? 0,
      after: total?.after ?? 0,
      byPartner: mine
        .filter((r) => r.partner_kind !== null && (r.before > 0 || r.after > 0))
        .map((r) => ({
          partnerKind: r.partner_kind as PartnerKind,
          before: r.before,
          after: r.after,
        }))
        .sort(
          (a, b) => PARTNER_ORDER.indexOf(a.partnerKind) - PARTNER_ORDER.indexOf(b.partnerKind),
        ),
    };
  };
  for (const intervention of interventions) {
    const issued = intervention.issuedAt.getTime();
    byCase.get(intervention.case.id)?.push({
      interventionId: intervention.id,
      kind: intervention.kind,
      issuedAt: intervention.issuedAt,
      windowDays: days,
      beforeFrom: new Date(issued - days * DAY_MS),
      afterUntil: new Date(issued + days * DAY_MS),
      afterWindowEnded: issued + days * DAY_MS <= now,
      atPremises: counts(intervention.id, 'PREMISES'),
      forPeople: counts(intervention.id, 'PEOPLE'),
    });
  }
  return byCase;
}
