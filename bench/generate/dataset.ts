import { createHash } from 'node:crypto';
import { DEMO_PARTNERS, DEMO_USERS, type DemoPartnerKey } from '../../src/demo/demo-directory';
import { copyLine, type CopyValue } from './copy-text';
import { syntheticMomentInMonth } from './peaks';
import { cumulativeOf, pickWeighted, seededRandom } from './random';

/**
 * A force area's ASB data, SYNTHETIC from end to end: people, places, cases and incidents are
 * invented, drawn from a seed so that every machine builds the same rows. Shapes follow what
 * the domain brief describes: most incidents never become a case; most cases are small (a few
 * incidents, a victim and a perpetrator), a few are long-running; perpetrators recur across
 * cases; partner records exist only where that partner works the person's case; interventions
 * climb the escalation ladder in order. On top sit two cases the load benchmark names by id: the
 * LARGE case of issue 7 and a case the write benchmarks record incidents and visits on.
 */

export interface Volumes {
  people: number;
  incidents: number;
  cases: number;
}

/** Issue 7: a force area. */
export const FULL_VOLUMES: Volumes = { people: 50_000, incidents: 200_000, cases: 10_000 };

export const volumesAt = (scale: number): Volumes => ({
  people: Math.max(60, Math.round(FULL_VOLUMES.people * scale)),
  incidents: Math.max(120, Math.round(FULL_VOLUMES.incidents * scale)),
  cases: Math.max(12, Math.round(FULL_VOLUMES.cases * scale)),
});

/** Fixed ids the load benchmark uses. */
export const BENCH_IDS = {
  /** Issue 7's large case: 40 incidents, 8 people with 4 partner records each, 12 interventions, 6 visits, 10 support offers. */
  largeCase: '70000000-0000-4000-8000-000000000001',
  /** The case the write benchmarks record incidents and joint visits on. */
  writeCase: '70000000-0000-4000-8000-000000000002',
  writeCaseLocation: '71000000-0000-4000-8000-000000000002',
  writeCasePeople: [
    '72000000-0000-4000-8000-000000000001',
    '72000000-0000-4000-8000-000000000002',
    '72000000-0000-4000-8000-000000000003',
  ],
} as const;

export const LARGE_CASE = {
  incidents: 40,
  people: 8,
  recordsPerPerson: 4,
  interventions: 12,
  jointVisits: 6,
  supportOffers: 10,
} as const;

/** The three demo users the case view benchmark asks as: police lead, housing on the case, police analyst. */
export const LARGE_CASE_VIEWERS = ['pc.morgan', 'housing.williams', 'analyst.price'] as const;

/** Data ends here: everything generated happened before this moment. */
export const DATA_END = new Date('2026-11-01T00:00:00Z');
const FIRST_MONTH = { year: 2024, month: 1 };
const MONTHS = 34; // January 2024 to October 2026

/** Each table's columns, in the order rows are written. */
export const TABLES = {
  lsoa: ['code', 'name', 'local_authority'],
  location: ['id', 'kind', 'description', 'uprn', 'latitude', 'longitude', 'lsoa_code'],
  person: ['id', 'given_name', 'family_name', 'date_of_birth', 'created_at'],
  asb_case: [
    'id',
    'reference',
    'title',
    'summary',
    'centred_on',
    'location_id',
    'lead_partner_id',
    'lead_officer_id',
    'risk_level',
    'status',
    'opened_at',
    'closed_at',
    'osara_stage',
    'osara_objective',
    'osara_objective_target_date',
    'osara_scanning',
    'osara_analysis',
    'osara_response',
    'osara_assessment',
  ],
  case_partner: ['id', 'case_id', 'partner_id', 'joined_at'],
  case_person: ['id', 'case_id', 'person_id', 'role', 'vulnerabilities', 'added_at'],
  incident: [
    'id',
    'occurred_at',
    'category',
    'description',
    'location_id',
    'created_at',
    'hate_incident',
    'occurred_precision',
    'recorded_by_partner_id',
    'area_code',
  ],
  case_incident: ['id', 'case_id', 'incident_id', 'linked_at'],
  incident_report: [
    'id',
    'incident_id',
    'partner_id',
    'reported_at',
    'source_reference',
    'recorded_by_id',
  ],
  incident_person: ['id', 'incident_id', 'person_id', 'role'],
  police_record: [
    'id',
    'owner_partner_id',
    'person_id',
    'updated_at',
    'nominal_reference',
    'warnings_summary',
    'intelligence',
  ],
  housing_record: [
    'id',
    'owner_partner_id',
    'person_id',
    'updated_at',
    'property_id',
    'tenancy_reference',
    'tenancy_type',
    'tenancy_start_date',
    'tenancy_breaches',
    'officer_notes',
  ],
  mental_health_record: [
    'id',
    'owner_partner_id',
    'person_id',
    'updated_at',
    'known_to_services',
    'care_contact',
    'risk_summary',
    'clinical_notes',
  ],
  drug_alcohol_record: [
    'id',
    'owner_partner_id',
    'person_id',
    'updated_at',
    'engaged_in_treatment',
    'key_worker_contact',
    'treatment_detail',
  ],
  sharing_basis: [
    'id',
    'person_id',
    'owner_partner_id',
    'case_id',
    'recipient_partner_ids',
    'kind',
    'reason',
    'decided_by_id',
    'recorded_at',
    'override',
    'decision_maker',
    'lawful_basis',
  ],
  joint_visit: [
    'id',
    'case_id',
    'visited_at',
    'location_id',
    'purpose',
    'outcome',
    'recorded_by_id',
  ],
  joint_visit_attendee: ['id', 'visit_id', 'partner_id', 'officer_name'],
  joint_visit_person: ['id', 'visit_id', 'person_id'],
  support_offer: [
    'id',
    'case_id',
    'offered_by_id',
    'person_id',
    'kind',
    'details',
    'offered_at',
    'response',
    'recorded_by_id',
  ],
  intervention: [
    'id',
    'case_id',
    'kind',
    'subject_id',
    'premises_id',
    'issued_at',
    'terms',
    'compliance_date',
    'status',
    'preceded_by_id',
    'recorded_by_id',
  ],
  intervention_partner: ['id', 'intervention_id', 'partner_id'],
  intervention_breach: ['id', 'intervention_id', 'occurred_at', 'details'],
  case_review_decision: [
    'id',
    'case_id',
    'victim_id',
    'window_start',
    'window_end',
    'threshold',
    'threshold_met',
    'outcome',
    'reasons',
    'decided_by_id',
    'decided_at',
  ],
  case_review_incident: ['id', 'decision_id', 'incident_id'],
} as const;

