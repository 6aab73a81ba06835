import { escapeHtml } from './html';

/** A point on the map: WGS84 degrees as locations store them, and its tooltip. */
export interface MapMarker {
  latitude: number;
  longitude: number;
  /** Shown as the marker's <title>: a category and a date, never an address or a name. */
  title: string;
}

export interface PlaceMapInput {
  title: string;
  /** The place the case centres on, when its coordinates are recorded. */
  place: MapMarker | null;
  incidents: readonly MapMarker[];
  /** The case's incidents with no coordinates: said under the map, not drawn. */
  notMapped: number;
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RADIANS = Math.PI / 180;
/** A lone point is shown with at least this much around it, so the scale means something. */
const MIN_HALF_SPAN_M = 150;

/**
 * Metres east and north of `centre`, by the equirectangular projection: x scaled by the cosine
 * of the centre's latitude, y as it is. A place-centred case's incidents lie within a street or a
 * town, a few kilometres at most: across 10 km at UK latitudes the cosine changes by well under
 * 0.2%, far less than a printed marker, so no map library or projection tables are needed.
 */
function project(marker: MapMarker, centre: { latitude: number; longitude: number }) {
  return {
    x:
      (marker.longitude - centre.longitude) *
      RADIANS *
      EARTH_RADIUS_M *
      Math.cos(centre.latitude * RADIANS),
    y: (marker.latitude - centre.latitude) * RADIANS * EARTH_RADIUS_M,
  };
}

/** The longest 1, 2 or 5 times a power of ten that is at most `metres`. */
function roundLength(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(metres));
  return [5, 2, 1].map((step) => step * power).find((length) => length <= metres) ?? power;
}

const distance = (metres: number) => (metres >= 1000 ? `${metres / 1000} km` : `${metres} m`);

const valid = (marker: MapMarker) =>
  Number.isFinite(marker.latitude) &&
  Number.isFinite(marker.longitude) &&
  Math.abs(marker.latitude) <= 90 &&
  Math.abs(marker.longitude) <= 180;

/**
 * A plain map as a self-contained SVG string (valid XML): the case's place as a square, each
 * incident as a dot, a scale bar and a north arrow, on white. No tiles, fonts or scripts are
 * fetched, so it prints as it is in a PDF and shows offline; texts are escaped. Null when there is
 * nothing with coordinates to draw.
 */
export function placeMapSvg(
  input: PlaceMapInput,
  options: { width?: number; height?: number } = {},
): string | null {
  const place = input.place && valid(input.place) ? input.place : null;
  const incidents = input.incidents.filter(valid);
  const markers = [...(place ? [place] : []), ...incidents];
  if (!markers.length) return null;
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const top = 24;
  const bottom = 36;
  const plot = { left: 8, top, width: width - 16, height: height - top - bottom };

  // Centred on the place; without its coordinates, on the middle of the incidents.
  const latitudes = markers.map((m) => m.latitude);
  const longitudes = markers.map((m) => m.longitude);
  const centre = place ?? {
    latitude: (Math.min(...latitudes) + Math.max(...latitudes)) / 2,
    longitude: (Math.min(...longitudes) + Math.max(...longitudes)) / 2,
  };
  const projected = markers.map((marker) => project(marker, centre));
  // Symmetric about the centre, with a margin so no marker sits on the frame.
  const halfX = Math.max(MIN_HALF_SPAN_M, ...projected.map((p) => Math.abs(p.x) * 1.15));
  const halfY = Math.max(MIN_HALF_SPAN_M, ...projected.map((p) => Math.abs(p.y) * 1.15));
  const metresPerPixel = Math.max((2 * halfX) / plot.width, (2 * halfY) / plot.height);
  const cx = plot.left + plot.width / 2;
  const cy = plot.top + plot.height / 2;
  const at = (marker: MapMarker) => {
    const p = project(marker, centre);
    // SVG y grows downwards; north is up.
    return { x: cx + p.x / metresPerPixel, y: cy - p.y / metresPerPixel };
  };
  const f = (n: number) => n.toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="place-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(input.title)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<text x="${plot.left}" y="14" font-size="12" font-weight="bold">${escapeHtml(input.title)}</text>`,
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="#ffffff" stroke="#333"/>`,
  ];
  for (const incident of incidents) {
    const { x, y } = at(incident);
    parts.push(
      `<circle class="incident" cx="${f(x)}" cy="${f(y)}" r="5" fill="#b03a2e" fill-opacity="0.75" stroke="#ffffff" stroke-width="1"><title>${escapeHtml(incident.title)}</title></circle>`,
    );
  }
  if (place) {
    // Drawn last, so the incidents at the place itself do not hide it.
    const { x, y } = at(place);
    parts.push(
      `<rect class="place" x="${f(x - 7)}" y="${f(y - 7)}" width="14" height="14" fill="none" stroke="#111111" stroke-width="2.5"><title>${escapeHtml(place.title)}</title></rect>`,
    );
  }

  // North arrow, top right of the frame.
  const nx = plot.left + plot.width - 22;
  const ny = plot.top + 12;
  parts.push(
    `<g class="north-arrow"><path d="M ${nx} ${ny} l 7 20 l -7 -5 l -7 5 z" fill="#111111"/><text x="${nx}" y="${ny + 32}" text-anchor="middle" font-weight="bold">N</text></g>`,
  );

  // Scale bar, bottom left of the frame: a round length of about a quarter of the width.
  const length = roundLength((plot.width / 4) * metresPerPixel);
  const barPixels = length / metresPerPixel;
  const sx = plot.left + 10;
  const sy = plot.top + plot.height - 12;
  parts.push(
    `<g class="scale-bar"><path d="M ${f(sx)} ${sy - 4} v 4 h ${f(barPixels)} v -4" fill="none" stroke="#111111" stroke-width="1.5"/><text x="${f(sx + barPixels / 2)}" y="${sy - 6}" text-anchor="middle">${distance(length)}</text></g>`,
  );

  // Legend under the frame.
  const ly = plot.top + plot.height + 16;
  const counted = `${incidents.length} incident${incidents.length === 1 ? '' : 's'} with a location`;
  const missing = input.notMapped ? `; ${input.notMapped} without one not shown` : '';
  parts.push(
    `<rect x="${plot.left + 1}" y="${ly - 8}" width="9" height="9" fill="none" stroke="#111111" stroke-width="2"/>`,
    `<text x="${plot.left + 16}" y="${ly}">${place ? 'The case\u2019s place' : 'The case\u2019s place: no coordinates recorded'}</text>`,
    `<circle cx="${plot.left + 205}" cy="${ly - 3.5}" r="4.5" fill="#b03a2e" fill-opacity="0.75"/>`,
    `<text x="${plot.left + 214}" y="${ly}">${escapeHtml(counted + missing)}</text>`,
    `<text x="${plot.left + plot.width}" y="${ly + 14}" text-anchor="end" fill="#555555">North up; drawn by the hub from recorded coordinates, no background map</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
