import { chromium, type Browser } from 'playwright-core';
import { CaseCentre } from '../../src/cases/case-enums';
import { LocationKind } from '../../src/locations/location-kind.enum';
import { Location } from '../../src/locations/location.entity';
import { meetingPack } from '../../src/meetings/meeting-pack.service';
import { MeetingPackAudience } from '../../src/meetings/meeting-pack.type';
import { auditRowsOf } from '../audit/audit-support';
import { existingMeeting } from '../meetings/meeting-support';
import { daysAgo, daysFromNow } from '../mutations/refusals';
import {
  makeCase,
  makeIncident,
  makeMember,
  makePartnerMember,
  PartnerKind,
  Role,
  unique,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { getDocument, pdfText, printedPixels } from './document-support';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const MapPack = gql<any, any>(`
  query MapPack($meetingId: ID!, $audience: MeetingPackAudience!, $partnerId: ID) {
    meetingPack(meetingId: $meetingId, audience: $audience, partnerId: $partnerId) {
      items { position reference map withheld { section reason } }
    }
  }`);

/** The incident dots' red (#b03a2e) at 75% opacity over white, on the printed pages. */
const incidentRedPixels = (pdf: Buffer) => printedPixels(pdf, [196, 107, 98], 20, 72);

/** Metres per degree of latitude on the hub's mean Earth radius. */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const PARK = { latitude: 51.8585, longitude: -4.3059 };

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  hub = await startTestHub();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/**
 * Parses the SVG as XML in Chromium (DOMParser with image/svg+xml is a strict XML parser) and
 * reads back what it drew.
 */
async function parseSvg(svg: string) {
  const tab = await browser.newPage();
  try {
    return await tab.evaluate((source) => {
      // Runs in the page, where DOMParser exists; the tests' TypeScript has no DOM types.
      const doc = new (globalThis as any).DOMParser().parseFromString(source, 'image/svg+xml');
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      const centre = (el: any) =>
        el.tagName === 'circle'
          ? { x: Number(el.getAttribute('cx')), y: Number(el.getAttribute('cy')) }
          : {
              x: Number(el.getAttribute('x')) + Number(el.getAttribute('width')) / 2,
              y: Number(el.getAttribute('y')) + Number(el.getAttribute('height')) / 2,
            };
      const scale = doc.querySelector('g.scale-bar');
      return {
        error,
        root: doc.documentElement.tagName,
        incidents: [...doc.querySelectorAll('circle.incident')].map(centre),
        places: [...doc.querySelectorAll('rect.place')].map(centre),
        north: doc.querySelector('g.north-arrow text')?.textContent ?? null,
        scaleLabel: scale?.querySelector('text')?.textContent ?? null,
        scalePath: scale?.querySelector('path')?.getAttribute('d') ?? null,
        text: doc.documentElement.textContent,
      };
    }, svg);
  } finally {
    await tab.close();
  }
}

/**
 * A meeting with two cases led by the police, the council taking part: a park (centred on the
 * place) with incidents at the park, 200 m north, 300 m east, one with no location and one at a
 * place with no coordinates; and a victim-centred case with an incident at a mapped address.
 */
async function mapSetting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const legal = await makeMember(em, police.partner, Role.LEGAL);
  const located = (description: string, latitude?: number, longitude?: number) =>
    em.create(Location, {
      kind: LocationKind.PUBLIC_PLACE,
      description: unique(description),
      latitude: latitude ?? null,
      longitude: longitude ?? null,
    });
  const park = located('Parc y Dre', PARK.latitude, PARK.longitude);
  const north = located('Bandstand', PARK.latitude + 200 / METRES_PER_DEGREE, PARK.longitude);
  const east = located(
    'Car park',
    PARK.latitude,
    PARK.longitude + 300 / (METRES_PER_DEGREE * Math.cos((PARK.latitude * Math.PI) / 180)),
  );
  const unmapped = located('Somewhere near the river');
  const home = located('1 Heol y Dwr', PARK.latitude + 0.001, PARK.longitude + 0.001);
  await em.flush();
  const parkCase = await makeCase(em, police, { others: [council.partner], location: park });
  parkCase.centredOn = CaseCentre.LOCATION;
  await em.flush();
  for (const [days, where] of [
    [40, park],
    [30, north],
    [20, east],
    [10, undefined],
    [5, unmapped],
  ] as const) {
    await makeIncident(em, parkCase, police.partner, daysAgo(days), where);
  }
  const victimCase = await makeCase(em, police, { others: [council.partner], location: home });
  await makeIncident(em, victimCase, police.partner, daysAgo(3), home);
  const meeting = await existingMeeting(
    hub,
    council,
    daysFromNow(2),
    [police.partner],
    [parkCase, victimCase],
  );
  return { council, police, analyst, legal, park, parkCase, victimCase, meeting };
}

