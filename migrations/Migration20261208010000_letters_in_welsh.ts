import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19, part 2: letters in Welsh, English or both (the Welsh language standards).
 * - A person's correspondence language (null until recorded).
 * - A template per kind and language: the English wordings stay as they are; Welsh wordings are
 *   seeded for the five written steps (an area's translation service reviews them as it would any
 *   wording: administrators edit templates, every change audited).
 * - A sent letter says its language; a letter in both holds its second part (English, after the
 *   Welsh) and the template version that part used.
 * - The area's default language for someone whose choice is not recorded.
 */
export class Migration20261208010000_letters_in_welsh extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "person" add column "correspondence_language" text null check ("correspondence_language" in ('ENGLISH', 'WELSH', 'BOTH'));`,
    );
    this.addSql(
      `alter table "letter_template" add column "language" text not null default 'ENGLISH' check ("language" in ('ENGLISH', 'WELSH'));`,
    );
    this.addSql(`alter table "letter_template" drop constraint "letter_template_kind_unique";`);
    this.addSql(
      `alter table "letter_template" add constraint "letter_template_kind_language_unique" unique ("kind", "language");`,
    );
    this.addSql(
      `alter table "sent_letter" add column "language" text not null default 'ENGLISH' check ("language" in ('ENGLISH', 'WELSH', 'BOTH')), add column "second_template_id" uuid null, add column "second_template_version" int null, add column "second_title" text null, add column "second_text" text null;`,
    );
    this.addSql(
      `alter table "sent_letter" add constraint "sent_letter_second_template_id_foreign" foreign key ("second_template_id") references "letter_template" ("id") on update cascade on delete set null;`,
    );
    // A letter in both languages has its second part whole, and only such a letter has one.
    this.addSql(
      `alter table "sent_letter" add constraint "sent_letter_second_part_check" check (("language" = 'BOTH') = ("second_text" is not null and "second_title" is not null and "second_template_version" is not null));`,
    );
    this.addSql(
      `alter table "area_configuration" add column "default_correspondence_language" text not null default 'ENGLISH' check ("default_correspondence_language" in ('ENGLISH', 'WELSH', 'BOTH'));`,
    );
    for (const [kind, title, body] of WELSH_TEMPLATES) {
      this.addSql(
        `insert into "letter_template" ("id", "kind", "language", "title", "body") values (gen_random_uuid(), '${kind}', 'WELSH', $tpl$${title}$tpl$, $tpl$${body}$tpl$);`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "area_configuration" drop column "default_correspondence_language";`);
    this.addSql(`delete from "sent_letter" where "language" <> 'ENGLISH';`);
    this.addSql(
      `alter table "sent_letter" drop constraint "sent_letter_second_part_check", drop constraint "sent_letter_second_template_id_foreign", drop column "language", drop column "second_template_id", drop column "second_template_version", drop column "second_title", drop column "second_text";`,
    );
    this.addSql(
      `delete from "letter_template_change" where "template_id" in (select "id" from "letter_template" where "language" = 'WELSH');`,
    );
    this.addSql(`delete from "letter_template" where "language" = 'WELSH';`);
    this.addSql(
      `alter table "letter_template" drop constraint "letter_template_kind_language_unique", drop column "language";`,
    );
    this.addSql(
      `alter table "letter_template" add constraint "letter_template_kind_unique" unique ("kind");`,
    );
    this.addSql(`alter table "person" drop column "correspondence_language";`);
  }
}

