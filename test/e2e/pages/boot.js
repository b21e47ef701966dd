// Test page wiring (an external script, so it runs under a strict CSP): the scenario's
// base URL and token come in the page's hash, which the panel never reads or sends, and
// are kept in sessionStorage so they survive the round trip through Stripe's pages.
const params = new URLSearchParams(location.hash.slice(1));
if (params.has('base')) {
  sessionStorage.setItem('e2e', JSON.stringify(Object.fromEntries(params)));
  history.replaceState(null, '', location.pathname + location.search);
}
const config = JSON.parse(sessionStorage.getItem('e2e') ?? '{}');
window.e2eEvents = [];
for (const panel of document.querySelectorAll('billing-panel')) {
  for (const name of ['billing-loaded', 'billing-error', 'billing-redirect', 'billing-changed', 'billing-token-expired']) {
    panel.addEventListener(name, (event) => window.e2eEvents.push({ type: name, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }));
  }
  if (config.prevent) panel.addEventListener('billing-redirect', (event) => event.preventDefault());
  panel.setAttribute('base-url', config.base ?? '');
  panel.setAttribute('redirect-hosts', config.hosts ?? '');
  panel.token = config.token;
}