describe('the map in the meeting pack of a place-centred case', () => {
  it('draws the place and a point for each incident with coordinates, as valid SVG with a north arrow and a true scale bar', async () => {
    const { police, park, meeting } = await mapSetting();
    const response = await hub.request(
      MapPack,
      { meetingId: meeting.id, audience: 'WHOLE_MEETING' },
      police.token,
    );
    expect(response.errors).toBeUndefined();
    const [item] = response.data.meetingPack.items;
    expect(typeof item.map).toBe('string');
    const svg = await parseSvg(item.map);
    expect(svg.error).toBeNull();
    expect(svg.root).toBe('svg');
    // Three incidents have coordinates; one has no location, one a place without coordinates.
    expect(svg.incidents).toHaveLength(3);
    expect(svg.text).toContain('3 incidents with a location; 2 without one not shown');
    expect(svg.places).toHaveLength(1);
    expect(svg.north).toBe('N');
    // Sorted by when they happened: at the park, 200 m north, 300 m east.
    const [atPark, north, east] = svg.incidents;
    const [place] = svg.places;
    expect(atPark.x).toBeCloseTo(place.x, 0);
    expect(atPark.y).toBeCloseTo(place.y, 0);
    expect(north.x).toBeCloseTo(place.x, 0);
    expect(north.y).toBeLessThan(place.y);
    expect(east.y).toBeCloseTo(place.y, 0);
    expect(east.x).toBeGreaterThan(place.x);
    // The scale bar's length in pixels and its label give metres per pixel; both distances agree.
    const [, barPixels] = svg.scalePath!.match(/h (\d+(?:\.\d+)?)/)!;
    const [, amount, unit] = svg.scaleLabel!.match(/^(\d+(?:\.\d+)?) (m|km)$/)!;
    const metresPerPixel = (Number(amount) * (unit === 'km' ? 1000 : 1)) / Number(barPixels);
    expect(Math.abs((place.y - north.y) * metresPerPixel - 200)).toBeLessThan(3);
    expect(Math.abs((east.x - place.x) * metresPerPixel - 300)).toBeLessThan(3);
    // No address on the map: only shapes, counts and dates.
    expect(item.map).not.toContain(park.description);
    expect(item.map).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // Read as where the case's incidents were: audited on the case.
    const rows = await auditRowsOf(hub, police.user.id);
    expect(
      rows.some((row) => row.subject_type === 'MeetingPackItem' && row.fields.includes('map')),
    ).toBe(true);
  });

  it('gives no map for a case centred on a person, and notes nothing withheld for it', async () => {
    const { legal, meeting } = await mapSetting();
    const response = await hub.request(
      MapPack,
      { meetingId: meeting.id, audience: 'WHOLE_MEETING' },
      legal.token,
    );
    expect(response.errors).toBeUndefined();
    const [parkItem, victimItem] = response.data.meetingPack.items;
    // The legal team (preparing a closure order) reads locations: it gets the park's map.
    expect(parkItem.map).toContain('<svg');
    expect(victimItem.map).toBeNull();
    expect(
      victimItem.withheld.filter((w: { section: string }) => w.section.includes('map')),
    ).toEqual([]);
  });

  it('withholds the map from a role that may not see locations: an analyst is refused the pack, and the pack made for one has no map and says why', async () => {
    const { analyst, meeting } = await mapSetting();
    const refused = await hub.request(
      MapPack,
      { meetingId: meeting.id, audience: 'WHOLE_MEETING' },
      analyst.token,
    );
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const base = `${hub.url}/documents/meetings/${meeting.id}/pack`;
    expect((await getDocument(`${base}.html`, analyst.token)).status).toBe(403);
    expect((await getDocument(`${base}.pdf`, analyst.token)).status).toBe(403);
    // Behind the Query's refusal, the pack itself asks the policy for the whole audience: an
    // analyst may read a location's kind and area but not Case.location or its coordinates.
    const viewer = {
      userId: analyst.user.id,
      username: analyst.user.username,
      displayName: analyst.user.displayName,
      partnerId: analyst.partner.id,
      partnerKind: analyst.partner.kind,
      role: Role.ANALYST,
    };
    const pack = await meetingPack(
      hub.em(),
      viewer,
      { meetingId: meeting.id, audience: MeetingPackAudience.WHOLE_MEETING },
      async () => [],
    );
    expect(pack.items[0].map).toBeNull();
    expect(pack.items[0].withheld).toContainEqual({
      section: 'item 1 map',
      reason: 'The sharing policy does not release Case.location to every attending partner',
    });
  });

  it('prints the map in the pack: the page the printer gets holds the same SVG, and the PDF shows it drawn', async () => {
    const { police, meeting } = await mapSetting();
    const response = await hub.request(
      MapPack,
      { meetingId: meeting.id, audience: 'WHOLE_MEETING' },
      police.token,
    );
    const { map } = response.data.meetingPack.items[0];
    const base = `${hub.url}/documents/meetings/${meeting.id}/pack`;
    const page = (await getDocument(`${base}.html`, police.token)).bytes.toString('utf8');
    expect(page).toContain(map);
    expect(page.match(/class="place-map"/g)).toHaveLength(1);
    const pdf = await getDocument(`${base}.pdf`, police.token);
    expect(pdf.type).toBe('application/pdf');
    const printed = pdfText(pdf.bytes);
    expect(printed).toContain('where its incidents happened');
    expect(printed).toContain('3 incidents with a location');
    expect(printed).toMatch(/\b\d+ (m|km)\b/);
    // About 25 pixels a dot at 72 dpi: more than the legend's dot alone, so the incidents are drawn.
    expect(incidentRedPixels(pdf.bytes)).toBeGreaterThan(75);
  });
});
