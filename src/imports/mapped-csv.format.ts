import { zonedTimeToUtc } from '../common/dates';
import { FUTURE_TOLERANCE_MS } from '../common/validate';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { OccurredPrecision } from '../incidents/occurred-precision.enum';
import { LocationKind } from '../locations/location-kind.enum';
import { ImportFormat } from './import-enums';
import { mappedColumnPositions } from './mapped-header';
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
import type { CheckedMapping, DatePattern } from './import-mapping';
import {
  ContentKeys,
  type ImportRow,
  locationId,
  type LocationRow,
  referenceKey,
} from './import-rows';

/** As long as the hub lets a partner type these by hand (recordIncident). */
const MAX_DESCRIPTION = 10_000;
const MAX_REFERENCE = 100;

const HUB_CATEGORIES = new Map(
  Object.values(IncidentCategory).map((category) => [category.toLowerCase(), category]),
);

/**
 * A partner system's CSV export, read through its mapping file: each row an incident the partner
 * recorded, with its own reference when the mapping names one.
 */
export class MappedCsvReader implements FormatReader {
  readonly format = ImportFormat.MAPPED_CSV;
  private readonly at: Map<string, number>;
  private readonly keys = new ContentKeys();
  /** References seen so far and their lines: a reference names one incident. */
  private readonly references = new Map<string, number>();
  private readonly latest: number;

  constructor(
    readonly header: readonly string[],
    private readonly mapping: CheckedMapping,
    private readonly context: RowContext,
  ) {
    this.at = mappedColumnPositions(header, mapping.columns);
    this.latest = context.now.getTime() + FUTURE_TOLERANCE_MS;
  }

  prepare(line: number, fields: string[]): ImportRow | RowRejection {
    if (fields.length !== this.header.length) {
      return { reasons: [wrongFieldCount(fields.length, this.header.length, 'the header')] };
    }
    const m = this.mapping;
    const value = (column: string | null) => (column ? fields[this.at.get(column)!].trim() : '');
    const reasons: string[] = [];

    const occurred = this.date(
      value(m.occurredAt.column),
      m.occurredAt.column,
      m.occurredAt.pattern,
      m.occurredAt.precision,
      reasons,
    );
    if (occurred === undefined) {
      reasons.push(`${m.occurredAt.column} is empty: every incident needs the date it happened`);
    }
    const occurredAt = occurred?.at ?? null;
    const precision = occurred?.precision ?? OccurredPrecision.EXACT;

    let reportedAt = occurredAt;
    if (m.reportedAt) {
      const reported = this.date(
        value(m.reportedAt.column),
        m.reportedAt.column,
        m.reportedAt.pattern,
        null,
        reasons,
      );
      if (reported) {
        reportedAt = reported.at;
        // Compared as exactly as the coarser of the two is known.
        if (occurredAt && reported.at < truncate(occurredAt, reported.precision)) {
          reasons.push(
            `${m.reportedAt.column} ${JSON.stringify(value(m.reportedAt.column))} is before ${m.occurredAt.column} ${JSON.stringify(value(m.occurredAt.column))}: an incident is reported after it happens`,
          );
        }
      }
    }

    const category = this.category(value(m.category.column), reasons);
    const description = value(m.description);
    if (description.length > MAX_DESCRIPTION) {
      reasons.push(
        `${m.description} is ${description.length} characters; at most ${MAX_DESCRIPTION} are kept`,
      );
    }
    const point =
      m.latitude && m.longitude
        ? coordinates(
            value(m.longitude),
            value(m.latitude),
            { longitude: m.longitude, latitude: m.latitude },
            reasons,
          )
        : null;
    const area = m.lsoaCode ? lsoaCode(value(m.lsoaCode), m.lsoaCode, reasons) : null;
    const reference = value(m.sourceReference);
    if (reference.length > MAX_REFERENCE) {
      reasons.push(
        `${m.sourceReference} is ${reference.length} characters; a reference is at most ${MAX_REFERENCE}`,
      );
    } else if (reference) {
      const first = this.references.get(reference);
      if (first !== undefined) {
        reasons.push(
          `${m.sourceReference} ${JSON.stringify(reference)} was already on line ${first}: one reference is one incident`,
        );
      } else if (reasons.length === 0) {
        this.references.set(reference, line);
      }
    }
    if (reasons.length > 0 || !occurredAt || !reportedAt || !category) return { reasons };

    const placeText = value(m.location?.column ?? null);
    let location: LocationRow | null = null;
    if (placeText || point) {
      const place = {
        kind: m.location?.kind ?? LocationKind.PUBLIC_PLACE,
        description: placeText || 'No description of the place given',
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        lsoaCode: area,
      };
      location = { id: locationId(place), ...place };
    }
    const hateIncident = m.hateIncident
      ? m.hateIncident.trueValues.has(value(m.hateIncident.column).toLowerCase())
      : false;
    const occurredIso = occurredAt.toISOString();
    const reportedIso = reportedAt.toISOString();
    const sourceKey = reference
      ? referenceKey(reference)
      : this.keys.next([
          occurredIso,
          precision,
          category,
          description,
          location?.id ?? '',
          String(hateIncident),
          reportedIso,
        ]);
    return importRow(this.context, line, sourceKey, {
      occurredAt: occurredIso,
      occurredPrecision: precision,
      category,
      description,
      hateIncident,
      location,
      areaCode: area,
      lsoa: lsoaRow(area, value(m.lsoaName)),
      reportedAt: reportedIso,
      sourceReference: reference || null,
    });
  }

