// The report as one self-contained HTML file (retention-lens report --out): the webview bundle
// and its CSS inline, allowed by a CSP that names their sha256 hashes and nothing else, and every
// period's report in a JSON data block the bundle reads (src/webview/main.ts). A report may be an
// events ReportModel or a LifetimeReportModel (subscriptions / customers file): the page routes on
// its `shape`. For a lifetime report pass one per period (the page's period select switches the MRR
// periods) or just one under its period (the select then offers only that one). Pure: the CLI
// reads the bundle texts (dist/webview.js; dist/standalone.css + dist/webview.css, built from
// media/standalone.css and media/webview.css) and writes the result.
import { createHash } from 'node:crypto';
import type { Period } from '../shared/options';
import type { AnyReport } from '../shared/report';

/** What the page is made of. cssText = standalone.css (fallback --vscode-* palette) + webview.css. */
export interface StandaloneHtmlInput {
  title: string;
  reports: Partial<Record<Period, AnyReport>>;   // events or lifetime reports (one shape per page)
  period: Period;
  scriptText: string;
  cssText: string;
}

/** CSP source for an inline element: 'sha256-<base64 of the exact text>'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside <script type="application/json">: no "<" at all (so no "</script"
 * or "<!--" can end or bend the element), and "&", ">", U+2028 and U+2029 escaped too. JSON.parse
 * reads the \u escapes back to the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The inline texts cannot be escaped without changing their hash, so one that would end its
 * element early is refused (esbuild output never contains these).
 */
function assertInlineSafe(text: string, tag: 'script' | 'style'): void {
  if (new RegExp(`</${tag}`, 'i').test(text) || (tag === 'script' && /<!--/.test(text))) {
    throw new Error(`the inline ${tag} contains "</${tag}" or "<!--" and would break the page`);
  }
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The complete HTML document of a standalone report. */
export function renderStandaloneHtml(input: StandaloneHtmlInput): string {
  // The HTML parser turns CRLF and CR into LF before the browser hashes an inline element, so the
  // texts are normalised first; otherwise a bundle built on Windows would fail its own CSP.
  const scriptText = normaliseNewlines(input.scriptText);
  const cssText = normaliseNewlines(input.cssText);
  assertInlineSafe(scriptText, 'script');
  assertInlineSafe(cssText, 'style');
  const csp = ["default-src 'none'", `style-src ${cspHash(cssText)}`, `script-src ${cspHash(scriptText)}`, 'img-src data:'].join('; ');
  const data = jsonForScript({ reports: input.reports, period: input.period });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Retention Lens">
<title>${escapeHtml(input.title)}</title>
<style>${cssText}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="report-data">${data}</script>
<script>${scriptText}</script>
</body>
</html>
`;
}
