import {
  LetterTemplate,
  LetterTemplateChange,
  SentLetter,
} from '../../src/documents/letter-template.entity';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { expectRefused } from '../mutations/refusals';
import { getDocument, makeStatementCase, type StatementCase } from './document-support';

const TEMPLATES = gql<{
  letterTemplates: { id: string; kind: string; body: string; version: number }[] | null;
}>(`
  query { letterTemplates { id kind body version } }
`);
const UPDATE = gql<
  { updateLetterTemplate: { version: number; body: string } | null },
  { input: { id: string; body: string; reason: string } }
>(
  `mutation ($input: UpdateLetterTemplateInput!) { updateLetterTemplate(input: $input) { version body } }`,
);
const PREVIEW = gql<
  { previewLetter: { title: string; text: string } | null },
  { input: { templateId: string; body?: string; interventionId?: string } }
>(`query ($input: PreviewLetterInput!) { previewLetter(input: $input) { title text } }`);
const SEND = gql<
  { recordLetterSent: { text: string; templateVersion: number } | null },
  { id: string }
>(`
  mutation ($id: ID!) { recordLetterSent(interventionId: $id) { text templateVersion } }
`);

/* Templates are area-wide: these tests change them in a private database. */
describe('letter templates', () => {
  let hub: TestHub;
  let story: StatementCase;
  let cpwTemplate: { id: string; body: string; version: number };

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    story = await makeStatementCase(hub.em());
  });
  afterAll(() => hub.close());

  it('are seeded for the five written steps, with placeholders', async () => {
    const answer = await hub.request(TEMPLATES, {}, story.admin.token);
    const kinds = answer.data!.letterTemplates!.map((t) => t.kind).sort();
    expect(kinds).toEqual([
      'ASB_WARNING_LETTER',
      'COMMUNITY_PROTECTION_NOTICE',
      'COMMUNITY_PROTECTION_WARNING',
      'LETTER_OF_EXPECTATION',
      'WORDS_OF_ADVICE',
    ]);
    cpwTemplate = answer.data!.letterTemplates!.find(
      (t) => t.kind === 'COMMUNITY_PROTECTION_WARNING',
    )!;
    expect(cpwTemplate.body).toContain('{{subject.fullName}}');
    expect(cpwTemplate.body).toContain('{{intervention.complianceDate}}');
  });

  it('previews for an administrator against sample values, never an intervention\u2019s personal data', async () => {
    const sample = await hub.request(
      PREVIEW,
      { input: { templateId: cpwTemplate.id } },
      story.admin.token,
    );
    expect(sample.data!.previewLetter!.text).toContain('Alex Sample');
    const real = await hub.request(
      PREVIEW,
      { input: { templateId: cpwTemplate.id, interventionId: story.cpw.id } },
      story.admin.token,
    );
    expect(codes(real)).toEqual(['FORBIDDEN']);
  });

  it('previews unsaved wording against an intervention for a practitioner, saving nothing', async () => {
    const before = await hub.em().count(LetterTemplateChange, {});
    const answer = await hub.request(
      PREVIEW,
      {
        input: {
          templateId: cpwTemplate.id,
          body: 'Dear {{subject.fullName}}, by {{intervention.complianceDate}}: {{intervention.terms}}',
          interventionId: story.cpw.id,
        },
      },
      story.police.token,
    );
    const text = answer.data!.previewLetter!.text;
    expect(text).toContain(`${story.perpetrator.givenName} ${story.perpetrator.familyName}`);
    expect(text).toContain(story.texts.terms);
    expect(await hub.em().count(LetterTemplateChange, {})).toBe(before);
  });

  it('refuses an unknown placeholder with UNKNOWN_PLACEHOLDER, in a preview and in an edit, changing nothing', async () => {
    const preview = await hub.request(
      PREVIEW,
      { input: { templateId: cpwTemplate.id, body: 'Dear {{subject.nickname}}' } },
      story.admin.token,
    );
    expect(codes(preview)).toEqual(['UNKNOWN_PLACEHOLDER']);
    expect(preview.errors![0].extensions!.placeholders).toEqual(['subject.nickname']);
    const rows = async (em: ReturnType<TestHub['em']>) => ({
      changes: await em.count(LetterTemplateChange, {}),
      version: (await em.findOneOrFail(LetterTemplate, cpwTemplate.id)).version,
    });
    await expectRefused(
      hub,
      rows,
      () =>
        hub.request(
          UPDATE,
          { input: { id: cpwTemplate.id, body: 'Dear {{subject.nickname}}', reason: 'test' } },
          story.admin.token,
        ),
      'UNKNOWN_PLACEHOLDER',
    );
    await expectRefused(
      hub,
      rows,
      () =>
        hub.request(
          UPDATE,
          { input: { id: cpwTemplate.id, body: 'Dear {{subject.fullName}}', reason: 'test' } },
          story.police.token,
        ),
      'FORBIDDEN',
    );
  });

  it('lets an administrator edit a template, audited with who, before, after and why', async () => {
    const body = `${cpwTemplate.body}\n\nQuote {{case.reference}} when you reply.`;
    const answer = await hub.request(
      UPDATE,
      { input: { id: cpwTemplate.id, body, reason: 'Ask for the reference' } },
      story.admin.token,
    );
    expect(answer.data!.updateLetterTemplate).toEqual({ version: cpwTemplate.version + 1, body });
    const change = await hub
      .em()
      .findOneOrFail(
        LetterTemplateChange,
        { template: cpwTemplate.id },
        { orderBy: { version: 'desc' } },
      );
    expect(change).toMatchObject({
      oldBody: cpwTemplate.body,
      newBody: body,
      reason: 'Ask for the reference',
    });
    expect(change.changedBy.id).toBe(story.admin.user.id);
    const audit = await hub
      .em()
      .getConnection()
      .execute(
        `select 1 from audit_entry where user_id = ? and subject_type = 'LetterTemplateChange'`,
        [story.admin.user.id],
      );
    expect(audit.length).toBe(1);
  });

  it('records the letter sent for an intervention, and prints it as sent', async () => {
    const answer = await hub.request(SEND, { id: story.cpw.id }, story.police.token);
    const sent = answer.data!.recordLetterSent!;
    expect(sent.templateVersion).toBe(cpwTemplate.version + 1);
    expect(sent.text).toContain(story.onCase.reference);
    expect(sent.text).not.toContain('{{');
    expect(await hub.em().count(SentLetter, { intervention: story.cpw.id })).toBe(1);
    const url = `${hub.url}/documents/interventions/${story.cpw.id}/letter`;
    const page = await getDocument(`${url}.html`, story.police.token);
    expect(page.status).toBe(200);
    expect(page.bytes.toString('utf8')).toContain(story.perpetrator.familyName);
    const pdf = await getDocument(`${url}.pdf`, story.police.token);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await getDocument(`${url}.pdf`, story.outsider.token)).status).toBe(404);
    expect((await getDocument(`${url}.pdf`, story.analyst.token)).status).toBe(403);
  });
});
