/** Number of heat steps above zero; the CSS defines .heat-0 … .heat-10. */
export const HEAT_STEPS = 10;

/**
 * The heatmap class for a rate: "heat-0" … "heat-10", or null for an absent cell. Square-root
 * scale: retention after the first period is typically 2–30 %, and a linear scale would paint
 * all of it in the two palest shades; √ spreads that range over most of the steps while 100 %
 * stays the darkest. Any non-zero rate gets at least step 1, so "someone came back" is visible.
 */
export function heatClass(rate: number | null): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const clamped = Math.min(1, Math.max(0, rate));
  if (clamped === 0) return 'heat-0';
  return `heat-${Math.max(1, Math.round(Math.sqrt(clamped) * HEAT_STEPS))}`;
}
