import type { EntityClass } from '@mikro-orm/core';
import { requireLocalDate } from '../common/validate';
import { badInput } from '../errors';
import { PartnerKind } from '../partners/partner-kind.enum';
import { DrugAlcoholRecord } from './drug-alcohol-record.entity';
import { HousingRecord } from './housing-record.entity';
import { MentalHealthRecord } from './mental-health-record.entity';
import type { PartnerRecordBase } from './partner-record.base';
import { PartnerRecordKind } from './partner-record-kind.enum';
import { PoliceRecord } from './police-record.entity';

/** Turns one input value (never undefined) into what is stored, or refuses it as BAD_USER_INPUT. */
type FieldParser = (value: unknown, field: string) => unknown;

/** Text: null clears it; blank text is refused (say null to clear). */
const text =
  (max: number): FieldParser =>
  (value, field) => {
    if (value === null) return null;
    const trimmed = String(value).trim();
    if (!trimmed) throw badInput(`${field} must not be blank; send null to clear it`, field);
    if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
    return trimmed;
  };

/** A yes/no the record always holds: null is refused. */
const flag: FieldParser = (value, field) => {
  if (value === null) throw badInput(`${field} must be true or false`, field);
  return Boolean(value);
};

const localDate: FieldParser = (value, field) =>
  value === null ? null : requireLocalDate(String(value), field);

/** Warning markers are codes (VIOLENT, WEAPONS, DRUGS...), never prose. */
const markers: FieldParser = (value, field) => {
  const list = (value ?? []) as string[];
  const codes = list.map((code) => code.trim().toUpperCase());
  if (codes.some((code) => !/^[A-Z][A-Z0-9_]{1,39}$/.test(code))) {
    throw badInput(`${field} are codes of letters, digits and _ (e.g. VIOLENT)`, field);
  }
  return [...new Set(codes)];
};

/** What makes one kind of partner record: who may write it and its writable fields. */
export interface PartnerRecordSpec {
  kind: PartnerRecordKind;
  /** Only a partner of this kind holds such records. */
  partnerKind: PartnerKind;
  entity: EntityClass<PartnerRecordBase>;
  /** The GraphQL type, for the policy and the audit. */
  typeName: string;
  fields: Readonly<Record<string, FieldParser>>;
}

const REFERENCE = text(100);
const PROSE = text(10_000);

export const PARTNER_RECORD_SPECS: Readonly<Record<PartnerRecordKind, PartnerRecordSpec>> = {
  POLICE: {
    kind: PartnerRecordKind.POLICE,
    partnerKind: PartnerKind.POLICE,
    entity: PoliceRecord,
    typeName: 'PoliceRecord',
    fields: {
      nominalReference: REFERENCE,
      pncReference: REFERENCE,
      warningMarkers: markers,
      warningsSummary: PROSE,
      intelligence: PROSE,
    },
  },
  HOUSING: {
    kind: PartnerRecordKind.HOUSING,
    partnerKind: PartnerKind.HOUSING,
    entity: HousingRecord,
    typeName: 'HousingRecord',
    fields: {
      tenancyReference: REFERENCE,
      tenancyType: REFERENCE,
      tenancyStartDate: localDate,
      tenancyConditions: PROSE,
      tenancyBreaches: PROSE,
      officerNotes: PROSE,
    },
  },
  MENTAL_HEALTH: {
    kind: PartnerRecordKind.MENTAL_HEALTH,
    partnerKind: PartnerKind.MENTAL_HEALTH,
    entity: MentalHealthRecord,
    typeName: 'MentalHealthRecord',
    fields: {
      knownToServices: flag,
      careContact: text(500),
      riskSummary: PROSE,
      clinicalNotes: PROSE,
    },
  },
  DRUG_ALCOHOL: {
    kind: PartnerRecordKind.DRUG_ALCOHOL,
    partnerKind: PartnerKind.DRUG_ALCOHOL,
    entity: DrugAlcoholRecord,
    typeName: 'DrugAlcoholRecord',
    fields: {
      engagedInTreatment: flag,
      keyWorkerContact: text(500),
      treatmentDetail: PROSE,
    },
  },
};
