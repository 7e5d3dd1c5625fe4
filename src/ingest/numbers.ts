// Amounts as exports write them: 12.50, -3, 1,234.50, (12.50), $12.50, 12,50 € (decimal comma).

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const CURRENCY = /[$€£¥₹]|\b(USD|EUR|GBP|JPY|CHF|CAD|AUD)\b/g;

/**
 * Reads an amount; NaN when the text is not a number. With `decimalComma` the comma is the
 * decimal mark and ' ', an apostrophe or a '.' before three digits group thousands; otherwise
 * ',' before three digits groups thousands.
 */
export function parseAmount(text: string, decimalComma: boolean): number {
  if (!decimalComma && PLAIN.test(text)) return finite(Number(text));
  let s = text.trim().replace(CURRENCY, '').trim();
  let sign = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('-') && !s.startsWith('-')) {
    sign = -sign;
    s = s.slice(0, -1).trim();
  }
  // A dot groups thousands in decimal-comma files only before three digits: '12.50' stays 12.5.
  s = decimalComma
    ? s.replace(/[\s'\u00a0\u202f]/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.')
    : s.replace(/,(?=\d{3}(\D|$))/g, '');
  s = s.replace(/^([-+])\s+/, '$1');
  if (!PLAIN.test(s)) return NaN;
  return finite(sign * Number(s));
}

/** 1e400 reads as Infinity: not an amount. */
const finite = (n: number): number => (Number.isFinite(n) ? n : NaN);

/** Whether a value reads as a number in either convention (for sniffing). */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  return t !== '' && (!Number.isNaN(parseAmount(t, false)) || !Number.isNaN(parseAmount(t, true)));
}