export type TableName = keyof typeof TABLES;

/** Generated rows: per table, COPY text lines in insertion order. */
export interface Dataset {
  seed: number;
  volumes: Volumes;
  lines: Record<TableName, string[]>;
}

// --- Vocabulary (invented) ---------------------------------------------------------------

// prettier-ignore
const GIVEN = [
  'Aled', 'Alys', 'Angharad', 'Bethan', 'Carys', 'Catrin', 'Cerys', 'Dafydd', 'Dylan', 'Eirlys',
  'Elin', 'Emyr', 'Ffion', 'Gareth', 'Geraint', 'Gwen', 'Gwyn', 'Hywel', 'Ieuan', 'Iwan',
  'Lowri', 'Llinos', 'Mali', 'Mared', 'Megan', 'Morgan', 'Nia', 'Osian', 'Owain', 'Rhodri',
  'Rhys', 'Sioned', 'Steffan', 'Tegan', 'Tomos', 'Wyn', 'Jack', 'Chloe', 'Liam', 'Amber', 'Kyle',
  'Jade', 'Connor', 'Leah', 'Callum', 'Ellie', 'Jordan', 'Paige', 'Tyler', 'Kayleigh',
];
// prettier-ignore
const FAMILY = [
  'Jones', 'Davies', 'Williams', 'Evans', 'Thomas', 'Roberts', 'Lewis', 'Hughes', 'Morgan',
  'Griffiths', 'Price', 'Phillips', 'Rees', 'Jenkins', 'Owen', 'Lloyd', 'Harris', 'James',
  'Edwards', 'Powell', 'Bowen', 'Howells', 'Pugh', 'Parry', 'Watkins', 'Richards', 'Hale',
  'Mathias', 'Prosser', 'Vaughan',
];
const TOWNS: [name: string, lat: number, lon: number, weight: number][] = [
  ['Llanelli', 51.684, -4.162, 38],
  ['Carmarthen', 51.857, -4.312, 16],
  ['Ammanford', 51.793, -3.988, 9],
  ['Burry Port', 51.684, -4.248, 6],
  ['Kidwelly', 51.737, -4.302, 4],
  ['Llandeilo', 51.884, -3.993, 3],
  ['Pembrey', 51.685, -4.278, 3],
  ['Newcastle Emlyn', 52.038, -4.466, 2],
  ['St Clears', 51.817, -4.5, 2],
  ['Whitland', 51.818, -4.615, 2],
  ['Llandovery', 51.995, -3.797, 2],
  ['Tumble', 51.78, -4.11, 3],
];
// prettier-ignore
const STREETS = [
  'Heol y Bryn', 'Stryd Fawr', 'Station Road', 'Park Street', 'Church Street', 'Heol Goch',
  'Maes yr Haf', 'Bryn Road', 'Marine Street', 'Queen Victoria Road', 'Heol Hen',
  'Llys Pendderi', 'Trostre Road', 'Pemberton Road', 'Lammas Street', 'Priory Street',
  'Wind Street', 'Heol Cwm', 'Glanmor Road', 'Dan y Graig', 'Pen y Fai Lane', 'Cwm Cynnar',
  'Stepney Street', 'Tyisha Road',
];
// prettier-ignore
const PUBLIC_PLACES = [
  'People\u2019s Park', 'the bus station', 'the retail park car park', 'the skate park',
  'the railway underpass', 'the town centre precinct', 'the coastal path near the harbour',
  'the recreation ground', 'the community centre', 'the multi-storey car park', 'the old quarry',
  'the river walk',
];

const DESCRIPTIONS: Record<string, string[]> = {
  PERSONAL: [
    'Resident intimidated and verbally abused by a neighbour in the street.',
    'Group of youths shouting abuse at a resident and kicking the door.',
    'Threats made to a resident after she complained about noise.',
    'Neighbour followed a resident home and made threatening gestures.',
    'Victim harassed by repeated knocking and abuse at night.',
  ],
  NUISANCE: [
    'Loud music and shouting late at night from a flat.',
    'Group gathering, drinking and shouting outside shops.',
    'Persistent noise from a neighbouring property until the early hours.',
    'Youths riding motorbikes off road across the recreation ground.',
    'Visitors coming and going from an address throughout the night.',
  ],
  ENVIRONMENTAL: [
    'Fly-tipping of household waste behind a row of houses.',
    'Graffiti sprayed on the underpass walls.',
    'Used needles found in a communal garden.',
    'Small fire set in a waste bin in the park.',
    'Abandoned vehicle left on the verge with windows smashed.',
  ],
};
const CATEGORY_CUMULATIVE = cumulativeOf([3, 5, 2]);
const CATEGORIES = ['PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'] as const;

const VULNERABILITIES = [
  'LEARNING_DISABILITY',
  'MENTAL_ILL_HEALTH',
  'SUBSTANCE_MISUSE',
  'AGE',
  'ISOLATION',
  'PHYSICAL_DISABILITY',
  'EXPLOITATION',
];

/** The escalation ladder for a person, lowest rung first (interventions climb it in order). */
const PERSON_LADDER = [
  'WORDS_OF_ADVICE',
  'ASB_WARNING_LETTER',
  'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  'COMMUNITY_PROTECTION_WARNING',
  'COMMUNITY_PROTECTION_NOTICE',
  'CIVIL_INJUNCTION',
  'CRIMINAL_BEHAVIOUR_ORDER',
] as const;

