import type { Member } from '../support/factories';
import type { TestHub } from '../support/hub';
import { fetchMap, mapHub, PERIOD } from './incident-map-support';

/*
 * The maps read by a GIS library's own GeoJSON checker, @placemarkio/check-geojson (RFC 7946:
 * structure, positions, foreign members), as a web map or GIS tool would load them.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check } = require('@placemarkio/check-geojson') as {
  check(text: string): { type: string };
};

describe('hotspot maps in a GIS library', () => {
  let hub: TestHub;
  let bi: Member;

  beforeAll(async () => {
    ({ hub, bi } = await mapHub());
  });
  afterAll(async () => {
    await hub.close();
  });

  it('loads both maps as valid GeoJSON', async () => {
    for (const name of ['incident-counts-by-lsoa', 'incident-counts-by-place']) {
      const text = await (await fetchMap(hub, bi.token, `${name}.geojson?${PERIOD}`)).text();
      expect(check(text).type).toBe('FeatureCollection');
    }
  });
});
