import { clock } from '../../src/common/clock';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { StatementReview } from '../../src/documents/statement-review.entity';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { expectRefused } from '../mutations/refusals';
import { getDocument, makeStatementCase, type StatementCase } from './document-support';

interface Entry {
  recordId: string;
  kind: string;
  occurredAt: string;
  sourcePartners: string[];
  summary: string;
  details: string[];
}
const STATEMENT = gql<
  {
    leadOfficerStatement: {
      caseReference: string;
      osara: Record<string, string | null>;
      entries: Entry[];
      withheld: string[];
      reviewStatus: string;
      reviewHistory: { status: string; comments: string | null }[];
    } | null;
  },
  { caseId: string }
>(`
  query ($caseId: ID!) { leadOfficerStatement(caseId: $caseId) {
    caseReference withheld reviewStatus osara { objective scanning analysis response assessment } reviewHistory { status comments }
    entries { recordId kind occurredAt sourcePartners summary details } } }
`);
const REVIEW = gql<
  { recordStatementReview: { status: string } | null },
  { input: { caseId: string; status: string; comments?: string } }
>(`
  mutation ($input: RecordStatementReviewInput!) { recordStatementReview(input: $input) { status } }
`);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The text of a PDF, by poppler's pdftotext (.ci/run installs poppler-utils). */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, ' ');

