import type { AuditTrail } from '../audit/audit-trail';
import { PERSONAL_DATA } from '../audit/personal-data';
import type {
  MeetingPack,
  MeetingPackChart,
  MeetingPackItem,
  WithheldSection,
} from '../meetings/meeting-pack.type';
import { html, page, trusted, ukDate, ukDateTime, type Html } from './html';
import { labelOf } from '../common/labels';
import { barChartSvg, heatmapSvg } from './svg-chart';

const DAY_MS = 24 * 3600 * 1000;
const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'Europe/London',
});

/** The sections of an agenda item, in the order the page shows them. */
type Part = 'case' | 'map' | 'chronology' | 'caseReview' | 'actions' | 'people' | 'chart';

/** Which part of the page a withheld section (`item 1 chronology breaches`) belongs to. */
function partOf(item: MeetingPackItem, withheld: WithheldSection): Part {
  const rest = withheld.section.slice(`item ${item.position}`.length).trim();
  if (rest.startsWith('chronology')) return 'chronology';
  if (rest.startsWith('case review')) return 'caseReview';
  if (rest.startsWith('action')) return 'actions';
  if (rest.startsWith('people')) return 'people';
  if (rest.startsWith('chart')) return 'chart';
  if (rest.startsWith('map')) return 'map';
  return 'case';
}

/** The visible note that something was left out here: where and why, never what. */
function withheldNote(item: MeetingPackItem, part: Part): Html | string {
  const here = item.withheld.filter((withheld) => partOf(item, withheld) === part);
  if (!here.length) return '';
  return html`<div class="withheld muted" data-part="${part}">
    <strong>Withheld from this pack:</strong>
    <ul>
      ${here.map((withheld) => html`<li>${withheld.section}: ${withheld.reason}</li>`)}
    </ul>
  </div>`;
}

function charts(chart: MeetingPackChart): Html {
  const bars = chart.incidentsPerWeek.map((value, week) => ({
    label: WEEK_LABEL.format(new Date(chart.from.getTime() + week * 7 * DAY_MS)),
    value,
  }));
  return html`<div class="chart">
      ${trusted(barChartSvg('Incidents per week, last 6 months', bars))}
    </div>
    <div class="chart">
      ${trusted(heatmapSvg('Incidents by day of week and hour (UK time)', chart.dayOfWeekByHour))}
    </div>`;
}