const SUPPORT_BY_PARTNER: Record<string, string[]> = {
  POLICE: ['VICTIM_SUPPORT', 'DIVERSIONARY_SCHEME'],
  COUNCIL: ['MEDIATION', 'VICTIM_SUPPORT', 'OTHER'],
  HOUSING: ['HOUSING_SUPPORT', 'MEDIATION'],
  MENTAL_HEALTH: ['MENTAL_HEALTH_REFERRAL'],
  DRUG_ALCOHOL: ['DRUG_ALCOHOL_REFERRAL'],
  OTHER: ['DIVERSIONARY_SCHEME', 'OTHER'],
};

// --- Helpers -------------------------------------------------------------------------------

const DAY = 86_400_000;
const MINUTE = 60_000;

const partnerOf = (key: DemoPartnerKey) => DEMO_PARTNERS[key];
const userId = (username: string) => DEMO_USERS.find((u) => u.username === username)!.id;
const userOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!;

/** The demo user who records for a partner (recorded_by, decided_by). */
const RECORDER: Record<DemoPartnerKey, string> = {
  police: 'pc.morgan',
  council: 'asb.jones',
  housing: 'housing.williams',
  mentalHealth: 'mh.thomas',
  drugAlcohol: 'dac.lewis',
  fire: 'fire.roberts',
  coastline: 'coastline.james',
};

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

interface GeneratedCase {
  id: string;
  partners: DemoPartnerKey[];
  /** [personId, role] */
  people: [string, string][];
  incidents: string[];
  locationId: string | null;
  openedAt: Date;
  endAt: Date;
}

/**
 * Builds the whole dataset in memory as COPY lines. Pure: nothing but the seed and the volumes
 * decide what comes out.
 */