/** The Welsh wordings, with the same placeholders as the English ones. */
const WELSH_TEMPLATES: [kind: string, title: string, body: string][] = [
  [
    'WORDS_OF_ADVICE',
    'Geiriau o gyngor',
    `Annwyl {{subject.fullName}}

Ein cyfeirnod: {{case.reference}}

Ar {{intervention.issuedDate}} siaradodd swyddog â chi am eich ymddygiad. Mae'r llythyr hwn yn cadarnhau'r geiriau o gyngor a roddwyd i chi gan {{issuingPartners}}.

Yr hyn a ddywedwyd wrthym:
{{intervention.terms}}

Mae ymddygiad fel hyn yn achosi aflonyddu, braw neu ofid i'r bobl sy'n byw ac yn gweithio gerllaw. Rydym yn gofyn i chi roi'r gorau iddi nawr. Os oes angen help arnoch, er enghraifft gyda'ch tenantiaeth, eich iechyd neu ddefnyddio cyffuriau neu alcohol, rhowch wybod i ni a byddwn yn eich cysylltu â'r gwasanaeth cywir.

Os bydd yr ymddygiad yn parhau, gall y partneriaid gymryd camau pellach, a all gynnwys rhybudd diogelu'r gymuned.

Yn gywir

{{issuingPartners}}`,
  ],
  [
    'LETTER_OF_EXPECTATION',
    'Llythyr disgwyliadau',
    `Annwyl {{subject.fullName}}

Ein cyfeirnod: {{case.reference}}

Rydym yn ysgrifennu i nodi'n glir safon yr ymddygiad a ddisgwylir gennych. Mae adroddiadau a gafwyd gan {{issuingPartners}} yn disgrifio'r canlynol:
{{intervention.terms}}

Rydym yn disgwyl i chi ymddwyn mewn ffordd nad yw'n achosi aflonyddu, braw neu ofid i eraill, ac i gadw at amodau eich tenantiaeth os oes gennych un. Byddwn yn adolygu'r sefyllfa ar {{intervention.complianceDate}}.

Nid hysbysiad cyfreithiol yw'r llythyr hwn, ond gellir cyfeirio ato os bydd angen camau pellach. Mae cymorth ar gael: cysylltwch â ni os hoffech ei gael.

Yn gywir

{{issuingPartners}}`,
  ],
  [
    'ASB_WARNING_LETTER',
    'Rhybudd cam cyntaf ynghylch ymddygiad gwrthgymdeithasol',
    `Annwyl {{subject.fullName}}

Ein cyfeirnod: {{case.reference}}

RHYBUDD CAM CYNTAF: YMDDYGIAD GWRTHGYMDEITHASOL

Mae {{issuingPartners}} wedi cael adroddiadau eich bod wedi bod yn rhan o ymddygiad gwrthgymdeithasol:
{{intervention.terms}}

Rhaid i chi roi'r gorau i'r ymddygiad hwn erbyn {{intervention.complianceDate}}. Os bydd yn parhau, efallai y cewch rybudd diogelu'r gymuned o dan adran 43 o Ddeddf Ymddygiad Gwrthgymdeithasol, Troseddu a Phlismona 2014, a all arwain at hysbysiad diogelu'r gymuned ac, os na chydymffurfir ag ef, erlyniad.

Os oes unrhyw beth sy'n ei gwneud yn anodd i chi newid eich ymddygiad, cysylltwch â ni. Gallwn eich cyfeirio at wasanaethau a allai helpu.

Yn gywir

{{issuingPartners}}`,
  ],
  [
    'COMMUNITY_PROTECTION_WARNING',
    "Rhybudd diogelu'r gymuned",
    `RHYBUDD DIOGELU'R GYMUNED
Deddf Ymddygiad Gwrthgymdeithasol, Troseddu a Phlismona 2014, adran 43

At: {{subject.fullName}}
Cyfeirnod: {{case.reference}}
Cyhoeddwyd ar {{intervention.issuedDate}} gan {{issuingPartners}}

Rydym yn fodlon bod eich ymddygiad yn cael effaith niweidiol, o natur barhaus neu barhaol, ar ansawdd bywyd y rhai yn yr ardal, a bod yr ymddygiad yn afresymol.

Yr ymddygiad, a'r hyn y mae'n rhaid i chi ei wneud:
{{intervention.terms}}

Rhaid i chi gydymffurfio erbyn {{intervention.complianceDate}}.

Os byddwch yn parhau â'r ymddygiad hwn ar ôl y dyddiad hwnnw, gellir cyflwyno hysbysiad diogelu'r gymuned i chi. Mae methu â chydymffurfio â hysbysiad diogelu'r gymuned yn drosedd, a gall arwain at hysbysiad cosb benodedig o hyd at 100 punt neu erlyniad.

{{issuingPartners}}`,
  ],
  [
    'COMMUNITY_PROTECTION_NOTICE',
    "Hysbysiad diogelu'r gymuned",
    `HYSBYSIAD DIOGELU'R GYMUNED
Deddf Ymddygiad Gwrthgymdeithasol, Troseddu a Phlismona 2014, adran 43

At: {{subject.fullName}}
Cyfeirnod: {{case.reference}}
Cyhoeddwyd ar {{intervention.issuedDate}} gan {{issuingPartners}}

Cawsoch rybudd diogelu'r gymuned ac mae'r amser i gydymffurfio ag ef wedi mynd heibio. Rydym yn fodlon bod eich ymddygiad wedi parhau i gael effaith niweidiol, o natur barhaus neu barhaol, ar ansawdd bywyd y rhai yn yr ardal, a'i fod yn afresymol.

Mae'r hysbysiad hwn yn ei gwneud yn ofynnol i chi:
{{intervention.terms}}

Rhaid i chi gydymffurfio erbyn {{intervention.complianceDate}}.

Mae methu â chydymffurfio â'r hysbysiad hwn heb esgus rhesymol yn drosedd (adran 48). Efallai y cewch hysbysiad cosb benodedig o hyd at 100 punt (adran 52) neu eich erlyn.

Eich hawl i apelio: gallwch apelio i lys ynadon o fewn 21 diwrnod i'r dyddiad y cyhoeddwyd yr hysbysiad hwn, hynny yw erbyn {{intervention.appealDeadline}} (adran 46).

{{issuingPartners}}`,
  ],
];
