import { Person } from '../../src/people/person.entity';
import { SentLetter } from '../../src/documents/letter-template.entity';
import {
  LetterTemplatesInDocument,
  RecordCorrespondenceLanguageDocument,
  SendLetterDocument,
  SetDefaultCorrespondenceLanguageDocument,
} from '../generated/graphql';
import { startTestHub, type TestHub } from '../support/hub';
import { expectRefused, UNKNOWN_ID } from '../mutations/refusals';
import { getDocument, makeStatementCase, pdfText, type StatementCase } from './document-support';

const WELSH_MONTH =
  /\b\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}\b/;
const ENGLISH_MONTH =
  /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
const placeholdersOf = (text: string) =>
  [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]).sort();

/* The area's default language is area-wide: these tests change it in a private database. */
describe('letters in Welsh, English or both (the Welsh language standards)', () => {
  let hub: TestHub;
  let story: StatementCase;

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    story = await makeStatementCase(hub.em());
  });
  afterAll(() => hub.close());

  const send = (language?: 'ENGLISH' | 'WELSH' | 'BOTH') =>
    hub.request(SendLetterDocument, { id: story.cpw.id, language }, story.police.token);
  const recordLanguage = (
    personId: string,
    language: 'ENGLISH' | 'WELSH' | 'BOTH',
    token: string,
  ) => hub.request(RecordCorrespondenceLanguageDocument, { input: { personId, language } }, token);
  const perpetratorLanguage = async () =>
    (await hub.em().findOneOrFail(Person, story.perpetrator.id)).correspondenceLanguage ?? null;

  it('has a Welsh wording of each of the five written steps, with the same placeholders as the English', async () => {
    const english = await hub.request(
      LetterTemplatesInDocument,
      { language: 'ENGLISH' },
      story.admin.token,
    );
    const welsh = await hub.request(
      LetterTemplatesInDocument,
      { language: 'WELSH' },
      story.admin.token,
    );
    const kinds = (answer: typeof welsh) => answer.data!.letterTemplates!.map((t) => t.kind);
    expect(kinds(welsh)).toEqual(kinds(english));
    expect(kinds(welsh)).toHaveLength(5);
    for (const template of welsh.data!.letterTemplates!) {
      expect(template.language).toBe('WELSH');
      const twin = english.data!.letterTemplates!.find((t) => t.kind === template.kind)!;
      expect(placeholdersOf(template.body)).toEqual(placeholdersOf(twin.body));
      expect(template.body).not.toEqual(twin.body);
    }
  });

  it('writes in the area default (English) while the recipient has recorded no language', async () => {
    expect(await perpetratorLanguage()).toBeNull();
    const letter = (await send()).data!.recordLetterSent!;
    expect(letter.language).toBe('ENGLISH');
    expect(letter.text).toContain('COMMUNITY PROTECTION WARNING');
    expect(letter.text).toMatch(ENGLISH_MONTH);
    expect(letter.secondText).toBeNull();
  });

  it('records a person\u2019s choice of Welsh, and their next letter is in Welsh with Welsh dates, printed as Welsh', async () => {
    const answer = await recordLanguage(story.perpetrator.id, 'WELSH', story.housing.token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordCorrespondenceLanguage!.correspondenceLanguage).toBe('WELSH');
    const letter = (await send()).data!.recordLetterSent!;
    expect(letter.language).toBe('WELSH');
    expect(letter.title).toBe("Rhybudd diogelu'r gymuned");
    expect(letter.text).toContain("RHYBUDD DIOGELU'R GYMUNED");
    expect(letter.text).toContain(story.texts.terms);
    expect(letter.text).toMatch(WELSH_MONTH);
    expect(letter.text).not.toMatch(ENGLISH_MONTH);
    const url = `${hub.url}/documents/interventions/${story.cpw.id}/letter`;
    const page = (await getDocument(`${url}.html`, story.police.token)).bytes.toString('utf8');
    expect(page).toContain('<html lang="cy-GB">');
    expect(page).toContain('<section lang="cy-GB">');
    expect(page).not.toContain('lang="en-GB"');
    const pdf = await getDocument(`${url}.pdf`, story.police.token);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.bytes)).toContain('DIOGELU');
  });

  it('puts the Welsh first and the English after it in a letter in both languages, each part marked with its language', async () => {
    await recordLanguage(story.perpetrator.id, 'BOTH', story.police.token);
    const letter = (await send()).data!.recordLetterSent!;
    expect(letter.language).toBe('BOTH');
    expect(letter.text).toContain("RHYBUDD DIOGELU'R GYMUNED");
    expect(letter.secondTitle).toBe('Community protection warning');
    expect(letter.secondText).toContain('COMMUNITY PROTECTION WARNING');
    expect(letter.secondText).toContain(story.texts.terms);
    const html = (
      await getDocument(
        `${hub.url}/documents/interventions/${story.cpw.id}/letter.html`,
        story.police.token,
      )
    ).bytes.toString('utf8');
    const welshAt = html.indexOf('<section lang="cy-GB">');
    const englishAt = html.indexOf('<section lang="en-GB">');
    expect(welshAt).toBeGreaterThan(0);
    expect(englishAt).toBeGreaterThan(welshAt);
    const row = await hub
      .em()
      .findOneOrFail(
        SentLetter,
        { intervention: story.cpw.id, language: 'BOTH' as never },
        { populate: ['template', 'secondTemplate'] },
      );
    expect([row.template.language, row.secondTemplate?.language]).toEqual(['WELSH', 'ENGLISH']);
  });

  it('sends in the language asked for when the officer chooses one, over the recorded choice', async () => {
    const letter = (await send('ENGLISH')).data!.recordLetterSent!;
    expect(letter.language).toBe('ENGLISH');
    expect(letter.text).toContain('COMMUNITY PROTECTION WARNING');
    expect(await perpetratorLanguage()).toBe('BOTH');
  });

  it('uses the area default an administrator sets for someone whose choice is not recorded', async () => {
    await hub
      .em()
      .nativeUpdate(Person, { id: story.perpetrator.id }, { correspondenceLanguage: null });
    const set = await hub.request(
      SetDefaultCorrespondenceLanguageDocument,
      { language: 'BOTH' },
      story.admin.token,
    );
    expect(set.data!.updateAreaConfiguration!.defaultCorrespondenceLanguage).toBe('BOTH');
    const letter = (await send()).data!.recordLetterSent!;
    expect(letter.language).toBe('BOTH');
    expect(letter.secondText).toContain('COMMUNITY PROTECTION WARNING');
  });

  it('refuses to record the language of a person outside the partner\u2019s cases exactly as of one who does not exist', async () => {
    const unchanged = async () => ({
      perpetrator: (await perpetratorLanguage()) === null ? 0 : 1,
      people: await hub.em().count(Person, { correspondenceLanguage: { $ne: null } }),
    });
    const hidden = await expectRefused(
      hub,
      unchanged,
      () => recordLanguage(story.perpetrator.id, 'WELSH', story.outsider.token),
      'NOT_FOUND',
    );
    const missing = await expectRefused(
      hub,
      unchanged,
      () => recordLanguage(UNKNOWN_ID, 'WELSH', story.outsider.token),
      'NOT_FOUND',
    );
    expect(hidden.errors![0].message.replace(story.perpetrator.id, 'ID')).toBe(
      missing.errors![0].message.replace(UNKNOWN_ID, 'ID'),
    );
    await expectRefused(
      hub,
      unchanged,
      () => recordLanguage(story.perpetrator.id, 'WELSH', story.analyst.token),
      'FORBIDDEN',
    );
  });
});
