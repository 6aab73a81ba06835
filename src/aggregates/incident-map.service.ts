import type { EntityManager } from '@mikro-orm/postgresql';
import { checkIncidentFilter, type IncidentFilter } from './aggregate-filter';
import { published } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { DisclosureControl } from './cell-key';
import { incidentMapSql, type IncidentMapRow, type MapPoint } from './incident-map.sql';
import { checkKnownAreas } from './known-areas';
import { runSql } from './sql-statement';
import { suppressCube } from './suppression';

/** RFC 7946 GeoJSON, as much of it as the hub writes. */
export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    lsoa_code?: string;
    lsoa_name?: string | null;
    count: number | null;
    suppressed: boolean;
  };
}

export interface IncidentMap {
  type: 'FeatureCollection';
  features: MapFeature[];
  /** A foreign member (RFC 7946 6.1): what was counted, under which control. */
  metadata: {
    counted: 'incidents';
    by: MapPoint;
    from: string;
    to: string;
    threshold: number;
    total: number | null;
    notMapped: number | null;
  };
}

/** Longitude and latitude to 6 places (about 10 cm), as RFC 7946 11.2 suggests is plenty. */
const position = (longitude: number, latitude: number): [number, number] => [
  Math.round(longitude * 1e6) / 1e6,
  Math.round(latitude * 1e6) / 1e6,
];

/** Incident counts as a hotspot map, by LSOA or map point, under the aggregates' disclosure control. */
export async function incidentMap(
  em: EntityManager,
  input: IncidentFilter,
  by: MapPoint,
): Promise<IncidentMap> {
  const filter = checkIncidentFilter(input);
  await checkKnownAreas(em, filter);
  const [control, rows] = await Promise.all([
    disclosureControl(em),
    runSql<IncidentMapRow>(em, incidentMapSql(filter, by)),
  ]);
  return incidentMapCollection(filter, by, control, rows);
}

/**
 * The features are the cells of a one-way table (suppressed as one, each moved by its own
 * incidents' keys); the total and the incidents not mapped are figures like any cell.
 */
export function incidentMapCollection(
  filter: IncidentFilter,
  by: MapPoint,
  control: DisclosureControl,
  rows: IncidentMapRow[],
): IncidentMap {
  const mapped = rows.filter((row) => row.mapped);
  const unmapped = rows.filter((row) => !row.mapped);
  const cube = suppressCube(
    mapped.map((row) => ({
      keys: [row.code ?? `${row.longitude}|${row.latitude}`],
      count: row.count,
      recordKeys: row.recordKeys,
    })),
    1,
    control.threshold,
  );
  const features = mapped.map((row, index): MapFeature => {
    const count = published({ ...row, hidden: cube.hidden[index] }, control);
    return {
      type: 'Feature',
      geometry:
        row.longitude === null || row.latitude === null
          ? null
          : { type: 'Point', coordinates: position(row.longitude, row.latitude) },
      properties: {
        ...(by === 'lsoa' ? { lsoa_code: row.code!, lsoa_name: row.name } : {}),
        count,
        suppressed: count === null,
      },
    };
  });
  const notMapped = {
    count: unmapped.reduce((sum, row) => sum + row.count, 0),
    recordKeys: unmapped.reduce((sum, row) => sum + row.recordKeys, 0),
    hidden: false,
  };
  return {
    type: 'FeatureCollection',
    features,
    metadata: {
      counted: 'incidents',
      by,
      from: filter.from,
      to: filter.to,
      threshold: control.threshold,
      total: published(cube.total, control),
      notMapped: published(notMapped, control),
    },
  };
}
