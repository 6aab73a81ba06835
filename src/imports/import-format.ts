import type { IncidentCategory } from '../incidents/incident-category.enum';
import type { OccurredPrecision } from '../incidents/occurred-precision.enum';
import type { PartnerKind } from '../partners/partner-kind.enum';
import type { ImportFormat } from './import-enums';
import {
  type ImportRow,
  incidentId,
  type LocationRow,
  type LsoaRow,
  reportId,
} from './import-rows';

/** What every row of one run shares: whose records they are, and which run brings them in. */
export interface RowContext {
  partnerId: string;
  /** The importing partner's kind: a partner's own records are of its kind. */
  partnerKind?: PartnerKind;
  /** Null when rows are read for something other than an import (the benchmark's plain COPY). */
  importRunId: string | null;
  /** The hub user on whose behalf the import runs, recorded on each report; null from the command line. */
  recordedById: string | null;
  /** "Now" for the future-date checks, fixed for the run. */
  now: Date;
}

/** A row refused, with reasons a person can act on. */
export interface RowRejection {
  reasons: string[];
}

/**
 * A file format, once its header is known: turns each record into the rows to write, or says why
 * it cannot. Each instance holds the run's state (identical rows so far, references seen), so rows
 * must be given in file order, every one of them, also when a resumed run skips writing them.
 */
export interface FormatReader<Row = ImportRow> {
  readonly format: ImportFormat;
  /** The file's header, for the rejected rows report. */
  readonly header: readonly string[];
  prepare(line: number, fields: string[]): Row | RowRejection;
}

export const isRejection = <Row extends object>(value: Row | RowRejection): value is RowRejection =>
  'reasons' in value;

/** LSOA codes: a country letter and eight digits (E01014399, W01001234). */
const LSOA_CODE = /^[A-Z]\d{8}$/;

/**
 * Coordinates as published: both or neither, numbers, on the Earth. `names` are the source's own
 * column names, so the reason speaks the partner's language.
 */
export function coordinates(
  longitudeText: string,
  latitudeText: string,
  names: { longitude: string; latitude: string },
  reasons: string[],
): { longitude: number; latitude: number } | null {
  const lon = longitudeText.trim();
  const lat = latitudeText.trim();
  if (!lon && !lat) return null;
  if (!lon || !lat) {
    const [given, missing] = lon
      ? [names.longitude, names.latitude]
      : [names.latitude, names.longitude];
    reasons.push(`${given} is given but ${missing} is empty: give both coordinates or neither`);
    return null;
  }
  const longitude = number(lon, names.longitude, -180, 180, reasons);
  const latitude = number(lat, names.latitude, -90, 90, reasons);
  return longitude === null || latitude === null ? null : { longitude, latitude };
}

function number(text: string, name: string, min: number, max: number, reasons: string[]) {
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) {
    reasons.push(`${name} ${JSON.stringify(text)} is not a number`);
    return null;
  }
  if (value < min || value > max) {
    reasons.push(`${name} ${text} is outside ${min} to ${max}`);
    return null;
  }
  return value;
}

export function lsoaCode(text: string, name: string, reasons: string[]): string | null {
  const code = text.trim();
  if (!code) return null;
  if (!LSOA_CODE.test(code)) {
    reasons.push(
      `${name} ${JSON.stringify(code)} is not an LSOA code (a letter and eight digits, like E01014399)`,
    );
    return null;
  }
  return code;
}

/** The local authority an LSOA lies in: its name without the trailing LSOA number ("Bath 001A"). */
export const localAuthorityOf = (lsoaName: string) => lsoaName.replace(/\s+\d{3}[A-Z]$/, '');

export function wrongFieldCount(found: number, expected: number, what: string): string {
  return `the line has ${found} field${found === 1 ? '' : 's'} where ${what} has ${expected}: check for a missing or extra separator, or an unquoted separator inside a value`;
}

/** An LSOA row when both its code and its name are known. */
export const lsoaRow = (code: string | null, name: string): LsoaRow | null =>
  code && name ? { code, name, localAuthority: localAuthorityOf(name) } : null;

/** What a good line says about its incident, whatever its format. */
export interface RowFacts {
  occurredAt: string;
  occurredPrecision: OccurredPrecision;
  category: IncidentCategory;
  description: string;
  hateIncident: boolean;
  location: LocationRow | null;
  areaCode: string | null;
  lsoa: LsoaRow | null;
  reportedAt: string;
  sourceReference: string | null;
  /** The police force area and the reporting force, where the source names them. */
  policeForce?: string | null;
  reportedBy?: string | null;
}

/** The rows of a good line: the incident and the importing partner's report, under their ids. */
export function importRow(
  context: RowContext,
  line: number,
  sourceKey: string,
  facts: RowFacts,
): ImportRow {
  const { partnerId } = context;
  const id = incidentId(partnerId, sourceKey);
  return {
    line,
    incident: {
      id,
      occurredAt: facts.occurredAt,
      category: facts.category,
      description: facts.description,
      locationId: facts.location?.id ?? null,
      hateIncident: facts.hateIncident,
      occurredPrecision: facts.occurredPrecision,
      recordedByPartnerId: partnerId,
      areaCode: facts.areaCode,
      policeForce: facts.policeForce ?? null,
      reportedBy: facts.reportedBy ?? null,
      importRunId: context.importRunId,
    },
    report: {
      id: reportId(partnerId, sourceKey),
      incidentId: id,
      partnerId,
      reportedAt: facts.reportedAt,
      sourceReference: facts.sourceReference,
      recordedById: context.recordedById,
    },
    location: facts.location,
    lsoa: facts.lsoa,
  };
}
