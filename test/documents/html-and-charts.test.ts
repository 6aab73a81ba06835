import { html, page, paragraphs } from '../../src/documents/html';
import { barChartSvg, incidentsPerWeek } from '../../src/documents/svg-chart';

describe('the document templates', () => {
  it('escape every value, so text from a case cannot become markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
    const out = page(
      hostile,
      html`<p>${hostile}</p>
        ${paragraphs(`${hostile}\n<b>second</b>`)}`,
    );
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>second');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;');
    expect(out).toContain('<title>&lt;img');
  });
});

describe('the bar chart of incidents per week', () => {
  it('counts incidents in weeks starting Monday (labelled by that Monday), quiet weeks included as zero', () => {
    const bars = incidentsPerWeek([
      new Date('2026-06-01T10:00:00Z'), // Monday
      new Date('2026-06-07T22:00:00Z'), // Sunday, same week
      new Date('2026-06-22T09:00:00Z'),
    ]);
    expect(bars).toEqual([
      { label: '1 Jun 2026', value: 2 },
      { label: '8 Jun 2026', value: 0 },
      { label: '15 Jun 2026', value: 0 },
      { label: '22 Jun 2026', value: 1 },
    ]);
  });

  it('draws one bar per week as a self-contained SVG, escaping its labels', () => {
    const svg = barChartSvg('Incidents <per> week', [
      { label: 'a<b', value: 3 },
      { label: 'c', value: 0 },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('Incidents &lt;per&gt; week');
    expect(svg).toContain('a&lt;b');
    expect(svg).not.toMatch(/<script|href=/);
  });
});