  /**
   * A date in the column's format; undefined when empty, null (with a reason) when unreadable. A
   * time known to the day or month is that day's or month's start, UTC; an exact local time is
   * read in the mapping's time zone.
   */
  private date(
    text: string,
    column: string,
    pattern: DatePattern,
    precisionOverride: OccurredPrecision | null,
    reasons: string[],
  ): { at: Date; precision: OccurredPrecision } | null | undefined {
    if (!text) return undefined;
    const match = pattern.regex.exec(text);
    const unreadable = () => {
      reasons.push(
        `${column} ${JSON.stringify(text)} is not a date in the form ${pattern.iso ? 'ISO 8601 (2024-03-01T18:30:00Z)' : pattern.source}`,
      );
      return null;
    };
    if (!match) return unreadable();
    const part = (name: keyof DatePattern['groups']) => {
      const group = pattern.groups[name];
      return group && match[group] !== undefined ? Number(match[group]) : null;
    };
    const wall = {
      year: part('year')!,
      month: part('month')!,
      day: part('day') ?? 1,
      hour: part('hour') ?? 0,
      minute: part('minute') ?? 0,
      second: part('second') ?? 0,
    };
    const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
    if (
      wall.year < 1900 ||
      day.getUTCMonth() !== wall.month - 1 ||
      day.getUTCDate() !== wall.day ||
      wall.hour > 23 ||
      wall.minute > 59 ||
      wall.second > 59
    ) {
      return unreadable();
    }
    const isoDateOnly = pattern.iso && match[4] === undefined;
    const precision =
      precisionOverride ?? (isoDateOnly ? OccurredPrecision.DAY : pattern.precision);
    let at: Date;
    if (precision === OccurredPrecision.MONTH) {
      at = new Date(Date.UTC(wall.year, wall.month - 1, 1));
    } else if (precision === OccurredPrecision.DAY) {
      at = day;
    } else if (pattern.iso && match[7]) {
      at = new Date(
        Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
          offsetMinutes(match[7]) * 60_000,
      );
    } else {
      at = zonedTimeToUtc(wall, this.mapping.timeZone);
    }
    if (at.getTime() > this.latest) {
      reasons.push(`${column} ${JSON.stringify(text)} is in the future`);
      return null;
    }
    return { at, precision };
  }

  private category(text: string, reasons: string[]): IncidentCategory | null {
    const { category } = this.mapping;
    if (!text) {
      if (category.default) return category.default;
      reasons.push(`${category.column} is empty and the mapping gives no default category`);
      return null;
    }
    const mapped =
      category.values.get(text) ??
      [...category.values].find(([code]) => code.toLowerCase() === text.toLowerCase())?.[1] ??
      HUB_CATEGORIES.get(text.toLowerCase());
    if (mapped) return mapped;
    const known = [...category.values.keys()];
    reasons.push(
      `${category.column} ${JSON.stringify(text)} is not in the mapping's category values${known.length ? ` (${known.join(', ')})` : ''}: add it to the mapping file`,
    );
    return null;
  }
}

/** A time known only to the day or month is kept as that day's or month's start, UTC. */
function truncate(at: Date, precision: OccurredPrecision): Date {
  if (precision === OccurredPrecision.DAY) {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  }
  if (precision === OccurredPrecision.MONTH) {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  }
  return at;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}
