/**
 * A very small HTML template module for printed documents. Every interpolated value is escaped
 * unless it is already `Html` (built by `html` itself, or an SVG chart), so text from a case
 * cannot become markup in a statement or a letter.
 */

export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

type Value = Html | string | number | null | undefined | readonly Value[];

function interpolate(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(value);
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += interpolate(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup the hub itself made (an SVG chart), to be embedded as it is. */
export const trusted = (markup: string) => new Html(markup);

/** Text with line breaks: paragraphs at blank lines, <br> within them, every piece escaped. */
export function paragraphs(text: string): Html {
  return html`${text
    .split(/\n\s*\n/)
    .map(
      (para) => html`<p>${para.split('\n').map((line, i) => (i ? html`<br />${line}` : line))}</p>`,
    )}`;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "24 November 2026", in UK time; a LocalDate ("2026-11-24") as that day. */
export function ukDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return DATE.format(new Date(`${value}T12:00:00Z`));
  return DATE.format(value);
}

/** "24 Nov 2026, 14:05", in UK time. */
export const ukDateTime = (value: Date) => DATE_TIME.format(value);

/** A whole printable page: A4, serif body, tables that break cleanly across pages. */
export function page(title: string, body: Html, lang = 'en-GB'): string {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <style>
          @page {
            size: A4;
            margin: 18mm 16mm 20mm 16mm;
          }
          body {
            font-family: 'DejaVu Serif', Georgia, serif;
            font-size: 10.5pt;
            line-height: 1.4;
            color: #111;
            margin: 0;
          }
          h1 {
            font-size: 16pt;
            margin: 0 0 4mm;
          }
          h2 {
            font-size: 12.5pt;
            margin: 6mm 0 2mm;
            border-bottom: 1px solid #999;
          }
          table {
            border-collapse: collapse;
            width: 100%;
          }
          th,
          td {
            text-align: left;
            vertical-align: top;
            padding: 1.5mm 2mm;
            border-bottom: 1px solid #ccc;
          }
          th {
            background: #eee;
          }
          thead {
            display: table-header-group;
          }
          tr {
            break-inside: avoid;
          }
          .meta th {
            width: 35%;
            background: none;
          }
          .muted {
            color: #555;
            font-size: 9pt;
          }
          .kind {
            font-variant: small-caps;
            white-space: nowrap;
          }
          .chart,
          .map {
            break-inside: avoid;
            margin: 2mm 0;
          }
          .letter p {
            margin: 0 0 3mm;
          }
          .signature {
            margin-top: 12mm;
            break-inside: avoid;
          }
          @media screen {
            body {
              max-width: 190mm;
              margin: 10mm auto;
            }
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}
