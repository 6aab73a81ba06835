import { html, page, paragraphs, trusted, ukDate, ukDateTime } from './html';
import type { SentLetter } from './letter-template.entity';
import { HTML_LANG, type LetterLanguage, letterParts } from './letter-language';
import { labelOf } from '../common/labels';
import { StatementEntryKind, type LeadOfficerStatement } from './lead-officer-statement.service';
import { barChartSvg, incidentsPerWeek } from './svg-chart';
import { demandHtml } from './statement-demand';

/** The lead officer statement as a printable page: the same data as the GraphQL answer. */
export function statementHtml(statement: LeadOfficerStatement): string {
  const incidents = statement.entries.filter((entry) => entry.kind === StatementEntryKind.INCIDENT);
  const chart = incidents.length
    ? barChartSvg(
        'Incidents per week',
        incidentsPerWeek(incidents.map((entry) => entry.occurredAt)),
      )
    : null;
  const osaraRows: [string, string][] = [];
  for (const [label, text] of [
    ['Objective', statement.osara.objective],
    ['Scanning', statement.osara.scanning],
    ['Analysis', statement.osara.analysis],
    ['Response', statement.osara.response],
    ['Assessment', statement.osara.assessment],
  ] as const) {
    if (text) osaraRows.push([label, text]);
  }
  const current = statement.reviews[statement.reviews.length - 1];
  const title = `Lead officer statement: ${statement.caseReference}`;
  return page(
    title,
    html`<h1>${title}</h1>
      <table class="meta">
        <tr>
          <th>Case</th>
          <td>${statement.caseReference}: ${statement.caseTitle}</td>
        </tr>
        <tr>
          <th>Lead partner</th>
          <td>${statement.leadPartner}</td>
        </tr>
        <tr>
          <th>Lead officer</th>
          <td>${statement.leadOfficer ?? 'not recorded'}</td>
        </tr>
        <tr>
          <th>Legal review</th>
          <td class="review-status">
            ${current ? labelOf(current.status) : 'Draft'}${current?.comments
              ? html`: ${current.comments}`
              : ''}
          </td>
        </tr>
        <tr>
          <th>Prepared for</th>
          <td>${statement.preparedFor}, ${ukDateTime(statement.generatedAt)}</td>
        </tr>
      </table>
      ${osaraRows.length
        ? html`<h2>Problem-solving record (OSARA)</h2>
            <table class="meta osara">
              ${osaraRows.map(
                ([label, text]) =>
                  html`<tr>
                    <th>${label}</th>
                    <td>${paragraphs(text)}</td>
                  </tr>`,
              )}
            </table>`
        : ''}
      ${chart ? html`<div class="chart">${trusted(chart)}</div>` : ''}
      ${statement.amendments.length
        ? html`<h2>Amendments to the case record</h2>
            <ul class="amendments">
              ${statement.amendments.map((line) => html`<li>${line}</li>`)}
            </ul>`
        : ''}
      <h2>Chronology</h2>
      <table class="chronology">
        <thead>
          <tr>
            <th>No.</th>
            <th>Date</th>
            <th>Source</th>
            <th>Entry</th>
          </tr>
        </thead>
        <tbody>
          ${statement.entries.map(
            (entry, index) => html`
              <tr class="entry" data-kind="${entry.kind}" data-record="${entry.recordId}">
                <td>${index + 1}</td>
                <td class="date">${ukDate(entry.occurredAt)}</td>
                <td>${entry.sourcePartners.join('; ') || 'not recorded'}</td>
                <td>
                  <strong>${entry.summary}</strong>${entry.details.map(
                    (detail) => html`<br />${detail}`,
                  )}
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
      ${demandHtml(statement.demand)}
      ${statement.withheld.length
        ? html`<p class="muted withheld">
            Withheld from this copy under the sharing agreement (not readable by its recipient's
            partner and role): ${statement.withheld.join(', ')}.
          </p>`
        : ''}
      ${statement.reviews.length
        ? html`<h2>Legal review history</h2>
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Status</th>
                  <th>Comments</th>
                </tr>
              </thead>
              <tbody>
                ${statement.reviews.map(
                  (review) =>
                    html`<tr>
                      <td>${ukDateTime(review.reviewedAt)}</td>
                      <td>${labelOf(review.status)}</td>
                      <td>${review.comments ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : ''}
      <div class="signature">
        <p>
          I believe the facts stated in this chronology are true, drawn from the records of the
          partners named.
        </p>
        <p>Signed: ______________________ &nbsp; Date: ______________</p>
      </div>`,
  );
}

/** A letter as sent: the stored text, never re-rendered, so it prints as it went out. */
export function letterHtml(letter: SentLetter): string {
  const [first, second] = letterParts(letter.language);
  const part = (language: LetterLanguage, title: string, text: string) =>
    html`<section lang="${HTML_LANG[language]}">
      <h1>${title}</h1>
      ${paragraphs(text)}
    </section>`;
  // A letter in both languages is one document: the Welsh part first, then the English on a new page.
  return page(
    second ? `${letter.title} / ${letter.secondTitle}` : letter.title,
    html`<div class="letter">
      <p class="muted">
        Sent ${ukDate(letter.sentAt)} &middot; template version ${letter.templateVersion}
      </p>
      ${part(first, letter.title, letter.text)}
      ${second
        ? html`<div style="break-before: page"></div>
            ${part(second, letter.secondTitle ?? '', letter.secondText ?? '')}`
        : ''}
    </div>`,
    HTML_LANG[first],
  );
}