function itemHtml(item: MeetingPackItem): Html {
  const heading = item.reference
    ? `${item.position}. ${item.reference}${item.title ? `: ${item.title}` : ''}`
    : `${item.position}. Case withheld`;
  if (!item.caseId && !item.reference) {
    return html`<section class="item">
      <h2>${heading}</h2>
      ${withheldNote(item, 'case')}
    </section>`;
  }
  return html`<section class="item" data-case="${item.reference ?? ''}">
    <h2>${heading}</h2>
    <table class="meta">
      <tr>
        <th>Summary</th>
        <td>${item.summary ?? html`<span class="muted">not shown</span>`}</td>
      </tr>
      <tr>
        <th>Status</th>
        <td>${item.status ? labelOf(item.status) : ''}</td>
      </tr>
      <tr>
        <th>OSARA stage</th>
        <td>${item.osaraStage ? labelOf(item.osaraStage) : ''}</td>
      </tr>
      <tr>
        <th>Risk</th>
        <td>${item.riskLevel ? labelOf(item.riskLevel) : ''}</td>
      </tr>
    </table>
    ${withheldNote(item, 'case')}
    ${item.map ? html`<div class="map">${trusted(item.map)}</div>` : ''}
    ${withheldNote(item, 'map')}
    <h3>
      Chronology
      ${item.chronologySince
        ? `since the last meeting (${ukDate(item.chronologySince)})`
        : 'from the start'}
    </h3>
    ${item.chronology.length
      ? html`<table class="chronology">
          <thead>
            <tr>
              <th>Date</th>
              <th>Partner</th>
              <th>Entry</th>
            </tr>
          </thead>
          <tbody>
            ${item.chronology.map(
              (entry) =>
                html`<tr data-kind="${entry.kind}">
                  <td class="date">${ukDate(entry.occurredAt)}</td>
                  <td>${entry.partner?.name ?? 'Several partners'}</td>
                  <td>
                    <strong>${entry.label}</strong>${entry.answer
                      ? html` (${labelOf(entry.answer)})`
                      : ''}${entry.deadline
                      ? html`; comply by ${ukDate(entry.deadline)}`
                      : ''}${entry.detail ? html`<br />${entry.detail}` : ''}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="muted">Nothing recorded in this period.</p>`}
    ${withheldNote(item, 'chronology')}
    <h3>Case review</h3>
    ${item.caseReview && (item.caseReview.applicationStep || item.caseReview.decisionOutcome)
      ? html`<table class="meta case-review">
          <tr>
            <th>Application</th>
            <td>
              ${item.caseReview.applicationStep
                ? labelOf(item.caseReview.applicationStep)
                : 'none'}${item.caseReview.appliedAt
                ? html`, applied ${ukDate(item.caseReview.appliedAt)}`
                : ''}
            </td>
          </tr>
          <tr>
            <th>Decision</th>
            <td>
              ${item.caseReview.decisionOutcome
                ? labelOf(item.caseReview.decisionOutcome)
                : 'none yet'}${item.caseReview.thresholdMet === null ||
              item.caseReview.thresholdMet === undefined
                ? ''
                : item.caseReview.thresholdMet
                  ? '; threshold met'
                  : '; threshold not met'}${item.caseReview.decidedAt
                ? html`, ${ukDate(item.caseReview.decidedAt)}`
                : ''}
            </td>
          </tr>
        </table>`
      : html`<p class="muted">No case review.</p>`}
    ${withheldNote(item, 'caseReview')}
    <h3>Outstanding actions by partner</h3>
    ${item.actionsByPartner.length
      ? html`<table class="actions">
          <thead>
            <tr>
              <th>Partner</th>
              <th>Outstanding</th>
              <th>Overdue</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            ${item.actionsByPartner.map(
              (row) =>
                html`<tr>
                  <td>${row.partner.name}</td>
                  <td>${row.outstanding}</td>
                  <td>${row.overdue}</td>
                  <td>
                    ${row.actions.map(
                      (action, i) =>
                        html`${i ? html`<br />` : ''}${action.title ?? labelOf(action.source)}, due
                        ${ukDate(action.dueDate)}${action.overdue
                          ? html` <strong>(overdue)</strong>`
                          : ''}`,
                    )}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="muted">No open actions.</p>`}
    ${withheldNote(item, 'actions')}
    <h3>People and partner records</h3>
    ${item.people.length
      ? html`<table class="people">
          <tbody>
            ${item.people.map(
              (person) =>
                html`<tr>
                  <td>${labelOf(person.role)}</td>
                  <td>
                    <strong>${person.name ?? 'name withheld'}</strong>
                    ${person.records.map(
                      (record) =>
                        html`<br /><span class="kind">${record.kind}</span> (${record.owner.name}):
                          ${record.fields
                            .filter((field) => field.value !== null && field.value !== undefined)
                            .map(
                              (field, i) => html`${i ? '; ' : ''}${field.name}: ${field.value}`,
                            )}`,
                    )}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="muted">No one shown.</p>`}
    ${withheldNote(item, 'people')} ${item.chart ? charts(item.chart) : ''}
    ${withheldNote(item, 'chart')}
  </section>`;
}

/** The meeting pack as a printable page: the same structured pack as GraphQL's meetingPack. */
export function meetingPackHtml(pack: MeetingPack): string {
  const audience =
    pack.audience === 'PARTNER'
      ? `Partner pack for ${pack.audiencePartners.map((p) => p.name).join(', ')}`
      : 'Whole-meeting pack';
  const title = `Meeting pack: ${ukDateTime(pack.heldAt)}`;
  return page(
    title,
    html`<h1>${title}</h1>
      <table class="meta">
        <tr>
          <th>Audience</th>
          <td class="audience">${audience}</td>
        </tr>
        <tr>
          <th>Attending partners</th>
          <td>${pack.audiencePartners.map((p) => p.name).join('; ')}</td>
        </tr>
        <tr>
          <th>Prepared</th>
          <td>${ukDateTime(pack.generatedAt)}</td>
        </tr>
      </table>
      <p class="muted">
        Only what the sharing policy releases to every partner in this pack's audience is shown;
        where something was left out, a note says where and why, never what.
      </p>
      ${pack.items.length ? pack.items.map(itemHtml) : html`<p>No cases on the agenda.</p>`}`,
  );
}

/**
 * Notes on `audit` every personal data field the page shows, as the GraphQL audit middleware
 * would for the same pack (src/audit/personal-data.ts decides which fields and whose they are).
 */
export function auditMeetingPack(pack: MeetingPack, audit: AuditTrail): void {
  const note = (typeName: string, object: object) => {
    const entry = PERSONAL_DATA[typeName];
    if (!entry) return;
    const values = object as Record<string, unknown>;
    for (const field of entry.fields) {
      const value = values[field];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      audit.read(typeName, field, entry.subject(object));
    }
  };
  for (const item of pack.items) {
    note('MeetingPackItem', item);
    for (const entry of item.chronology) note('MeetingPackEntry', entry);
    for (const row of item.actionsByPartner)
      for (const action of row.actions) note('MeetingPackAction', action);
    for (const person of item.people) {
      note('MeetingPackPerson', person);
      for (const record of person.records) {
        note('MeetingPackRecord', record);
        for (const field of record.fields) note('MeetingPackField', field);
      }
    }
  }
}
