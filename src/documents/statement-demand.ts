import type { EntityManager } from '@mikro-orm/postgresql';
import { labelOf } from '../common/labels';
import { caseDemand, type InterventionDemand } from '../cases/case-demand.service';
import { html, ukDate } from './html';

/**
 * The statement's "Demand around interventions" section: the same figures as Case.demand, with
 * its default window, when the viewer may read Case.demand (else withheld, like any part). Kept
 * apart from the chronology so the statement's other sections change without touching it.
 */
export async function statementDemand(
  em: EntityManager,
  caseId: string,
  may: (type: string, field: string) => boolean,
): Promise<InterventionDemand[]> {
  return may('Case', 'demand') ? caseDemand(em, caseId) : [];
}

/** The section as printed: one table per intervention, by partner kind. */
export function demandHtml(demand: InterventionDemand[]) {
  if (demand.length === 0) return '';
  const rows = (label: string, counts: InterventionDemand['atPremises']) => [
    html`<tr class="demand-total">
      <th>${label}: all partners</th>
      <td>${counts.before}</td>
      <td>${counts.after}</td>
    </tr>`,
    ...counts.byPartner.map(
      (partner) =>
        html`<tr>
          <td>${label}: ${labelOf(partner.partnerKind)}</td>
          <td>${partner.before}</td>
          <td>${partner.after}</td>
        </tr>`,
    ),
  ];
  return html`<h2>Demand around interventions</h2>
    <p class="muted">
      The case's own incidents reported in the ${demand[0].windowDays} days before and after each
      intervention, by the kind of partner they were reported to; an incident reported to two
      partners counts for each, once in the totals.
    </p>
    ${demand.map(
      (item) =>
        html`<table class="demand" data-intervention="${item.interventionId}">
          <caption>
            ${labelOf(item.kind)}, issued
            ${ukDate(item.issuedAt)}${item.afterWindowEnded
              ? ''
              : ' (the period after it has not ended)'}
          </caption>
          <thead>
            <tr>
              <th>Calls</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            ${rows('At the premises', item.atPremises)}${rows('For its people', item.forPeople)}
          </tbody>
        </table>`,
    )}`;
}
