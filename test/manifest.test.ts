/**
 * The README's API reference must cover everything the custom-elements manifest
 * (generated from the elements' JSDoc by `npm run build`) lists.
 */
import { expect } from '@open-wc/testing';

interface Named {
  name: string;
  privacy?: string;
  kind?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

describe('custom-elements manifest and README', () => {
  it('documents in the README every tag, attribute, property, method, event, slot, part and custom property', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Declaration[] }> };
    const readme = await (await fetch('/README.md')).text();
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal([
      'billing-features',
      'billing-identity',
      'billing-invoices',
      'billing-panel',
      'billing-plans',
      'billing-subscriptions',
    ]);
    const missing: string[] = [];
    const need = (what: string, name: string) => {
      if (!readme.includes(`\`${name}\``) && !readme.includes(`<${name}>`)) missing.push(`${what} ${name}`);
    };
    for (const element of elements) {
      need('element', element.tagName!);
      for (const a of element.attributes ?? []) need('attribute', a.name);
      for (const m of element.members ?? []) if (!m.privacy || m.privacy === 'public') need(m.kind === 'method' ? 'method' : 'property', m.kind === 'method' ? `${m.name}()` : m.name);
      for (const e of element.events ?? []) need('event', e.name);
      for (const s of element.slots ?? []) if (s.name) need('slot', s.name);
      for (const p of element.cssParts ?? []) need('part', p.name);
      for (const c of element.cssProperties ?? []) need('custom property', c.name);
    }
    expect(missing).to.deep.equal([]);
    expect(elements.find((e) => e.tagName === 'billing-panel')!.events!.map((e) => e.name).sort()).to.deep.equal([
      'billing-action',
      'billing-changed',
      'billing-error',
      'billing-loaded',
      'billing-redirect',
      'billing-token-expired',
    ]);
  });
});
