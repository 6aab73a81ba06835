import { HubError } from '../errors';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { OccurredPrecision } from '../incidents/occurred-precision.enum';
import { LocationKind } from '../locations/location-kind.enum';
import { ImportFormat } from './import-enums';
import {
  coordinates,
  type FormatReader,
  importRow,
  lsoaCode,
  lsoaRow,
  type RowContext,
  type RowRejection,
  wrongFieldCount,
} from './import-format';
import {
  ContentKeys,
  type ImportRow,
  locationId,
  type LocationRow,
  referenceKey,
} from './import-rows';

/** The street-level CSV columns data.police.uk publishes, in its own words. */
export const POLICE_UK_COLUMNS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

export const ANTI_SOCIAL_BEHAVIOUR = 'Anti-social behaviour';
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Places remembered while reading, so memory stays bounded on any file. */
const MAX_PLACES_REMEMBERED = 100_000;

/** A header is data.police.uk's when it names the columns only that format has. */
export function looksLikePoliceUk(header: readonly string[]): boolean {
  const names = new Set(header.map((name) => name.trim()));
  return names.has('Month') && names.has('Crime type') && names.has('LSOA code');
}

/**
 * data.police.uk street-level rows: one ASB incident each, known to the month, at an anonymised
 * snap point ("On or near Castle Road") in an LSOA. No category (UNCLASSIFIED), no description
 * (''), no reference for ASB (Crime ID is empty), so each row is keyed by its content and its
 * place among identical rows.
 */
export class PoliceUkReader implements FormatReader {
  readonly format = ImportFormat.POLICE_UK;
  private readonly at: Record<(typeof POLICE_UK_COLUMNS)[number], number>;
  private readonly keys = new ContentKeys();
  private readonly currentMonth: string;
  private readonly places = new Map<string, LocationRow>();

  constructor(
    readonly header: readonly string[],
    private readonly context: RowContext,
  ) {
    const names = header.map((name) => name.trim());
    const missing = POLICE_UK_COLUMNS.filter((column) => !names.includes(column));
    if (missing.length > 0) {
      throw new HubError(
        'IMPORT_COLUMNS_MISSING',
        `The file looks like data.police.uk street-level CSV but its header lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}; the format has ${POLICE_UK_COLUMNS.join(', ')}`,
        { missing },
      );
    }
    this.at = Object.fromEntries(
      POLICE_UK_COLUMNS.map((column) => [column, names.indexOf(column)]),
    ) as PoliceUkReader['at'];
    this.currentMonth = context.now.toISOString().slice(0, 7);
  }

  prepare(line: number, fields: string[]): ImportRow | RowRejection {
    if (fields.length !== this.header.length) {
      return {
        reasons: [wrongFieldCount(fields.length, this.header.length, 'a data.police.uk row')],
      };
    }
    const reasons: string[] = [];
    const value = (column: (typeof POLICE_UK_COLUMNS)[number]) => fields[this.at[column]].trim();

    const month = value('Month');
    if (!MONTH.test(month)) {
      reasons.push(`Month ${JSON.stringify(month)} is not a month in YYYY-MM form`);
    } else if (month > this.currentMonth) {
      reasons.push(`Month ${month} is in the future`);
    }
    const crimeType = value('Crime type');
    if (crimeType !== ANTI_SOCIAL_BEHAVIOUR) {
      reasons.push(
        `Crime type is ${JSON.stringify(crimeType)}: only "${ANTI_SOCIAL_BEHAVIOUR}" rows are imported`,
      );
    }
    const point = coordinates(
      value('Longitude'),
      value('Latitude'),
      { longitude: 'Longitude', latitude: 'Latitude' },
      reasons,
    );
    const area = lsoaCode(value('LSOA code'), 'LSOA code', reasons);
    if (reasons.length > 0) return { reasons };

    const crimeId = value('Crime ID');
    const sourceKey = crimeId
      ? referenceKey(crimeId)
      : this.keys.next(POLICE_UK_COLUMNS.map((column) => value(column)));
    let location: LocationRow | null = null;
    if (point) {
      const description = value('Location') || 'No location published';
      // Snap points repeat (half the published rows share a place with another): named once.
      const key = `${point.longitude}|${point.latitude}|${area ?? ''}|${description}`;
      location = this.places.get(key) ?? null;
      if (!location) {
        const place = {
          kind: LocationKind.PUBLIC_PLACE,
          description,
          latitude: point.latitude,
          longitude: point.longitude,
          lsoaCode: area,
        };
        location = { id: locationId(place), ...place };
        if (this.places.size >= MAX_PLACES_REMEMBERED) this.places.clear();
        this.places.set(key, location);
      }
    }
    // The month is all data.police.uk says: its first day, midnight UTC, marked MONTH.
    const occurredAt = `${month}-01T00:00:00.000Z`;
    return importRow(this.context, line, sourceKey, {
      occurredAt,
      occurredPrecision: OccurredPrecision.MONTH,
      category: IncidentCategory.UNCLASSIFIED,
      description: '',
      hateIncident: false,
      location,
      areaCode: area,
      lsoa: lsoaRow(area, value('LSOA name')),
      reportedAt: occurredAt,
      sourceReference: crimeId || null,
      // An area next to a force boundary holds incidents of both forces: aggregates tell them apart.
      policeForce: value('Falls within') || null,
      reportedBy: value('Reported by') || null,
    });
  }
}
