/**
 * The loading skeleton has the rough height of what it stands for, so the panel does not
 * jump when the data arrives (issue 11: 566 px of skeleton, then 1,305 px of content).
 * Measured in Chromium at 360 and 1280 px on the demo's default data set: the answers of
 * the fake service are held while the skeleton is measured, then released.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../helpers/console-guard.js';
import { fakeOrigin, scenario } from '../helpers/fake.js';
import { panel } from '../helpers/panel.js';
import { allElements } from '../../src/testing/queries.js';
import type { BillingPanel } from '../../src/billing-panel.js';

/** How far the skeleton's height may be from the content's: ±35 %. */
const TOLERANCE = 0.35;
const SECTIONS = ['billing-subscriptions', 'billing-invoices', 'billing-plans', 'billing-features', 'billing-identity'] as const;

/** Holds every answer of the fake service until `release()`; the panel's client takes `fetch` when it is created. */
function holdAnswers() {
  const original = window.fetch;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(fakeOrigin())) {
      held++;
      await released;
    }
    return original(input, init);
  };
  return {
    get held() {
      return held;
    },
    release() {
      window.fetch = original;
      release();
    },
  };
}

const height = (element: Element) => element.getBoundingClientRect().height;

/** The panel and its sections, by name. */
function heights(el: BillingPanel): Record<string, number> {
  const out: Record<string, number> = { panel: height(el) };
  for (const tag of SECTIONS) out[tag] = height(allElements(el).find((e) => e.localName === tag)!);
  return out;
}

const loading = (el: BillingPanel) => allElements(el).filter((e) => e.matches('.loading[aria-busy="true"]')).length;

describe('the loading skeleton has the height of the content (demo data set "active-usd")', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [360, 1280]) {
    it(`at ${width} px: panel and every section within ±${TOLERANCE * 100} %`, async () => {
      await setViewport({ width, height: 900 });
      const s = await scenario('active-usd');
      const hold = holdAnswers();
      let el: BillingPanel;
      try {
        el = await panel(s);
        await el.updateComplete;
        await new Promise(requestAnimationFrame);
        expect(hold.held, 'the panel asked and waits').to.be.greaterThan(0);
        expect(loading(el), 'every section shows its skeleton').to.equal(SECTIONS.length);
      } catch (error) {
        hold.release();
        throw error;
      }
      const skeleton = heights(el);
      const loaded = oneEvent(el, 'billing-loaded');
      hold.release();
      await loaded;
      await el.updateComplete;
      expect(loading(el)).to.equal(0);
      const content = heights(el);
      const report = Object.keys(content)
        .map((name) => `${name}: skeleton ${Math.round(skeleton[name]!)} px, content ${Math.round(content[name]!)} px (${Math.round((skeleton[name]! / content[name]! - 1) * 100)} %)`)
        .join('\n');
      console.log(`at ${width} px\n${report}`);
      for (const name of Object.keys(content)) {
        expect(skeleton[name]! / content[name]!, `${name} at ${width} px\n${report}`).to.be.within(1 - TOLERANCE, 1 + TOLERANCE);
      }
    });
  }
});
