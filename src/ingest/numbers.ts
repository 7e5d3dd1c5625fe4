// Amounts as exports write them: 12.50, -3, 1,234.50, (12.50), $12.50, 12,50 € (decimal comma).

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const CURRENCY = /[$€£¥₹]|\b(USD|EUR|GBP|JPY|CHF|CAD|AUD)\b/g;

/**
 * Reads an amount; NaN when the text is not a number. With `decimalComma` the comma is the
 * decimal mark and ' ', an apostrophe or a '.' before three digits group thousands; otherwise
 * ',' before three digits groups thousands.
 */
export function parseAmount(text: string, decimalComma: boolean): number {
  if (!decimalComma) {
    const fast = plainDecimal(text);
    if (fast === fast) return fast; // not NaN: the common '12.50' read without a regex
    if (PLAIN.test(text)) return finite(Number(text));
  }
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

/** Exact powers of ten: 10^k for k ≤ 22 is a double without rounding. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `[-+]digits[.digits]` with at most 15 digits, read by hand; NaN for anything else (the caller
 * falls back to the regex). Exactly Number(text): the digits form an integer below 2^53 and
 * 10^k is exact, so the one IEEE division rounds correctly, as Number's decimal conversion does.
 */
function plainDecimal(s: string): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (n > 0 && (s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43)) {
    negative = s.charCodeAt(0) === 45;
    i = 1;
  }
  let mantissa = 0;
  let count = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      count++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (count === 0 || count > 15) return NaN;
  const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -value : value;
}

/** 1e400 reads as Infinity: not an amount. */
const finite = (n: number): number => (Number.isFinite(n) ? n : NaN);

/** Whether a value reads as a number in either convention (for sniffing). */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  return t !== '' && (!Number.isNaN(parseAmount(t, false)) || !Number.isNaN(parseAmount(t, true)));
}
