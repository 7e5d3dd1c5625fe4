// Colours and fonts for the canvas chart, read from the --vscode-* variables (DESIGN.md §2,
// habit 5), and a watcher that reports theme switches so the chart can be redrawn.

import type { ChartColor } from './barModel';

/** What the chart paints with. */
export interface Palette {
  foreground: string;
  muted: string;
  grid: string;
  cohort: string;
  average: string;
  series: string[];    // distinct line colours (segments)
  colors: Record<ChartColor, string>;  // the same colours by name (bar charts)
  background: string;  // under an exported PNG
  font: string;        // CSS font shorthand for axis labels
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** The current theme's chart colours and UI font. */
export function readPalette(): Palette {
  const s = getComputedStyle(document.body);
  const size = cssVar(s, '--vscode-font-size', '13px');
  const family = cssVar(s, '--vscode-font-family', 'system-ui, sans-serif');
  const colors: Record<ChartColor, string> = {
    blue: cssVar(s, '--vscode-charts-blue', '#1a85ff'), orange: cssVar(s, '--vscode-charts-orange', '#d18616'), green: cssVar(s, '--vscode-charts-green', '#388a34'),
    purple: cssVar(s, '--vscode-charts-purple', '#652d90'), red: cssVar(s, '--vscode-charts-red', '#e51400'), yellow: cssVar(s, '--vscode-charts-yellow', '#bf8803'),
  };
  return {
    foreground: cssVar(s, '--vscode-charts-foreground', cssVar(s, '--vscode-foreground', '#616161')),
    muted: cssVar(s, '--vscode-descriptionForeground', '#717171'),
    grid: cssVar(s, '--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    cohort: cssVar(s, '--vscode-charts-blue', '#1a85ff'),
    average: cssVar(s, '--vscode-charts-orange', '#d18616'),
    series: [colors.blue, colors.orange, colors.green, colors.purple, colors.red, colors.yellow],
    colors,
    background: cssVar(s, '--vscode-editor-background', '#ffffff'),
    font: `${parseFloat(size) - 1 || 12}px ${family}`,
  };
}

/**
 * Calls `onChange` after the theme changes: VS Code swaps the body class (vscode-light,
 * vscode-dark, vscode-high-contrast, vscode-high-contrast-light) and, between two themes of the
 * same kind, only the variables on <html>; a standalone page follows prefers-color-scheme.
 * Returns a function that stops watching.
 */
export function watchTheme(onChange: () => void): () => void {
  let pending = 0;
  const schedule = (): void => {
    if (pending) return;
    pending = requestAnimationFrame(() => { pending = 0; onChange(); });
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', schedule);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', schedule);
    if (pending) cancelAnimationFrame(pending);
  };
}
