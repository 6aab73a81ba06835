import { PartnerKind } from '../partners/partner-kind.enum';
import { Role } from '../users/role.enum';

/**
 * The demo area's partners and users, with fixed ids so the README's examples work on every
 * machine. Names of organisations are illustrative; no real person is described.
 */
export const DEMO_PARTNERS = {
  police: {
    id: '10000000-0000-4000-8000-000000000001',
    name: 'Dyfed-Powys Police',
    kind: PartnerKind.POLICE,
  },
  council: {
    id: '10000000-0000-4000-8000-000000000002',
    name: 'Carmarthenshire County Council ASB Team',
    kind: PartnerKind.COUNCIL,
  },
  housing: {
    id: '10000000-0000-4000-8000-000000000003',
    name: 'Tywi Valley Housing Association',
    kind: PartnerKind.HOUSING,
  },
  mentalHealth: {
    id: '10000000-0000-4000-8000-000000000004',
    name: 'West Wales NHS Community Mental Health Team',
    kind: PartnerKind.MENTAL_HEALTH,
  },
  drugAlcohol: {
    id: '10000000-0000-4000-8000-000000000005',
    name: 'Llwybr Drug and Alcohol Service',
    kind: PartnerKind.DRUG_ALCOHOL,
  },
  fire: {
    id: '10000000-0000-4000-8000-000000000006',
    name: 'Mid and West Wales Fire and Rescue Service',
    kind: PartnerKind.OTHER,
  },
  coastline: {
    id: '10000000-0000-4000-8000-000000000007',
    name: 'Coastline Homes',
    kind: PartnerKind.HOUSING,
  },
} as const;

export type DemoPartnerKey = keyof typeof DEMO_PARTNERS;

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  partner: DemoPartnerKey;
  role: Role;
  /** What the README says this user is for. */
  about: string;
}

const user = (
  n: number,
  username: string,
  displayName: string,
  partner: DemoPartnerKey,
  role: Role,
  about: string,
): DemoUser => ({
  id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  username,
  displayName,
  partner,
  role,
  about,
});

export const DEMO_USERS: DemoUser[] = [
  user(
    1,
    'pc.morgan',
    'PC Rhian Morgan',
    'police',
    Role.PRACTITIONER,
    'neighbourhood officer, lead on the cuckooing case',
  ),
  user(
    2,
    'sgt.davies',
    'Sgt Owain Davies',
    'police',
    Role.SUPERVISOR,
    'neighbourhood sergeant (supervisor)',
  ),
  user(
    3,
    'analyst.price',
    'Elin Price',
    'police',
    Role.ANALYST,
    'crime and ASB analyst: case basics, no identities',
  ),
  user(4, 'legal.hughes', 'Sian Hughes', 'police', Role.LEGAL, 'force legal team'),
  user(5, 'asb.jones', 'Huw Jones', 'council', Role.PRACTITIONER, 'council ASB coordinator'),
  user(
    6,
    'admin.evans',
    'Nia Evans',
    'council',
    Role.ADMINISTRATOR,
    'administrator: users and configuration, no personal data',
  ),
  user(
    7,
    'bi.service',
    'BI service account',
    'council',
    Role.BI_SERVICE,
    'BI tool: aggregates only, no personal data',
  ),
  user(
    8,
    'dpo.griffiths',
    'Mererid Griffiths',
    'council',
    Role.DATA_PROTECTION_OFFICER,
    'data protection officer',
  ),
  user(
    9,
    'housing.williams',
    'Catrin Williams',
    'housing',
    Role.PRACTITIONER,
    'housing officer at Tywi Valley HA',
  ),
  user(
    10,
    'mh.thomas',
    'Bethan Thomas',
    'mentalHealth',
    Role.PRACTITIONER,
    'community mental health practitioner',
  ),
  user(
    11,
    'dac.lewis',
    'Dylan Lewis',
    'drugAlcohol',
    Role.PRACTITIONER,
    'drug and alcohol key worker',
  ),
  user(
    14,
    'dac.rees',
    'Mair Rees',
    'drugAlcohol',
    Role.SUPERVISOR,
    'drug and alcohol team leader (supervisor, safeguarding lead)',
  ),
  user(
    12,
    'fire.roberts',
    'Gethin Roberts',
    'fire',
    Role.PRACTITIONER,
    'fire service community safety officer',
  ),
  user(
    13,
    'coastline.james',
    'Ffion James',
    'coastline',
    Role.PRACTITIONER,
    'housing officer at Coastline Homes (not on the cuckooing case)',
  ),
];

export function demoUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((candidate) => candidate.username === username);
}
