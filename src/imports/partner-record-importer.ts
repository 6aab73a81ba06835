import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { mayEverRead } from '../permissions/decide';
import { partnerRecordImporters } from '../permissions/policy';
import {
  PARTNER_RECORD_SPECS,
  type PartnerRecordSpec,
} from '../partner-records/partner-record-kinds';
import type { PartnerFound } from './import-runs';
import type { CheckedPartnerRecordMapping } from './partner-record-mapping';

/**
 * Who may bring in a file of partner records, decided before anything is written: a supervisor
 * (the policy's `partnerRecordImporters`) of the partner the records are for, named as the hub user
 * importing (each revision records its officer), and a partner of the records' kind (a housing
 * provider holds tenancy records, never police ones). Answers the kind's spec.
 */
export function partnerRecordImport(
  startedBy: Viewer | null | undefined,
  partner: PartnerFound,
  mapping: CheckedPartnerRecordMapping,
): { viewer: Viewer; spec: PartnerRecordSpec } {
  if (!startedBy) {
    throw new HubError(
      'FORBIDDEN',
      'Partner records are imported by a named supervisor of the partner (the uploader of POST /imports, or --user of npm run import): each change records its officer',
    );
  }
  if (startedBy.partnerId !== partner.id || !mayEverRead(partnerRecordImporters, startedBy)) {
    throw new HubError(
      'FORBIDDEN',
      'Only supervisors import their own partner\u2019s records; practitioners record them one at a time',
    );
  }
  const spec = mapping.kind
    ? PARTNER_RECORD_SPECS[mapping.kind]
    : Object.values(PARTNER_RECORD_SPECS).find((each) => each.partnerKind === partner.kind);
  if (!spec || spec.partnerKind !== partner.kind) {
    throw new HubError(
      'PARTNER_RECORD_WRONG_KIND',
      spec
        ? `Only a ${spec.partnerKind} partner holds ${spec.typeName} records; import your own partner's kind of record`
        : `A ${partner.kind} partner holds no partner records the hub knows`,
    );
  }
  return { viewer: startedBy, spec };
}
