/**
 * The demo page (`npm start`): the panel against the fake billing service that vite
 * serves on the same origin, with controls to pick a data set, inject a fault, switch
 * route style, locale and theme. The scenario survives reloads (sessionStorage), so the
 * round trip through the fake Stripe pages comes back to the same account.
 */
import '../src/define.js';
import type { BillingPanel } from '../src/billing-panel.js';
import { DATA_SETS, DATA_SET_LABELS, type DataSetName } from '../src/testing/fake-api/data-sets/index.js';
import type { Fault } from '../src/testing/fake-api/types.js';
import { createRemoteScenario, openRemoteScenario, type RemoteScenario } from '../src/testing/fake-api/remote.js';

const panel = document.querySelector<BillingPanel>('#panel')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const events = document.querySelector<HTMLOListElement>('#events')!;
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T;
const settings = JSON.parse(sessionStorage.getItem('billing-demo') ?? '{}') as Record<string, string>;
const save = () => sessionStorage.setItem('billing-demo', JSON.stringify(settings));

const datasetSelect = field<HTMLSelectElement>('dataset');
for (const name of DATA_SETS) datasetSelect.add(new Option(DATA_SET_LABELS[name], name));

const FAULTS: Record<string, Fault> = {
  latency: { operation: '*', latencyMs: 1500 },
  '500': { operation: 'listSubscriptions', status: 500 },
  '429': { operation: 'listFeatures', status: 429, retryAfter: '1' },
  html: { operation: 'listMerchants', kind: 'html' },
  'malformed-json': { operation: 'getIdentity', kind: 'malformed-json' },
  drift: { operation: 'listSubscriptions', kind: 'drift' },
  hang: { operation: 'listFeatures', kind: 'hang' },
  network: { operation: 'listMerchants', kind: 'network' },
  redirect: { operation: 'listMerchants', kind: 'redirect' },
  oversize: { operation: 'listSubscriptions', kind: 'oversize', items: 5000 },
};

let scenario: RemoteScenario;

async function ensureScenario(dataset: DataSetName): Promise<RemoteScenario> {
  const existing = settings['scenario'] ? await openRemoteScenario(location.origin, settings['scenario']) : undefined;
  if (existing && existing.info.dataset === dataset) return existing;
  // A new account says "no customer yet" as customer_id: null (200), which the contract
  // allows, rather than with a 404 that the browser would print in the console.
  const created = await createRemoteScenario(location.origin, dataset, { identityStyle: 'null' });
  settings['scenario'] = created.info.id;
  save();
  return created;
}

async function apply(): Promise<void> {
  const dataset = (datasetSelect.value || 'active-usd') as DataSetName;
  Object.assign(settings, {
    dataset,
    fault: field<HTMLSelectElement>('fault').value,
    style: field<HTMLSelectElement>('style').value,
    locale: field<HTMLSelectElement>('locale').value,
    theme: field<HTMLSelectElement>('theme').value,
    readonly: String(field<HTMLInputElement>('readonly').checked),
  });
  save();
  scenario = await ensureScenario(dataset);
  await scenario.clearFaults();
  const fault = settings['fault'] ?? '';
  if (FAULTS[fault]) await scenario.fault(FAULTS[fault]!);
  const before = [panel.baseUrl, panel.accountId, panel.token].join('|');
  panel.baseUrl = scenario.baseUrl;
  panel.accountId = settings['style'] === 'account' ? scenario.accountId : undefined;
  panel.token = fault === '401' ? scenario.info.tokens.expired : fault === '403' ? scenario.info.tokens.member : scenario.token;
  panel.locale = settings['locale'] || undefined;
  panel.theme = (settings['theme'] || 'light') as BillingPanel['theme'];
  panel.readOnly = settings['readonly'] === 'true';
  panel.redirectHosts = location.host;
  document.body.classList.toggle('dark', panel.theme === 'dark');
  // A new base URL, account or token reloads by itself; otherwise reload to show the fault.
  await panel.updateComplete;
  if (before === [panel.baseUrl, panel.accountId, panel.token].join('|')) panel.reload();
}

function restore(): void {
  datasetSelect.value = settings['dataset'] ?? 'active-usd';
  field<HTMLSelectElement>('fault').value = settings['fault'] ?? '';
  field<HTMLSelectElement>('style').value = settings['style'] ?? 'token';
  field<HTMLSelectElement>('locale').value = settings['locale'] ?? '';
  field<HTMLSelectElement>('theme').value = settings['theme'] ?? 'light';
  field<HTMLInputElement>('readonly').checked = settings['readonly'] === 'true';
}

for (const name of ['billing-loaded', 'billing-error', 'billing-token-expired', 'billing-redirect', 'billing-changed'] as const) {
  panel.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify((event as CustomEvent).detail, (key, value: unknown) =>
      key === 'subscriptions' || key === 'features' || key === 'merchants' ? `[${(value as unknown[]).length}]` : value,
    )}`;
    events.prepend(item);
  });
}

form.addEventListener('change', () => void apply());
document.querySelector('#reset')!.addEventListener('click', async () => {
  await scenario.reset((datasetSelect.value || 'active-usd') as DataSetName);
  await apply();
});
restore();
void apply();
