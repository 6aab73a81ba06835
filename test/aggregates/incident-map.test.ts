import type { Member } from '../support/factories';
import type { TestHub } from '../support/hub';
import { INCIDENT_COUNTS } from './aggregate-support';
import { fetchMap, mapHub, PERIOD, type Map } from './incident-map-support';

/*
 * Hotspot maps of the data.police.uk sample (303 rows, mostly Avon and Somerset, some with no
 * place), under the default disclosure control (threshold 5, cell key method D 3, V 2).
 */
describe('hotspot maps as GeoJSON', () => {
  let hub: TestHub;
  let bi: Member;

  beforeAll(async () => {
    ({ hub, bi } = await mapHub());
  });
  afterAll(async () => {
    await hub.close();
  });

  const map = async (path: string): Promise<Map> => {
    const response = await fetchMap(hub, bi.token, path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    return (await response.json()) as Map;
  };

  it('refuses an anonymous caller', async () => {
    const response = await fetch(`${hub.url}/exports/incident-counts-by-lsoa.geojson?${PERIOD}`);
    expect(response.status).toBe(401);
  });

  it('maps incidents by LSOA as a feature collection of points in longitude, latitude order, with the counts under disclosure control', async () => {
    const byLsoa = await map(`incident-counts-by-lsoa.geojson?${PERIOD}`);
    expect(byLsoa.type).toBe('FeatureCollection');
    expect(byLsoa.features.length).toBeGreaterThan(10);
    for (const feature of byLsoa.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.properties.lsoa_code).toMatch(/^[EW]0\d{7}$/);
      if (feature.geometry) {
        expect(feature.geometry.type).toBe('Point');
        const [longitude, latitude] = feature.geometry.coordinates;
        // England and Wales: longitude first (RFC 7946), then latitude.
        expect(longitude).toBeGreaterThan(-6);
        expect(longitude).toBeLessThan(2);
        expect(latitude).toBeGreaterThan(49);
        expect(latitude).toBeLessThan(56);
      }
      const { count, suppressed } = feature.properties;
      expect(suppressed).toBe(count === null);
      if (count !== null) expect(count).toBeGreaterThanOrEqual(byLsoa.metadata.threshold);
    }
    expect(byLsoa.features.some((feature) => feature.properties.suppressed)).toBe(true);
  });

  it('gives an LSOA on the map the very figure incidentCounts gives it', async () => {
    const byLsoa = await map(`incident-counts-by-lsoa.geojson?${PERIOD}`);
    const response = await hub.request(
      INCIDENT_COUNTS,
      { filter: { from: '2018-01-01', to: '2020-01-01' }, groupBy: ['LSOA'] },
      bi.token,
    );
    const table = response.data!.incidentCounts!;
    const counted = Object.fromEntries(
      table.cells
        .filter((cell) => cell.keys[0].value)
        .map((cell) => [cell.keys[0].value, cell.count]),
    );
    const mapped = Object.fromEntries(
      byLsoa.features.map((feature) => [feature.properties.lsoa_code, feature.properties.count]),
    );
    // The table's suppression also counts the incidents with no LSOA as a cell; the map's does not.
    const compared = Object.entries(mapped).filter(
      ([code, count]) => count !== null && counted[code] !== null,
    );
    expect(compared.length).toBeGreaterThan(3);
    for (const [code, count] of compared) expect([code, count]).toEqual([code, counted[code]]);
  });

  it('maps the published anonymised points, and counts the incidents with no point apart, under the same control', async () => {
    const byPlace = await map(`incident-counts-by-place.geojson?${PERIOD}`);
    expect(byPlace.metadata.by).toBe('place');
    expect(byPlace.features.every((feature) => feature.geometry?.type === 'Point')).toBe(true);
    // No place is named and no id given: a point and a count.
    for (const feature of byPlace.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(['count', 'suppressed']);
    }
    const visible = byPlace.features.filter((feature) => !feature.properties.suppressed);
    expect(visible.length).toBeGreaterThan(0);
    // The sample has rows with no coordinates: not mapped, and their count is a figure like any other.
    const { notMapped, threshold } = byPlace.metadata;
    expect(notMapped === null || notMapped === 0 || notMapped >= threshold).toBe(true);
  });

  it('refuses what the tables refuse, and a byte-order mark', async () => {
    for (const [query, status] of [
      [`${PERIOD}&lsoaCodes=E01999999`, 400],
      [`${PERIOD}&bom=true`, 400],
      ['from=2019-01-01', 400],
    ] as const) {
      const response = await fetchMap(hub, bi.token, `incident-counts-by-lsoa.geojson?${query}`);
      expect([query, response.status]).toEqual([query, status]);
    }
  });
});
