import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { renderStandaloneHtml } from '../../../src/cli/standaloneHtml';
import type { Period } from '../../../src/shared/options';
import type { AnyReport } from '../../../src/shared/report';
import { parseStandaloneData } from '../../../src/webview/guards';
import { subscriptionsReport, telcoReport } from '../webview/sampleLifetimeReports';
import { bigReport, ordersReport, XSS_LABEL } from '../webview/sampleReports';

const SCRIPT = '(()=>{const a="x";document.getElementById("app").textContent=a;})();\n';
const CSS = ':root{--vscode-foreground:#333}\nbody{color:var(--vscode-foreground)}\n';

function page(reports: Partial<Record<Period, AnyReport>>, over: { title?: string; scriptText?: string; cssText?: string } = {}): string {
  return renderStandaloneHtml({ title: over.title ?? 'Retention — orders.csv', reports, period: 'month', scriptText: over.scriptText ?? SCRIPT, cssText: over.cssText ?? CSS });
}

const sha = (text: string): string => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;
const csp = (html: string): string => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
const inline = (html: string, tag: 'style' | 'script'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const dataBlock = (html: string): string => /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)![1];

describe('cli/standaloneHtml', () => {
  it('allows exactly the inline style and script by their sha256 hashes', () => {
    const html = page({ month: ordersReport() });
    const [style] = inline(html, 'style');
    const [script] = inline(html, 'script');
    assert.equal(style, CSS);
    assert.equal(script, SCRIPT);
    assert.equal(csp(html), `default-src 'none'; style-src ${sha(CSS)}; script-src ${sha(SCRIPT)}; img-src data:`);
    assert.equal(inline(html, 'style').length, 1);
    assert.equal(html.match(/<script\b/g)!.length, 2, 'the data block and the bundle, nothing else');
  });

  it('hashes what the browser hashes: CRLF in the inputs becomes LF', () => {
    const html = page({ month: ordersReport() }, { scriptText: 'var a = 1;\r\nvar b = 2;\r', cssText: 'a{}\r\nb{}' });
    assert.equal(inline(html, 'script')[0], 'var a = 1;\nvar b = 2;\n');
    assert.ok(csp(html).includes(`script-src ${sha('var a = 1;\nvar b = 2;\n')}`));
    assert.ok(csp(html).includes(`style-src ${sha('a{}\nb{}')}`));
  });

  it('keeps a hostile cohort label inside the JSON block, and parses back to the same reports', () => {
    const hostile = ordersReport();
    hostile.retention.cohorts[0].cohort = XSS_LABEL;
    hostile.input.file = 'a&b\u2028c\u2029d<!--e-->.csv';
    const reports = { month: hostile, week: bigReport('week') };
    const html = page(reports);
    const json = dataBlock(html);
    assert.ok(!/<\/script/i.test(json) && !json.includes('<') && !json.includes('>'), 'no markup characters in the data');
    assert.ok(!json.includes('&') && !json.includes('\u2028') && !json.includes('\u2029'));
    assert.deepEqual(JSON.parse(json), { reports, period: 'month' });
    assert.equal(html.split(XSS_LABEL).length, 1, 'the raw label appears nowhere in the page');
  });

  it('embeds a lifetime report (subscriptions or customers file) the page reads back as it was', () => {
    for (const report of [telcoReport(), subscriptionsReport()]) {
      const json = dataBlock(page({ month: report }));
      assert.ok(!json.includes('<'), 'hostile segment labels and file names stay escaped');
      assert.deepEqual(parseStandaloneData(json), { reports: { month: report }, period: 'month' });
      assert.deepEqual(JSON.parse(json), { reports: { month: report }, period: 'month' });
    }
  });

  it('escapes the title', () => {
    const html = page({ month: ordersReport() }, { title: `Retention — ${XSS_LABEL} & "q"` });
    assert.match(html, /<title>Retention — &#60;\/script&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#34;q&#34;<\/title>/);
  });

  it('refuses inline texts that would end their element early', () => {
    assert.throws(() => page({ month: ordersReport() }, { scriptText: 'var s = "</script>";' }), /inline script/);
    assert.throws(() => page({ month: ordersReport() }, { cssText: 'a{}</STYLE>' }), /inline style/);
  });

  it('is a complete document with the app root before the bundle', () => {
    const html = page({ month: ordersReport() });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(html.indexOf('<meta http-equiv="Content-Security-Policy"') < html.indexOf('<style>'), 'the CSP precedes what it governs');
    assert.ok(html.indexOf('<div id="app"></div>') < html.indexOf('id="report-data"'));
    assert.ok(html.indexOf('id="report-data"') < html.lastIndexOf('<script>'));
    assert.ok(html.trimEnd().endsWith('</html>'));
  });
});
