import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { PdfRenderer } from '../../src/documents/pdf-renderer';
import { demoToken } from '../audit/audit-support';
import { startTestHub, type TestHub } from '../support/hub';
import { getDocument } from './document-support';

/** Restricted detail in the demo story that no statement may carry, whoever prints it. */
const NEVER = ['CLINICAL-NOTE', 'POLICE-INTEL', 'HOUSING-NOTE', 'TREATMENT-DETAIL'];

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('the demo cuckooing case\u2019s lead officer statement', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('prints for the housing officer with the joint work and warnings, and no partner\u2019s restricted detail', async () => {
    const token = await demoToken('housing.williams');
    const base = `${hub.url}/documents/cases/${DEMO_IDS.cuckooingCase}/statement`;
    const page = (await getDocument(`${base}.html`, token)).bytes.toString('utf8');
    const printed = pdfText((await getDocument(`${base}.pdf`, token)).bytes);
    for (const text of [page, printed]) {
      expect(text).toContain('ASB-2026-0001');
      expect(text).toMatch(/Community protection warning/);
      expect(text).toMatch(/Joint visit/);
      for (const secret of NEVER) expect(text).not.toContain(secret);
    }
  });
});

describe('when the audit cannot be written', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const client = new Client({ connectionString: hub.orm.config.get('clientUrl') });
    await client.connect();
    try {
      await client.query(`create function refuse_audit_insert() returns trigger language plpgsql as $$
        begin raise exception 'audit storage unavailable (test)'; end $$`);
      await client.query(`create trigger refuse_audit_insert before insert on audit_entry
        for each statement execute function refuse_audit_insert()`);
    } finally {
      await client.end();
    }
  });
  afterAll(() => hub.close());

  it('sends no statement: 503 AUDIT_UNAVAILABLE and none of the case\u2019s personal data', async () => {
    const token = await demoToken('housing.williams');
    for (const format of ['html', 'pdf']) {
      const answer = await getDocument(
        `${hub.url}/documents/cases/${DEMO_IDS.cuckooingCase}/statement.${format}`,
        token,
      );
      expect(answer.status).toBe(503);
      const body = JSON.parse(answer.bytes.toString('utf8'));
      expect(body.errors[0].extensions.code).toBe('AUDIT_UNAVAILABLE');
      expect(answer.bytes.toString('utf8')).not.toContain('Seren');
    }
  });
});

describe('the PDF printer', () => {
  it('prints documents one after another with its browser, and refuses them once closed (the hub closes it on stop)', async () => {
    const printer = new PdfRenderer(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
    const first = await printer.pdf('<!doctype html><title>a</title><p>one</p>');
    const second = await printer.pdf('<!doctype html><title>b</title><p>two</p>');
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(second)).toContain('two');
    await printer.close();
    await expect(printer.pdf('<p>three</p>')).rejects.toMatchObject({
      extensions: { code: 'PDF_UNAVAILABLE' },
    });
  });
});