export function generateDataset(seed: number, volumes: Volumes): Dataset {
  const random = seededRandom(seed);
  const lines = Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as string[]])) as Record<
    TableName,
    string[]
  >;
  const emit = (table: TableName, values: CopyValue[]) => {
    if (values.length !== TABLES[table].length) throw new Error(`${table}: wrong column count`);
    lines[table].push(copyLine(values));
  };

  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(random() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const between = (from: Date, to: Date) =>
    new Date(from.getTime() + Math.floor(random() * Math.max(1, to.getTime() - from.getTime())));
  const after = (from: Date, minMinutes: number, maxMinutes: number) => {
    const d = new Date(from.getTime() + int(minMinutes, maxMinutes) * MINUTE);
    return d < DATA_END ? d : new Date(DATA_END.getTime() - MINUTE);
  };

  // Months weighted for a summer peak and the October/November bonfire season.
  const monthWeights = Array.from({ length: MONTHS }, (_, i) => {
    const calendarMonth = (FIRST_MONTH.month - 1 + i) % 12; // 0 = January
    const summer = 1 + 0.3 * Math.cos((2 * Math.PI * (calendarMonth - 6)) / 12);
    return summer * (calendarMonth === 9 || calendarMonth === 10 ? 1.25 : 1);
  });
  const monthCumulative = cumulativeOf(monthWeights);
  const monthAt = (index: number) => {
    const m = FIRST_MONTH.month - 1 + index;
    return { year: FIRST_MONTH.year + Math.floor(m / 12), month: (m % 12) + 1 };
  };
  const monthIndexOf = (d: Date) =>
    (d.getUTCFullYear() - FIRST_MONTH.year) * 12 + d.getUTCMonth() - (FIRST_MONTH.month - 1);
  /** A moment with the weekly and daily peaks, in a month drawn with the seasonal weights. */
  const incidentMoment = (from?: Date, to?: Date): Date => {
    if (!from || !to) {
      const { year, month } = monthAt(pickWeighted(monthCumulative, random));
      return syntheticMomentInMonth(year, month, random);
    }
    const first = Math.max(0, monthIndexOf(from));
    const last = Math.min(MONTHS - 1, monthIndexOf(to));
    for (let attempt = 0; attempt < 6; attempt++) {
      const { year, month } = monthAt(int(first, Math.max(first, last)));
      const moment = syntheticMomentInMonth(year, month, random);
      if (moment >= from && moment <= to) return moment;
    }
    return between(from, to);
  };

  // --- LSOAs and places -------------------------------------------------------------------
  const townCumulative = cumulativeOf(TOWNS.map((t) => t[3]));
  const lsoasByTown: string[][] = TOWNS.map(() => []);
  let lsoaNumber = 0;
  TOWNS.forEach(([, , , weight], townIndex) => {
    for (let k = 0; k < Math.max(2, Math.round(weight * 1.2)); k++) {
      lsoaNumber += 1;
      const code = `W01${String(900_000 + lsoaNumber).padStart(6, '0')}`;
      const name = `Carmarthenshire ${String(Math.ceil(lsoaNumber / 4)).padStart(3, '0')}${'ABCD'[lsoaNumber % 4]}`;
      lsoasByTown[townIndex].push(code);
      emit('lsoa', [code, name, 'Carmarthenshire']);
    }
  });

  const locations: { id: string; town: number }[] = [];
  const areaOf = new Map<string, string>();
  const newLocation = (kind: 'ADDRESS' | 'PUBLIC_PLACE', id = uuid()) => {
    const town = pickWeighted(townCumulative, random);
    const [townName, lat, lon] = TOWNS[town];
    const description =
      kind === 'ADDRESS'
        ? `${chance(0.3) ? `Flat ${int(1, 12)}, ` : ''}${int(1, 140)} ${pick(STREETS)}, ${townName}`
        : `${pick(PUBLIC_PLACES)}, ${townName}`;
    const lsoa = pick(lsoasByTown[town]);
    emit('location', [
      id,
      kind,
      description,
      kind === 'ADDRESS' ? String(10_000_000_000 + int(0, 99_999_999)) : null,
      Number((lat + (random() - 0.5) * 0.03).toFixed(5)),
      Number((lon + (random() - 0.5) * 0.05).toFixed(5)),
      lsoa,
    ]);
    const location = { id, town };
    locations.push(location);
    areaOf.set(id, lsoa);
    return location;
  };
  const locationCount = Math.max(40, Math.round(volumes.incidents / 10));
  for (let i = 0; i < locationCount; i++) newLocation(chance(0.75) ? 'ADDRESS' : 'PUBLIC_PLACE');

  // --- People -----------------------------------------------------------------------------
  const personIds: string[] = [];
  const personBorn: Date[] = [];
  const addPerson = (id: string, young: boolean) => {
    const age = young ? int(14, 35) : int(18, 88);
    const born = new Date(Date.UTC(2026 - age, int(0, 11), int(1, 28)));
    const created = between(new Date('2023-06-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    emit('person', [id, pick(GIVEN), pick(FAMILY), chance(0.92) ? dateOnly(born) : null, created]);
    personIds.push(id);
    personBorn.push(born);
    return id;
  };
  // Fixed people first (the write case's three), then the rest in order of first use.
  for (const id of BENCH_IDS.writeCasePeople) addPerson(id, false);
  let nextPerson = 0;
  const freshPeople: string[] = [];
  const freshPerson = (young: boolean) => {
    if (personIds.length < volumes.people) {
      const id = addPerson(uuid(), young);
      freshPeople.push(id);
      return id;
    }
    // Volumes reached: reuse someone (people recur across cases and incidents).
    nextPerson = (nextPerson + 1) % freshPeople.length;
    return freshPeople[nextPerson];
  };

  const largePeople = new Set<string>();

  // --- Partner records: a partner holds a record on someone only if it works their case ---
  const recordsHeld = new Set<string>(); // `${personId}:${partnerKey}`
  // A basis names its case and the other partners on it, as "every partner on the case" does.
  const recipientsOn = (caseInfo: GeneratedCase, owner: DemoPartnerKey) =>
    caseInfo.partners.filter((key) => key !== owner).map((key) => partnerOf(key).id);
  const addRecords = (
    personId: string,
    role: string,
    caseInfo: GeneratedCase,
    at: Date,
    force = false,
  ) => {
    // The large case's people hold exactly one record from each of its four record-keeping partners.
    if (!force && largePeople.has(personId)) return;
    for (const key of caseInfo.partners) {
      const kind = partnerOf(key).kind;
      if (recordsHeld.has(`${personId}:${key}`)) continue;
      const perpetrator = role === 'PERPETRATOR';
      const updated = after(at, 60, 60 * 24 * 20);
      const owner = partnerOf(key).id;
      if (kind === 'POLICE' && (force || chance(perpetrator ? 0.85 : 0.35))) {
        emit('police_record', [
          uuid(),
          owner,
          personId,
          updated,
          `NOM-${int(100000, 999999)}`,
          perpetrator
            ? pick(['Violence marker', 'Drugs marker', 'No warnings', 'Weapons marker'])
            : null,
          perpetrator
            ? pick([
                'POLICE-INTEL: Associates with known suppliers; seen at the address most weekends.',
                'POLICE-INTEL: Intelligence suggests involvement in county lines activity.',
                'POLICE-INTEL: Linked to a group causing damage in the town centre.',
              ])
            : null,
        ]);
      } else if (kind === 'HOUSING' && (force || chance(0.55))) {
        emit('housing_record', [
          uuid(),
          owner,
          personId,
          updated,
          caseInfo.locationId ?? pick(locations).id,
          `T-${int(10000, 99999)}`,
          pick(['ASSURED', 'SECURE', 'STARTER', 'LICENCE']),
          dateOnly(new Date(Date.UTC(int(2005, 2024), int(0, 11), int(1, 28)))),
          perpetrator ? pick(['Noise nuisance clause', 'Visitors clause', 'Rent arrears']) : null,
          pick([
            'Tenant engages with the officer; agreed to a support plan.',
            'Several complaints from neighbours; warning letter sent.',
            'Door security upgraded after the last incident.',
          ]),
        ]);
      } else if (kind === 'MENTAL_HEALTH' && (force || chance(perpetrator ? 0.15 : 0.3))) {
        emit('mental_health_record', [
          uuid(),
          owner,
          personId,
          updated,
          true,
          `Care coordinator, ${TOWNS[pick(locations).town][0]} community mental health team`,
          chance(0.4) ? 'Risk of self-neglect when unwell; monitored fortnightly.' : null,
          'CLINICAL-NOTE: synthetic clinical note for benchmarking.',
        ]);
        if (force || chance(0.5)) {
          emit('sharing_basis', [
            uuid(),
            personId,
            owner,
            caseInfo.id,
            recipientsOn(caseInfo, key),
            'CONSENT',
            'Consented to the care contact being shared with partners on the case.',
            userId(RECORDER[key]),
            updated,
            false,
            null,
            null,
          ]);
        }
      } else if (kind === 'DRUG_ALCOHOL' && (force || chance(perpetrator ? 0.25 : 0.1))) {
        emit('drug_alcohol_record', [
          uuid(),
          owner,
          personId,
          updated,
          chance(0.6),
          'Key worker, Llwybr Drug and Alcohol Service',
          'TREATMENT-DETAIL: synthetic treatment detail for benchmarking.',
        ]);
        if (force || chance(0.3)) {
          const safeguarding = !force && chance(0.3);
          emit('sharing_basis', [
            uuid(),
            personId,
            owner,
            caseInfo.id,
            recipientsOn(caseInfo, key),
            safeguarding ? 'SAFEGUARDING' : 'CONSENT',
            safeguarding
              ? 'Engagement shared to protect a vulnerable adult at the address.'
              : 'Consented to engagement in treatment being shared.',
            userId(RECORDER[key]),
            updated,
            safeguarding,
            safeguarding ? 'Service manager' : null,
            safeguarding ? 'DPA 2018 sch.1 para 18' : null,
          ]);
        }
      } else {
        continue;
      }
      recordsHeld.add(`${personId}:${key}`);
    }
  };

  // --- Incidents --------------------------------------------------------------------------
  let incidentCount = 0;
  let sourceNumber = 0;
  const REPORTERS: DemoPartnerKey[] = ['police', 'council', 'housing', 'coastline'];
  const reporterCumulative = cumulativeOf([70, 18, 7, 5]);
  const addIncident = (options: {
    at: Date;
    locationId: string | null;
    reporters: DemoPartnerKey[];
    people: [string, string][];
    id?: string;
  }) => {
    const id = options.id ?? uuid();
    const category = CATEGORIES[pickWeighted(CATEGORY_CUMULATIVE, random)];
    const [first] = options.reporters;
    emit('incident', [
      id,
      options.at,
      category,
      `SYNTHETIC. ${pick(DESCRIPTIONS[category])}`,
      options.locationId,
      after(options.at, 5, 60 * 48),
      category === 'PERSONAL' && chance(0.04),
      'EXACT',
      partnerOf(first).id,
      options.locationId ? (areaOf.get(options.locationId) ?? null) : null,
    ]);
    let reportedAt = after(options.at, 5, 240);
    for (const key of options.reporters) {
      emit('incident_report', [
        uuid(),
        id,
        partnerOf(key).id,
        reportedAt,
        // A partner's source reference names one report (unique since issue 14): numbered in
        // turn, not drawn at random, so 200,000 incidents never draw the same one twice.
        key === 'police'
          ? `DPP-${dateOnly(reportedAt).replace(/-/g, '')}-${String(++sourceNumber).padStart(6, '0')}`
          : chance(0.7)
            ? `${key.slice(0, 3).toUpperCase()}-${String(++sourceNumber).padStart(6, '0')}`
            : null,
        chance(0.8) ? userId(RECORDER[key]) : null,
      ]);
      reportedAt = after(reportedAt, 30, 60 * 30);
    }
    const seen = new Set<string>();
    for (const [personId, role] of options.people) {
      if (seen.has(personId)) continue;
      seen.add(personId);
      emit('incident_person', [uuid(), id, personId, role]);
    }
    incidentCount += 1;
    return id;
  };

  // --- Cases ------------------------------------------------------------------------------
  const LEADS: DemoPartnerKey[] = ['police', 'council', 'housing', 'coastline'];
  const leadCumulative = cumulativeOf([45, 35, 12, 8]);
  const OTHERS: DemoPartnerKey[] = [
    'police',
    'council',
    'housing',
    'coastline',
    'mentalHealth',
    'drugAlcohol',
    'fire',
  ];
  const LEAD_OFFICERS: Record<string, string[]> = {
    police: ['pc.morgan', 'pc.morgan', 'sgt.davies'],
    council: ['asb.jones'],
    housing: ['housing.williams'],
    coastline: ['coastline.james'],
  };
  // Incidents per case, 1 to 40, most small (mean about 7).
  const sizeCumulative = cumulativeOf(Array.from({ length: 40 }, (_, i) => (i + 1) ** -1.2));
  const recurringPerpetrators: string[] = [];
  const caseRows: GeneratedCase[] = [];
  let interventionCount = 0;

  const addCase = (options: {
    id?: string;
    reference: string;
    lead: DemoPartnerKey;
    leadOfficer: string | null;
    others: DemoPartnerKey[];
    centredOn: 'VICTIM' | 'PERPETRATOR' | 'LOCATION';
    locationId: string | null;
    openedAt: Date;
    closedAt: Date | null;
    risk: string;
    title: string;
  }): GeneratedCase => {
    const id = options.id ?? uuid();
    const closed = options.closedAt !== null;
    const stage = closed
      ? 'ASSESSMENT'
      : pick(['OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'RESPONSE', 'ASSESSMENT']);
    const reached = (s: string) =>
      ['OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'ASSESSMENT'].indexOf(stage) >=
      ['OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'ASSESSMENT'].indexOf(s);
    emit('asb_case', [
      id,
      options.reference,
      options.title,
      `SYNTHETIC case for benchmarking. ${options.title}.`,
      options.centredOn,
      options.locationId,
      partnerOf(options.lead).id,
      options.leadOfficer ? userId(options.leadOfficer) : null,
      options.risk,
      closed ? 'CLOSED' : 'OPEN',
      options.openedAt,
      options.closedAt,
      stage,
      'Stop the behaviour and keep the victim safe in their home.',
      dateOnly(new Date(options.openedAt.getTime() + 180 * DAY)),
      reached('SCANNING') ? 'Partner logs searched; partners asked what they hold.' : null,
      reached('ANALYSIS') ? 'Peaks on Friday and Saturday evenings; same people named.' : null,
      reached('RESPONSE') ? 'Patrols, warnings, support offers and tenancy action.' : null,
      reached('ASSESSMENT') ? 'Reports fell after the response; kept under review.' : null,
    ]);
    const partners = [options.lead, ...options.others.filter((k) => k !== options.lead)];
    partners.forEach((key, i) =>
      emit('case_partner', [
        uuid(),
        id,
        partnerOf(key).id,
        new Date(options.openedAt.getTime() + i * MINUTE),
      ]),
    );
    const generated: GeneratedCase = {
      id,
      partners,
      people: [],
      incidents: [],
      locationId: options.locationId,
      openedAt: options.openedAt,
      endAt: options.closedAt ?? DATA_END,
    };
    caseRows.push(generated);
    return generated;
  };

  const addCasePerson = (c: GeneratedCase, personId: string, role: string, vulnerable: number) => {
    const vulnerabilities =
      vulnerable > 0
        ? [...new Set(Array.from({ length: vulnerable }, () => pick(VULNERABILITIES)))]
        : [];
    emit('case_person', [
      uuid(),
      c.id,
      personId,
      role,
      vulnerabilities,
      new Date(c.openedAt.getTime() + (c.people.length + 1) * MINUTE),
    ]);
    c.people.push([personId, role]);
  };

  const addCaseIncident = (c: GeneratedCase, at: Date, id?: string) => {
    const reporters: DemoPartnerKey[] = [];
    const reporterChoices = c.partners.filter((k) => REPORTERS.includes(k));
    reporters.push(
      chance(0.6) && reporterChoices.includes('police') ? 'police' : pick(reporterChoices),
    );
    if (reporterChoices.length > 1 && chance(0.15)) {
      const second = pick(reporterChoices.filter((k) => k !== reporters[0]));
      reporters.push(second);
    }
    const people: [string, string][] = [];
    const victims = c.people.filter(([, role]) => role === 'VICTIM');
    const perpetrators = c.people.filter(([, role]) => role === 'PERPETRATOR');
    if (victims.length && chance(0.85)) people.push(pick(victims));
    if (perpetrators.length && chance(0.6)) people.push(pick(perpetrators));
    const reporter = c.people.find(([, role]) => role === 'REPORTER');
    if (reporter && chance(0.3)) people.push(reporter);
    const incidentId = addIncident({
      id,
      at,
      locationId: c.locationId && chance(0.75) ? c.locationId : pick(locations).id,
      reporters,
      people,
    });
    emit('case_incident', [uuid(), c.id, incidentId, after(at, 60, 60 * 24 * 3)]);
    c.incidents.push(incidentId);
    return incidentId;
  };

  const addVisit = (c: GeneratedCase, at: Date) => {
    const visitId = uuid();
    const first = c.partners[0];
    emit('joint_visit', [
      visitId,
      c.id,
      at,
      c.locationId ?? pick(locations).id,
      pick([
        'Welfare visit to understand who is visiting the address.',
        'Joint visit to discuss the complaints and agree expectations.',
        'Visit to deliver a warning letter and offer support.',
      ]),
      pick([
        'Resident engaged; safety plan agreed and support accepted.',
        'No answer; card left and follow-up booked.',
        'Perpetrator warned about conduct; agreed to keep visitors away.',
      ]),
      userId(RECORDER[first]),
    ]);
    const attendees = [first, pick(c.partners.filter((k) => k !== first))];
    for (const key of attendees) {
      emit('joint_visit_attendee', [
        uuid(),
        visitId,
        partnerOf(key).id,
        userOf(RECORDER[key]).displayName,
      ]);
    }
    const seen = new Set<string>();
    for (let k = 0; k < Math.min(2, c.people.length); k++) {
      const [personId] = pick(c.people);
      if (seen.has(personId)) continue;
      seen.add(personId);
      emit('joint_visit_person', [uuid(), visitId, personId]);
    }
  };

  const addSupport = (c: GeneratedCase, at: Date, personId: string) => {
    const key = pick(c.partners);
    const kind = pick(SUPPORT_BY_PARTNER[partnerOf(key).kind]);
    emit('support_offer', [
      uuid(),
      c.id,
      partnerOf(key).id,
      personId,
      kind,
      'Offered at a visit; details with the offering partner.',
      at,
      pick(['ACCEPTED', 'ACCEPTED', 'DECLINED', 'NO_RESPONSE']),
      userId(RECORDER[key]),
    ]);
  };

  /** Climbs the ladder for one person, `steps` rungs, in order, each after the last. */
  const addLadder = (c: GeneratedCase, subjectId: string, steps: number, from: Date) => {
    if (from >= c.endAt) return;
    let issuedAt = from;
    let previous: string | null = null;
    let previousKind: string | null = null;
    const start = chance(0.5) ? 0 : 1;
    for (let step = 0; step < steps && start + step < PERSON_LADDER.length; step++) {
      const kind = PERSON_LADDER[start + step];
      const last = step === steps - 1 || start + step === PERSON_LADDER.length - 1;
      const id = uuid();
      const issuers: DemoPartnerKey[] = c.partners.filter(
        (k) => k === 'police' || k === 'council' || k === 'housing' || k === 'coastline',
      );
      const issuer = issuers.length ? pick(issuers) : c.partners[0];
      const status = last ? pick(['ACTIVE', 'ACTIVE', 'COMPLIED']) : 'BREACHED';
      emit('intervention', [
        id,
        c.id,
        kind,
        subjectId,
        null,
        issuedAt,
        `Stop the conduct named in the warning at the address and around it (${kind.toLowerCase().replace(/_/g, ' ')}).`,
        kind === 'COMMUNITY_PROTECTION_WARNING'
          ? dateOnly(new Date(issuedAt.getTime() + 14 * DAY))
          : null,
        status,
        kind === 'COMMUNITY_PROTECTION_NOTICE' && previousKind === 'COMMUNITY_PROTECTION_WARNING'
          ? previous
          : null,
        userId(RECORDER[issuer]),
      ]);
      emit('intervention_partner', [uuid(), id, partnerOf(issuer).id]);
      if (issuer !== c.partners[0] && chance(0.4) && issuers.includes(c.partners[0])) {
        emit('intervention_partner', [uuid(), id, partnerOf(c.partners[0]).id]);
      }
      if (status === 'BREACHED') {
        emit('intervention_breach', [
          uuid(),
          id,
          after(issuedAt, 60 * 24, 60 * 24 * 30),
          'Conduct continued after the intervention; reported by a neighbour.',
        ]);
      }
      interventionCount += 1;
      previous = id;
      previousKind = kind;
      issuedAt = after(issuedAt, 60 * 24 * 14, 60 * 24 * 60);
      if (issuedAt >= c.endAt) break;
    }
  };

  const addDecision = (c: GeneratedCase, victimId: string, at: Date) => {
    const id = uuid();
    const counted = c.incidents.slice(0, 3);
    emit('case_review_decision', [
      id,
      c.id,
      victimId,
      new Date(at.getTime() - 182 * DAY),
      at,
      3,
      counted.length >= 3,
      counted.length >= 3 ? 'REVIEW_THRESHOLD_MET' : 'DISCRETIONARY_REVIEW',
      'Qualifying complaints counted by the hub over six months.',
      userId('asb.jones'),
      at,
    ]);
    for (const incidentId of counted) emit('case_review_incident', [uuid(), id, incidentId]);
  };

  // The large case first: fixed ids, the shape issue 7 names.
  {
    const location = newLocation('ADDRESS', '71000000-0000-4000-8000-000000000001');
    const openedAt = new Date('2025-03-03T09:00:00Z');
    const large = addCase({
      id: BENCH_IDS.largeCase,
      reference: 'ASB-2025-9001',
      lead: 'police',
      leadOfficer: 'pc.morgan',
      others: ['housing', 'council', 'mentalHealth', 'drugAlcohol'],
      centredOn: 'VICTIM',
      locationId: location.id,
      openedAt,
      closedAt: null,
      risk: 'HIGH',
      title: 'Cuckooing and intimidation at a housing association block (large case)',
    });
    const roles = [
      'VICTIM',
      'VICTIM',
      'PERPETRATOR',
      'PERPETRATOR',
      'PERPETRATOR',
      'WITNESS',
      'WITNESS',
      'REPORTER',
    ];
    for (let k = 0; k < LARGE_CASE.people; k++) {
      const personId = freshPerson(roles[k] === 'PERPETRATOR');
      addCasePerson(large, personId, roles[k], roles[k] === 'VICTIM' ? 2 : 0);
      addRecords(personId, roles[k], large, openedAt, true);
      largePeople.add(personId);
    }
    for (let k = 0; k < LARGE_CASE.incidents; k++) {
      addCaseIncident(
        large,
        incidentMoment(new Date(openedAt.getTime() - 30 * DAY), new Date('2026-10-15T00:00:00Z')),
      );
    }
    for (let k = 0; k < LARGE_CASE.jointVisits; k++) {
      addVisit(large, new Date(openedAt.getTime() + (k + 1) * 45 * DAY));
    }
    for (let k = 0; k < LARGE_CASE.supportOffers; k++) {
      addSupport(
        large,
        new Date(openedAt.getTime() + (k + 1) * 20 * DAY + 3600_000),
        large.people[k % LARGE_CASE.people][0],
      );
    }
    // 12 interventions: four rungs for each of the three perpetrators.
    const perpetrators = large.people.filter(([, role]) => role === 'PERPETRATOR');
    const before = interventionCount;
    for (const [personId] of perpetrators) {
      const from = new Date(openedAt.getTime() + 14 * DAY);
      let issuedAt = from;
      let previous: string | null = null;
      for (const kind of [
        'ASB_WARNING_LETTER',
        'ACCEPTABLE_BEHAVIOUR_CONTRACT',
        'COMMUNITY_PROTECTION_WARNING',
        'COMMUNITY_PROTECTION_NOTICE',
      ]) {
        const id = uuid();
        const cpn = kind === 'COMMUNITY_PROTECTION_NOTICE';
        emit('intervention', [
          id,
          large.id,
          kind,
          personId,
          null,
          issuedAt,
          'Must not enter or loiter at the block, or cause noise, intimidation or drug use there.',
          kind === 'COMMUNITY_PROTECTION_WARNING'
            ? dateOnly(new Date(issuedAt.getTime() + 14 * DAY))
            : null,
          cpn ? 'ACTIVE' : 'BREACHED',
          cpn ? previous : null,
          userId('pc.morgan'),
        ]);
        emit('intervention_partner', [uuid(), id, partnerOf('police').id]);
        emit('intervention_partner', [uuid(), id, partnerOf(cpn ? 'council' : 'housing').id]);
        if (!cpn) {
          emit('intervention_breach', [
            uuid(),
            id,
            new Date(issuedAt.getTime() + 10 * DAY),
            'Seen at the block again.',
          ]);
        }
        interventionCount += 1;
        previous = id;
        issuedAt = new Date(issuedAt.getTime() + 40 * DAY);
      }
    }
    if (interventionCount - before !== LARGE_CASE.interventions)
      throw new Error('large case interventions');
    addDecision(large, large.people[0][0], new Date('2025-09-01T10:00:00Z'));
  }

  // The write benchmarks' case: fixed ids, police-led with housing and the council.
  {
    const location = newLocation('ADDRESS', BENCH_IDS.writeCaseLocation);
    const write = addCase({
      id: BENCH_IDS.writeCase,
      reference: 'ASB-2025-9002',
      lead: 'police',
      leadOfficer: 'pc.morgan',
      others: ['housing', 'council'],
      centredOn: 'LOCATION',
      locationId: location.id,
      openedAt: new Date('2025-06-02T09:00:00Z'),
      closedAt: null,
      risk: 'MEDIUM',
      title: 'Nuisance and damage around a row of shops (write benchmark case)',
    });
    BENCH_IDS.writeCasePeople.forEach((personId, k) =>
      addCasePerson(write, personId, ['VICTIM', 'PERPETRATOR', 'WITNESS'][k], 0),
    );
    for (let k = 0; k < 5; k++)
      addCaseIncident(write, incidentMoment(write.openedAt, new Date('2026-10-01T00:00:00Z')));
  }

  // The rest of the area's cases.
  const firstReference = 10_001;
  for (let n = 0; n < volumes.cases; n++) {
    const lead = LEADS[pickWeighted(leadCumulative, random)];
    const others = [...new Set(Array.from({ length: int(1, 4) }, () => pick(OTHERS)))].filter(
      (k) => k !== lead,
    );
    if (others.length === 0) others.push(lead === 'police' ? 'council' : 'police');
    const openedAt = incidentMoment(
      new Date('2024-02-01T00:00:00Z'),
      new Date('2026-10-20T00:00:00Z'),
    );
    const lengthDays = int(30, 540);
    const end = new Date(openedAt.getTime() + lengthDays * DAY);
    const closedAt = end < new Date(DATA_END.getTime() - 30 * DAY) ? end : null;
    const centredOn = pick(['VICTIM', 'VICTIM', 'VICTIM', 'PERPETRATOR', 'LOCATION'] as const);
    const location = centredOn === 'LOCATION' || chance(0.7) ? pick(locations) : null;
    const c = addCase({
      reference: `ASB-${openedAt.getUTCFullYear()}-${firstReference + n}`,
      lead,
      leadOfficer: chance(0.9) ? pick(LEAD_OFFICERS[lead]) : null,
      others,
      centredOn,
      locationId: location?.id ?? null,
      openedAt,
      closedAt,
      risk: pick(['STANDARD', 'STANDARD', 'STANDARD', 'MEDIUM', 'MEDIUM', 'HIGH']),
      title: `${pick(['Noise', 'Intimidation', 'Youth nuisance', 'Drug-related nuisance', 'Neighbour dispute', 'Criminal damage', 'Fly-tipping'])} at ${pick(STREETS)}`,
    });
    // People: a victim or two, perpetrators (some recurring), a witness or reporter.
    const victims = centredOn === 'LOCATION' ? int(0, 1) : int(1, 2);
    const perpetrators = int(centredOn === 'PERPETRATOR' ? 1 : 0, 3);
    const plan: string[] = [
      ...Array(victims).fill('VICTIM'),
      ...Array(perpetrators).fill('PERPETRATOR'),
      ...(chance(0.35) ? ['WITNESS'] : []),
      ...(chance(0.3) ? ['REPORTER'] : []),
    ];
    const inCase = new Set<string>();
    for (const role of plan) {
      const reuse = role === 'PERPETRATOR' ? 0.3 : 0.08;
      let personId =
        recurringPerpetrators.length && chance(reuse)
          ? role === 'PERPETRATOR'
            ? pick(recurringPerpetrators)
            : pick(freshPeople)
          : freshPerson(role === 'PERPETRATOR');
      if (inCase.has(personId)) personId = freshPerson(role === 'PERPETRATOR');
      if (inCase.has(personId)) continue;
      inCase.add(personId);
      addCasePerson(c, personId, role, role === 'VICTIM' ? int(0, 2) : chance(0.2) ? 1 : 0);
      addRecords(personId, role, c, openedAt);
      if (role === 'PERPETRATOR' && recurringPerpetrators.length < volumes.people / 20) {
        recurringPerpetrators.push(personId);
      }
    }
    // The large case's people are known to other cases too (its view lists each person's cases):
    // each is in one other case, its three perpetrators in two.
    const large = caseRows[0].people;
    const known =
      n < large.length ? large[n] : n < large.length + 3 ? large[2 + n - large.length] : null;
    if (known && !inCase.has(known[0])) {
      inCase.add(known[0]);
      addCasePerson(c, known[0], known[1], 0);
    }
    const size = pickWeighted(sizeCumulative, random) + 1;
    const from = new Date(openedAt.getTime() - 45 * DAY);
    const to = c.endAt;
    const moments = Array.from({ length: size }, () => incidentMoment(from, to)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (const moment of moments) addCaseIncident(c, moment);
    if (chance(0.3)) for (let k = int(1, 3); k > 0; k--) addVisit(c, between(openedAt, to));
    if (c.people.length && chance(0.4)) {
      for (let k = int(1, 3); k > 0; k--) addSupport(c, between(openedAt, to), pick(c.people)[0]);
    }
    for (const [personId, role] of c.people) {
      if (role === 'PERPETRATOR' && chance(0.55)) {
        const steps = pickWeighted(cumulativeOf([50, 25, 13, 7, 3, 2]), random) + 1;
        addLadder(c, personId, steps, new Date(openedAt.getTime() + int(3, 40) * DAY));
      }
    }
    if (centredOn === 'LOCATION' && chance(0.05) && c.locationId) {
      // Closure powers on a premises: a notice, then the magistrates' order.
      const noticeId = uuid();
      const noticeAt = new Date(openedAt.getTime() + int(30, 90) * DAY);
      if (noticeAt < to) {
        for (const [id, kind, at, preceded] of [
          [noticeId, 'CLOSURE_NOTICE', noticeAt, null],
          [uuid(), 'CLOSURE_ORDER', new Date(noticeAt.getTime() + 2 * DAY), noticeId],
        ] as const) {
          emit('intervention', [
            id,
            c.id,
            kind,
            null,
            c.locationId,
            at,
            'Closure of the premises to all but the tenant and named visitors.',
            null,
            'ACTIVE',
            preceded,
            userId(RECORDER[c.partners[0]]),
          ]);
          emit('intervention_partner', [uuid(), id, partnerOf(c.partners[0]).id]);
        }
      }
    }
    const victim = c.people.find(([, role]) => role === 'VICTIM');
    if (victim && c.incidents.length >= 2 && chance(0.04)) {
      addDecision(c, victim[0], between(openedAt, to));
    }
  }

  // Incidents that never became a case: most of the area's ASB demand.
  const standalone = Math.max(0, volumes.incidents - incidentCount);
  const unplaced = freshPeople.length;
  for (let n = 0; n < standalone; n++) {
    const first = REPORTERS[pickWeighted(reporterCumulative, random)];
    const reporters: DemoPartnerKey[] = [first];
    if (chance(0.05)) reporters.push(first === 'police' ? 'council' : 'police');
    const people: [string, string][] = [];
    // The people not yet in any case are named here: callers, victims, the odd suspect.
    const unnamed = volumes.people - personIds.length;
    if (unnamed > 0 && chance(Math.min(1, (1.5 * unnamed) / (standalone - n)))) {
      people.push([freshPerson(false), pick(['REPORTER', 'VICTIM', 'VICTIM', 'WITNESS'])]);
    } else if (chance(0.08) && unplaced > 0) {
      people.push([pick(freshPeople), 'PERPETRATOR']);
    }
    addIncident({
      at: incidentMoment(),
      locationId: chance(0.93) ? pick(locations).id : null,
      reporters,
      people,
    });
  }
  // Anyone still unused appears on the last incidents as a reporter, so every person is in the data.
  while (personIds.length < volumes.people) {
    addIncident({
      at: incidentMoment(),
      locationId: pick(locations).id,
      reporters: ['police'],
      people: [[freshPerson(false), 'REPORTER']],
    });
  }

  return { seed, volumes, lines };
}

/** A digest of every row, for the determinism test. */
export function datasetDigest(
  dataset: Dataset,
): Record<TableName, { rows: number; sha256: string }> {
  return Object.fromEntries(
    (Object.keys(TABLES) as TableName[]).map((table) => {
      const hash = createHash('sha256');
      for (const line of dataset.lines[table]) hash.update(line);
      return [table, { rows: dataset.lines[table].length, sha256: hash.digest('hex') }];
    }),
  ) as Record<TableName, { rows: number; sha256: string }>;
}