describe('the lead officer statement', () => {
  let hub: TestHub;
  let story: StatementCase;

  beforeAll(async () => {
    hub = await startTestHub();
    story = await makeStatementCase(hub.em());
  });
  afterAll(() => hub.close());

  it('refuses an anonymous caller', async () => {
    const answer = await hub.request(STATEMENT, { caseId: story.onCase.id });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(
      (await getDocument(`${hub.url}/documents/cases/${story.onCase.id}/statement.html`)).status,
    ).toBe(401);
  });

  it('does not show another partner\u2019s case: it answers as a missing one, in GraphQL and as a document', async () => {
    const answer = await hub.request(STATEMENT, { caseId: story.onCase.id }, story.outsider.token);
    expect(codes(answer)).toEqual(['NOT_FOUND']);
    const hidden = await getDocument(
      `${hub.url}/documents/cases/${story.onCase.id}/statement.pdf`,
      story.outsider.token,
    );
    const missing = await getDocument(
      `${hub.url}/documents/cases/00000000-0000-4000-8000-000000000000/statement.pdf`,
      story.outsider.token,
    );
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  it('lists every incident, offer, visit, intervention and breach once, in date order, with its source partner', async () => {
    const answer = await hub.request(STATEMENT, { caseId: story.onCase.id }, story.police.token);
    const statement = answer.data!.leadOfficerStatement!;
    expect(statement.entries.map(({ recordId, kind }) => ({ recordId, kind }))).toEqual(
      story.expected,
    );
    const times = statement.entries.map((entry) => Date.parse(entry.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const entry of statement.entries) expect(entry.sourcePartners.length).toBeGreaterThan(0);
    const text = JSON.stringify(statement);
    for (const value of Object.values(story.texts)) expect(text).toContain(value);
    expect(text).toContain(story.perpetrator.familyName);
    expect(statement.withheld).toEqual([]);
    expect(statement.reviewStatus).toBe('DRAFT');
  });

  it('gives an analyst dates, categories and partners but no descriptions, OSARA text, names or terms, and says what it withheld', async () => {
    const answer = await hub.request(STATEMENT, { caseId: story.onCase.id }, story.analyst.token);
    const statement = answer.data!.leadOfficerStatement!;
    const text = JSON.stringify(answer);
    for (const value of Object.values(story.texts)) expect(text).not.toContain(value);
    // The OSARA text is free text: refused as on Osara itself.
    for (const value of Object.values(story.osara)) expect(text).not.toContain(value);
    expect(statement.osara).toEqual({
      objective: null,
      scanning: null,
      analysis: null,
      response: null,
      assessment: null,
    });
    expect(text).not.toContain(story.perpetrator.familyName);
    expect(text).not.toContain(story.victim.familyName);
    expect(statement.entries.map((entry) => entry.kind)).toEqual([
      'INCIDENT',
      'INTERVENTION',
      'BREACH',
      'INCIDENT',
    ]);
    expect(statement.withheld).toEqual(
      expect.arrayContaining([
        'Incident.description',
        'Intervention.terms',
        'Case.supportOffers',
        'Osara.objective',
      ]),
    );
  });

  it('never shows a housing officer the mental health clinical note or police intelligence, in HTML or PDF', async () => {
    const base = `${hub.url}/documents/cases/${story.onCase.id}/statement`;
    const page = await getDocument(`${base}.html`, story.housing.token);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    const htmlText = page.bytes.toString('utf8');
    expect(htmlText).toContain(story.onCase.reference);
    expect(htmlText).toContain(story.texts.terms);
    expect(htmlText).not.toContain(story.clinicalNote);
    expect(htmlText).not.toContain(story.intelligence);
    const pdf = await getDocument(`${base}.pdf`, story.housing.token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(2000);
    const printed = pdfText(pdf.bytes);
    expect(printed).toContain(story.onCase.reference);
    expect(printed).toContain(story.texts.terms);
    expect(printed).toContain(story.osara.objective);
    expect(printed).not.toContain(story.clinicalNote);
    expect(printed).not.toContain(story.intelligence);
  });

  it('audits the personal data a statement document shows, naming the case', async () => {
    const before = clock.nowMs();
    await getDocument(
      `${hub.url}/documents/cases/${story.onCase.id}/statement.html`,
      story.housing.token,
    );
    const rows = await hub
      .em()
      .getConnection()
      .execute<{ subject_type: string; fields: string[]; operation: string }[]>(
        `select subject_type, fields, operation from audit_entry
          where user_id = ? and case_id = ? and occurred_at >= ?`,
        [story.housing.user.id, story.onCase.id, new Date(before - 1000)],
      );
    expect(rows.map((row) => row.subject_type)).toEqual(
      expect.arrayContaining([
        'Incident',
        'SupportOffer',
        'JointVisit',
        'Intervention',
        'InterventionBreach',
      ]),
    );
    expect(rows.map((row) => row.operation)).toContain('GET /documents/cases/:id/statement.html');
  });

  it('shares the GraphQL rate limit: past it, a document answers 429 with Retry-After', async () => {
    const limited = await startTestHub({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const url = `${limited.url}/documents/cases/${story.onCase.id}/statement.html`;
      expect((await getDocument(url, story.police.token)).status).toBe(200);
      expect((await getDocument(url, story.police.token)).status).toBe(200);
      const refused = await fetch(url, {
        headers: { authorization: `Bearer ${story.police.token}` },
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('refuses roles that may not read a statement (an administrator) with 403', async () => {
    const page = await getDocument(
      `${hub.url}/documents/cases/${story.onCase.id}/statement.html`,
      story.admin.token,
    );
    expect(page.status).toBe(403);
  });

  it('lets only the legal team change the review status, with comments when returned, and keeps the history', async () => {
    const reviews = async () => ({
      reviews: await hub.em().count(StatementReview, { case: story.onCase.id }),
    });
    await expectRefused(
      hub,
      reviews,
      () =>
        hub.request(
          REVIEW,
          { input: { caseId: story.onCase.id, status: 'VALIDATED' } },
          story.police.token,
        ),
      'FORBIDDEN',
    );
    await expectRefused(
      hub,
      reviews,
      () =>
        hub.request(
          REVIEW,
          { input: { caseId: story.onCase.id, status: 'RETURNED_WITH_COMMENTS' } },
          story.legal.token,
        ),
      'REVIEW_COMMENTS_REQUIRED',
    );
    const returned = await hub.request(
      REVIEW,
      {
        input: {
          caseId: story.onCase.id,
          status: 'RETURNED_WITH_COMMENTS',
          comments: 'Add the log numbers',
        },
      },
      story.legal.token,
    );
    expect(returned.data!.recordStatementReview).toEqual({ status: 'RETURNED_WITH_COMMENTS' });
    await hub.request(
      REVIEW,
      { input: { caseId: story.onCase.id, status: 'VALIDATED' } },
      story.legal.token,
    );
    const answer = await hub.request(STATEMENT, { caseId: story.onCase.id }, story.police.token);
    expect(answer.data!.leadOfficerStatement!.reviewStatus).toBe('VALIDATED');
    expect(answer.data!.leadOfficerStatement!.reviewHistory).toEqual([
      { status: 'RETURNED_WITH_COMMENTS', comments: 'Add the log numbers' },
      { status: 'VALIDATED', comments: null },
    ]);
  });

  it('renders in a headless browser: the title and a chronology row are visible (screenshot in test/artifacts)', async () => {
    const page = await getDocument(
      `${hub.url}/documents/cases/${story.onCase.id}/statement.html`,
      story.police.token,
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage();
      await tab.setContent(page.bytes.toString('utf8'));
      expect(await tab.title()).toBe(`Lead officer statement: ${story.onCase.reference}`);
      await expect(tab.locator('h1').isVisible()).resolves.toBe(true);
      const rows = tab.locator('tr.entry');
      expect(await rows.count()).toBe(story.expected.length);
      expect(await rows.first().isVisible()).toBe(true);
      expect(await tab.locator('svg rect.bar').count()).toBeGreaterThan(0);
      const dir = path.join(__dirname, '..', 'artifacts');
      mkdirSync(dir, { recursive: true });
      await tab.screenshot({ path: path.join(dir, 'lead-officer-statement.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
