import { strict as assert } from 'node:assert';
import { heatClass, HEAT_STEPS } from '../../../src/webview/heat';

describe('webview/heat', () => {
  it('maps 0 and 100 % to the ends of the scale and null to no class', () => {
    assert.equal(heatClass(0), 'heat-0');
    assert.equal(heatClass(1), `heat-${HEAT_STEPS}`);
    assert.equal(heatClass(null), null);
  });

  it('uses a square-root scale so low retention still gets distinct shades', () => {
    assert.equal(heatClass(0.04), 'heat-2');
    assert.equal(heatClass(0.09), 'heat-3');
    assert.equal(heatClass(0.25), 'heat-5');
    assert.equal(heatClass(0.64), 'heat-8');
  });

  it('gives any non-zero rate at least step 1, and clamps out-of-range rates', () => {
    assert.equal(heatClass(0.0001), 'heat-1');
    assert.equal(heatClass(1.2), 'heat-10');
    assert.equal(heatClass(-0.1), 'heat-0');
  });

  it('never decreases as the rate grows', () => {
    let last = -1;
    for (let r = 0; r <= 1.0001; r += 0.001) {
      const step = Number(heatClass(r)!.slice(5));
      assert.ok(step >= last, `rate ${r}`);
      last = step;
    }
  });
});
