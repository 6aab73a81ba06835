import { escapeHtml } from './html';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A bar chart as a self-contained SVG string: no script, no external fonts, so it prints as a
 * real image in a PDF. Labels are escaped. Used by the lead officer statement and the meeting pack.
 */
export function barChartSvg(
  title: string,
  bars: readonly Bar[],
  options: { width?: number; height?: number } = {},
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const left = 32;
  const bottom = 56;
  const top = 24;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = bars.length ? plotWidth / bars.length : plotWidth;
  const barWidth = Math.max(2, slot * 0.7);
  // At most about 12 labels along the axis, so they do not overlap.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 12));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${escapeHtml(title)}</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - 8}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<text x="${left - 4}" y="${top + 4}" text-anchor="end">${max}</text>`,
    `<text x="${left - 4}" y="${top + plotHeight}" text-anchor="end">0</text>`,
  ];
  bars.forEach((bar, i) => {
    const h = (bar.value / max) * plotHeight;
    const x = left + i * slot + (slot - barWidth) / 2;
    const y = top + plotHeight - h;
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="#3b5b92"><title>${escapeHtml(`${bar.label}: ${bar.value}`)}</title></rect>`,
    );
    if (bar.value > 0) {
      parts.push(
        `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 2).toFixed(1)}" text-anchor="middle">${bar.value}</text>`,
      );
    }
    if (i % labelEvery === 0) {
      const lx = left + i * slot + slot / 2;
      const ly = top + plotHeight + 12;
      parts.push(
        `<text x="${lx.toFixed(1)}" y="${ly}" text-anchor="end" transform="rotate(-35 ${lx.toFixed(1)} ${ly})">${escapeHtml(bar.label)}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

const DAY_MS = 24 * 3600 * 1000;

/** "2 Nov 2026": the Monday a week starts on. */
const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Monday 00:00 UTC of the week `date` falls in. */
function weekStart(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}

/**
 * Incidents per week (weeks starting Monday), every week from the first incident to the last
 * included so quiet weeks show as zero; at most the latest `maxWeeks`.
 */
export function incidentsPerWeek(dates: readonly Date[], maxWeeks = 52): Bar[] {
  if (dates.length === 0) return [];
  const counts = new Map<number, number>();
  for (const date of dates) {
    const week = weekStart(date);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const weeks = [...counts.keys()].sort((a, b) => a - b);
  const last = weeks[weeks.length - 1];
  const first = Math.max(weeks[0], last - (maxWeeks - 1) * 7 * DAY_MS);
  const bars: Bar[] = [];
  for (let week = first; week <= last; week += 7 * DAY_MS) {
    bars.push({ label: WEEK_LABEL.format(new Date(week)), value: counts.get(week) ?? 0 });
  }
  return bars;
}

/**
 * A day-of-week by hour heatmap as a self-contained SVG string: `cells` is 7 rows (Monday first)
 * of 24 hourly counts; darker is more. Used by the meeting pack.
 */
export function heatmapSvg(
  title: string,
  cells: readonly (readonly number[])[],
  options: { width?: number } = {},
): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const width = options.width ?? 640;
  const left = 36;
  const top = 24;
  const cell = (width - left - 8) / 24;
  const rowHeight = 16;
  const height = top + rowHeight * 7 + 18;
  const max = Math.max(1, ...cells.flat());
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">${escapeHtml(title)}</text>`,
  ];
  days.forEach((day, row) => {
    const y = top + row * rowHeight;
    parts.push(`<text x="${left - 4}" y="${y + 11}" text-anchor="end">${day}</text>`);
    for (let hour = 0; hour < 24; hour++) {
      const value = cells[row]?.[hour] ?? 0;
      // White for none, then from light to dark blue.
      const shade =
        value === 0 ? '#ffffff' : `rgba(59,91,146,${(0.2 + 0.8 * (value / max)).toFixed(2)})`;
      parts.push(
        `<rect class="cell" x="${(left + hour * cell).toFixed(1)}" y="${y}" width="${(cell - 1).toFixed(1)}" height="${rowHeight - 1}" fill="${shade}" stroke="#ccc" stroke-width="0.5"><title>${day} ${String(hour).padStart(2, '0')}:00: ${value}</title></rect>`,
      );
    }
  });
  for (let hour = 0; hour < 24; hour += 3) {
    parts.push(
      `<text x="${(left + hour * cell + cell / 2).toFixed(1)}" y="${top + rowHeight * 7 + 12}" text-anchor="middle">${String(hour).padStart(2, '0')}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
