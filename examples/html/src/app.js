// @ts-check
// The page's script, typechecked (tsc --checkJs, strict) with the package's types: the tag
// map makes the element a BillingPanel and its events the real event classes.
import { baseUrl, getToken, redirectHosts } from './session.js';

// #region readme
/** @import { BillingPanel } from 'billing-panel' */
const panel = /** @type {BillingPanel} */ (document.getElementById('billing'));
const last = /** @type {HTMLElement} */ (document.getElementById('last-event'));
panel.baseUrl = baseUrl; // example-only
panel.redirectHosts = redirectHosts; // example-only
panel.tokenProvider = () => getToken();
panel.addEventListener('billing-redirect', (event) => {
  event.preventDefault(); // the app navigates itself
  last.textContent = `Last event: billing-redirect ${event.detail.kind}`;
});
panel.addEventListener('billing-changed', (event) => {
  last.textContent = `Last event: billing-changed ${event.detail.action}`;
});
// #endregion

// The host page: "re-render" hands the panel a new inline tokenProvider, as a framework would,
// and the billing section is removed and put back.
let renders = 1;
const section = /** @type {HTMLElement} */ (document.getElementById('billing-section'));
const toggle = /** @type {HTMLButtonElement} */ (document.getElementById('toggle'));
document.getElementById('rerender')?.addEventListener('click', () => {
  renders += 1;
  panel.tokenProvider = () => getToken();
  /** @type {HTMLElement} */ (document.getElementById('renders')).textContent = `Renders: ${renders}`;
});
toggle.addEventListener('click', () => {
  if (panel.isConnected) panel.remove();
  else section.prepend(panel);
  toggle.textContent = panel.isConnected ? 'Hide billing' : 'Show billing';
});
