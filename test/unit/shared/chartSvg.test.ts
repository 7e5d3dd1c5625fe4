import { strict as assert } from 'node:assert';
import { chartSvg, escapeXml } from '../../../src/shared/chartSvg';
import { ordersReport } from './fixtureReport';

interface Polyline { points: string; stroke: string; width: number; title: string }

/** The polylines of an SVG, parsed with a regex (the file is ours and flat). */
function polylines(svg: string): Polyline[] {
  return [...svg.matchAll(/<polyline points="([^"]*)" fill="none" stroke="([^"]+)" stroke-width="([\d.]+)"[^>]*><title>([^<]*)<\/title><\/polyline>/g)]
    .map((m) => ({ points: m[1], stroke: m[2], width: Number(m[3]), title: m[4] }));
}

describe('shared/chartSvg', () => {
  it('one polyline per cohort plus a thicker average, at exact coordinates', () => {
    const svg = chartSvg(ordersReport(), 'customers');
    const lines = polylines(svg);
    assert.equal(lines.length, 3);
    assert.equal((svg.match(/<polyline/g) ?? []).length, 3);
    // Plot: x 60…630 over 3 columns (step 285), y 436 (0 %)…40 (100 %).
    assert.deepEqual(lines.map((l) => [l.title, l.points]), [
      ['2024-01', '60,40 345,171.99 630,304.01'],
      ['2024-02', '60,40 345,238'],
      ['Average (pooled)', '60,40 345,198.4 630,304.01'],
    ]);
    assert.ok(lines[2].width > lines[0].width);
    assert.equal(lines[2].stroke, '#111111');
  });

  it('has axis ticks, column labels, a legend and a title', () => {
    const svg = chartSvg(ordersReport(), 'customers', { title: 'My chart' });
    for (const tick of ['0%', '25%', '50%', '75%', '100%', '>M0<', '>M1<', '>M2<']) assert.ok(svg.includes(tick), tick);
    assert.match(svg, /<text [^>]*font-weight="bold">My chart<\/text>/);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="480" viewBox="0 0 800 480"/);
    // Legend: average first, then the cohorts.
    const legend = [...svg.matchAll(/<text x="(\d+)" y="[\d.]+">([^<]*)<\/text>/g)].filter((m) => Number(m[1]) > 630).map((m) => m[2]);
    assert.deepEqual(legend, ['Average (pooled)', '2024-01', '2024-02']);
  });

  it('escapes every text and contains no script or external reference', () => {
    const hostile = '<script>alert("x")</script>';
    const svg = chartSvg(ordersReport([hostile, "O'Brien & <b>"]), 'customers', { title: '</svg><script>' });
    assert.ok(!/<script/i.test(svg));
    assert.ok(!/href|url\(|<image|<foreignObject|\bon\w+=/i.test(svg));
    assert.ok(svg.includes(escapeXml(hostile)));
    assert.ok(svg.includes('O&#39;Brien &#38; &#60;b&#62;'));
    assert.equal(escapeXml(`&<>"'`), '&#38;&#60;&#62;&#34;&#39;');
    // Every element is closed: the file parses as one <svg>.
    assert.equal((svg.match(/<svg/g) ?? []).length, 1);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
  });

  it('size options scale the plot', () => {
    const lines = polylines(chartSvg(ordersReport(), 'customers', { width: 400, height: 300 }));
    // x 60…230 (step 85), y 256…40.
    assert.equal(lines[1].points, '60,40 145,148');
  });

  it('revenue metrics use money ticks; total revenue has no average curve', () => {
    const perCustomer = chartSvg(ordersReport(), 'cumulativePerCustomer');
    assert.equal(polylines(perCustomer).length, 3);
    assert.ok(!perCustomer.includes('%<'));
    assert.ok(perCustomer.includes('>25<'));
    assert.equal(polylines(chartSvg(ordersReport(), 'revenue')).length, 2);
    const report = ordersReport();
    report.revenue = null;
    assert.equal(polylines(chartSvg(report, 'revenue')).length, 0);
  });

  it('many cohorts: the legend says how many did not fit', () => {
    const report = ordersReport();
    const base = report.retention.cohorts[0];
    report.retention.cohorts = Array.from({ length: 40 }, (_, i) => ({ ...base, cohort: `c${i}` }));
    const svg = chartSvg(report, 'customers');
    assert.equal(polylines(svg).length, 41);
    assert.match(svg, />\+ \d+ more</);
  });
});
