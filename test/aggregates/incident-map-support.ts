import {
  makePartner,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { importInto, SAMPLE } from '../imports/import-support';

/** A map as the tests read it. */
export interface Map {
  type: string;
  features: {
    type: string;
    geometry: { type: string; coordinates: number[] } | null;
    properties: {
      lsoa_code?: string;
      lsoa_name?: string | null;
      count: number | null;
      suppressed: boolean;
    };
  }[];
  metadata: { by: string; threshold: number; total: number | null; notMapped: number | null };
}

export const PERIOD = 'from=2018-01-01&to=2020-01-01';

/** A private hub holding the data.police.uk sample, imported, and a BI token. */
export async function mapHub(): Promise<{ hub: TestHub; bi: Member }> {
  const hub = await startTestHub({}, { private: true });
  const em = hub.em();
  const bi = await makePartnerMember(em, PartnerKind.COUNCIL, Role.BI_SERVICE);
  const police = await makePartner(em, PartnerKind.POLICE, 'Map Test Police');
  await importInto(hub, { file: SAMPLE, partner: police.id });
  return { hub, bi };
}

export const fetchMap = (hub: TestHub, token: string, path: string) =>
  fetch(`${hub.url}/exports/${path}`, { headers: { authorization: `Bearer ${token}` } });
