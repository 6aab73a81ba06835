import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InterventionBreach } from '../../src/interventions/intervention-breach.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { InterventionPartner } from '../../src/interventions/intervention-partner.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import { JointVisitAttendee } from '../../src/joint-visits/joint-visit-attendee.entity';
import { JointVisit } from '../../src/joint-visits/joint-visit.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { PoliceRecord } from '../../src/partner-records/police-record.entity';
import { SupportKind, SupportResponse } from '../../src/support/support-enums';
import { SupportOffer } from '../../src/support/support-offer.entity';
import {
  makeCase,
  makeIncident,
  makeMember,
  makePartner,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  unique,
  type Member,
} from '../support/factories';
import { daysAgo } from '../mutations/refusals';

/**
 * A case with one of everything a statement draws on, each with a distinctive text, plus partner
 * records whose restricted detail must never reach a statement.
 */
export async function makeStatementCase(em: EntityManager) {
  const police = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
  const housingPartner = await makePartner(em, PartnerKind.HOUSING);
  const housing = await makeMember(em, housingPartner);
  const mentalHealthPartner = await makePartner(em, PartnerKind.MENTAL_HEALTH);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const legal = await makeMember(em, police.partner, Role.LEGAL);
  const admin = await makeMember(em, police.partner, Role.ADMINISTRATOR);
  const outsider = await makeMember(em, await makePartner(em, PartnerKind.HOUSING));
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [housingPartner, mentalHealthPartner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
    ],
  });
  onCase.osara.objective = unique('Objective: stop the visits');
  onCase.osara.analysis = unique('Analysis: peaks on Friday nights');
  // Created out of date order, so the statement must sort them.
  const incidentLate = await makeIncident(em, onCase, housingPartner, daysAgo(3));
  const incidentEarly = await makeIncident(em, onCase, police.partner, daysAgo(20));
  const offer = em.create(SupportOffer, {
    case: onCase,
    offeredBy: mentalHealthPartner,
    person: victim,
    kind: SupportKind.MENTAL_HEALTH_REFERRAL,
    details: unique('Referral offered'),
    offeredAt: daysAgo(15),
    response: SupportResponse.ACCEPTED,
  });
  const visit = em.create(JointVisit, {
    case: onCase,
    visitedAt: daysAgo(12),
    purpose: unique('Welfare check'),
    outcome: unique('Advice given'),
  });
  em.create(JointVisitAttendee, { visit, partner: police.partner, officerName: 'PC Test' });
  em.create(JointVisitAttendee, { visit, partner: housingPartner, officerName: 'HO Test' });
  const cpw = em.create(Intervention, {
    case: onCase,
    kind: InterventionKind.COMMUNITY_PROTECTION_WARNING,
    subject: perpetrator,
    issuedAt: daysAgo(10),
    terms: unique('Stop visiting the flat'),
    complianceDate: daysAgo(5).toISOString().slice(0, 10),
  });
  em.create(InterventionPartner, { intervention: cpw, partner: police.partner });
  const breach = em.create(InterventionBreach, {
    intervention: cpw,
    occurredAt: daysAgo(4),
    details: unique('Seen at the flat'),
  });
  const clinicalNote = unique('CLINICAL-NOTE');
  const intelligence = unique('INTELLIGENCE');
  em.create(MentalHealthRecord, {
    ownerPartner: mentalHealthPartner,
    person: victim,
    clinicalNotes: clinicalNote,
  });
  em.create(PoliceRecord, { ownerPartner: police.partner, person: perpetrator, intelligence });
  await em.flush();
  return {
    police,
    housing,
    analyst,
    legal,
    admin,
    outsider,
    victim,
    perpetrator,
    onCase,
    cpw,
    clinicalNote,
    intelligence,
    /** Every record the statement must show, in date order. */
    expected: [
      { recordId: incidentEarly.id, kind: 'INCIDENT' },
      { recordId: offer.id, kind: 'SUPPORT_OFFER' },
      { recordId: visit.id, kind: 'JOINT_VISIT' },
      { recordId: cpw.id, kind: 'INTERVENTION' },
      { recordId: breach.id, kind: 'BREACH' },
      { recordId: incidentLate.id, kind: 'INCIDENT' },
    ],
    osara: { objective: onCase.osara.objective!, analysis: onCase.osara.analysis! },
    texts: {
      incident: incidentEarly.description,
      offer: offer.details!,
      terms: cpw.terms,
      breach: breach.details,
    },
  };
}

export type StatementCase = Awaited<ReturnType<typeof makeStatementCase>>;

/** GET a document with a bearer token. */
export async function getDocument(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes };
}

export type { Member };

/** The text of a PDF, by poppler's pdftotext (.ci/run installs poppler-utils), spaces collapsed. */
export const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, ' ');

/**
 * How many pixels of one colour (each channel within `tolerance`) the printed pages show,
 * rendered by poppler's pdftoppm at `dpi`: a drawing is in the PDF as drawn, not only its text.
 */
export function printedPixels(
  pdf: Buffer,
  [red, green, blue]: [number, number, number],
  tolerance: number,
  dpi = 50,
): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-', path.join(dir, 'page')], { input: pdf });
    let count = 0;
    for (const file of readdirSync(dir)) {
      const image = readFileSync(path.join(dir, file));
      // Binary PPM: "P6\n<width> <height>\n255\n" then RGB bytes.
      const header = image
        .subarray(0, 64)
        .toString('latin1')
        .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
      if (!header) continue;
      for (let i = header[0].length; i + 2 < image.length; i += 3) {
        if (
          Math.abs(image[i] - red) < tolerance &&
          Math.abs(image[i + 1] - green) < tolerance &&
          Math.abs(image[i + 2] - blue) < tolerance
        )
          count++;
      }
    }
    return count;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
