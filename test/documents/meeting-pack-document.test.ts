import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { DEMO_PARTNERS } from '../../src/demo/demo-directory';
import { auditRowsOf, demoToken, demoUserId } from '../audit/audit-support';
import { startTestHub, type TestHub } from '../support/hub';
import { getDocument, pdfText, printedPixels } from './document-support';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CLINICAL_NOTE = 'CLINICAL-NOTE';

/** The charts' bar blue (#3b5b92) on the printed pages. */
const chartPixels = (pdf: Buffer) => printedPixels(pdf, [59, 91, 146], 25);

describe('the meeting pack as HTML and PDF (demo cuckooing meeting)', () => {
  let hub: TestHub;
  const base = () => `${hub.url}/documents/meetings/${DEMO_IDS.meeting}/pack`;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('never shows the mental health clinical note in the housing officer\u2019s pack or the whole-meeting pack (HTML and PDF), and shows it in the mental health partner\u2019s own pack', async () => {
    const housing = await demoToken('housing.williams');
    const mentalHealth = await demoToken('mh.thomas');
    const housingQuery = `?audience=PARTNER&partnerId=${DEMO_PARTNERS.housing.id}`;
    const ownQuery = `?audience=PARTNER&partnerId=${DEMO_PARTNERS.mentalHealth.id}`;
    for (const [token, query] of [
      [housing, housingQuery],
      [housing, ''],
      [mentalHealth, '?audience=WHOLE_MEETING'],
    ]) {
      const page = await getDocument(`${base()}.html${query}`, token);
      expect(page.status).toBe(200);
      const text = page.bytes.toString('utf8');
      expect(text).toContain('ASB-2026-0001');
      expect(text).not.toContain(CLINICAL_NOTE);
      expect(text).toContain('Withheld from this pack');
      const pdf = await getDocument(`${base()}.pdf${query}`, token);
      expect(pdf.status).toBe(200);
      const printed = pdfText(pdf.bytes);
      expect(printed).toContain('ASB-2026-0001');
      expect(printed).not.toContain(CLINICAL_NOTE);
    }
    const own = await getDocument(`${base()}.html${ownQuery}`, mentalHealth);
    expect(own.status).toBe(200);
    expect(own.bytes.toString('utf8')).toContain(CLINICAL_NOTE);
    const ownPdf = await getDocument(`${base()}.pdf${ownQuery}`, mentalHealth);
    expect(pdfText(ownPdf.bytes)).toContain(CLINICAL_NOTE);
  });

  it('prints a PDF with the charts: the HTML carries them as <svg>, the PDF is a PDF with them drawn', async () => {
    const token = await demoToken('asb.jones');
    const page = (await getDocument(`${base()}.html`, token)).bytes.toString('utf8');
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
    expect(page).toContain('Incidents per week, last 6 months');
    expect(page).toContain('Incidents by day of week and hour');
    const pdf = await getDocument(`${base()}.pdf`, token);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(chartPixels(pdf.bytes)).toBeGreaterThan(50);
    // The chart titles are the SVGs' own text, so they are in the printed page.
    expect(pdfText(pdf.bytes)).toContain('Incidents per week, last 6 months');
    expect(pdfText(pdf.bytes)).toContain('Incidents by day of week and hour');
  });

  it('answers like the GraphQL meetingPack: 401 anonymous, 404 for a non-attending partner or a missing meeting, 403 for another partner\u2019s pack', async () => {
    expect((await getDocument(`${base()}.html`)).status).toBe(401);
    const fire = await demoToken('fire.roberts');
    const missing = await getDocument(
      `${hub.url}/documents/meetings/60000000-0000-4000-8000-00000000ffff/pack.html`,
      await demoToken('housing.williams'),
    );
    const notAttending = await getDocument(`${base()}.pdf`, fire);
    expect(notAttending.status).toBe(404);
    expect(missing.status).toBe(404);
    const error = (answer: { bytes: Buffer }) => {
      const [first] = JSON.parse(answer.bytes.toString('utf8')).errors;
      return { message: first.message.replace(/[0-9a-f-]{36}/, 'ID'), code: first.extensions.code };
    };
    expect(error(notAttending)).toEqual(error(missing));
    const other = await getDocument(
      `${base()}.html?audience=PARTNER&partnerId=${DEMO_PARTNERS.police.id}`,
      await demoToken('housing.williams'),
    );
    expect(other.status).toBe(403);
    const bad = await getDocument(`${base()}.html?audience=EVERYONE`, fire);
    expect(bad.status).toBe(400);
  });

  it('audits what the pack shows before sending it', async () => {
    const userId = await demoUserId(hub, 'dac.lewis');
    const before = (await auditRowsOf(hub, userId)).length;
    const answer = await getDocument(`${base()}.html`, await demoToken('dac.lewis'));
    expect(answer.status).toBe(200);
    const rows = await auditRowsOf(hub, userId);
    expect(rows.length).toBeGreaterThan(before);
    expect(rows.some((row: any) => row.subject_type === 'MeetingPackItem')).toBe(true);
  });

  it('renders in a headless browser: a case reference and a chart are visible (screenshot in test/artifacts)', async () => {
    const page = await getDocument(`${base()}.html`, await demoToken('asb.jones'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage();
      await tab.setContent(page.bytes.toString('utf8'));
      await expect(
        tab.getByText('ASB-2026-0001', { exact: false }).first().isVisible(),
      ).resolves.toBe(true);
      await expect(tab.locator('svg').first().isVisible()).resolves.toBe(true);
      expect(await tab.locator('svg rect.bar').count()).toBe(26);
      expect(await tab.locator('svg rect.cell').count()).toBe(7 * 24);
      const dir = path.join(__dirname, '..', 'artifacts');
      mkdirSync(dir, { recursive: true });
      await tab.screenshot({ path: path.join(dir, 'meeting-pack.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
