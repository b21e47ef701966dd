// Instruments the bench page before the bundle loads: fetches in flight, timers and
// listeners left behind, and a fetch stub that answers from data already in hand.

// tsx (esbuild keepNames) wraps functions that the bench passes to page.evaluate in __name().
window.__name = (fn) => fn;
const real = window.fetch.bind(window);
window.bench = { inFlight: 0, maxInFlight: 0, requests: [], posts: [], timers: new Set(), listeners: 0, stub: null, record: true };

window.fetch = async (input, init = {}) => {
  const url = new URL(typeof input === 'string' ? input : input.url ?? String(input), location.href);
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = Object.fromEntries(new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined)));
  const entry = { method, path: url.pathname, url: url.href, headers, credentials: init.credentials, cache: init.cache, redirect: init.redirect, start: performance.now(), end: 0 };
  // The memory bench turns the log off, so that it measures the panel, not the log.
  if (window.bench.record) window.bench.requests.push(entry);
  if (window.bench.record && method === 'POST') window.bench.posts.push(entry);
  window.bench.inFlight++;
  window.bench.maxInFlight = Math.max(window.bench.maxInFlight, window.bench.inFlight);
  try {
    if (window.bench.stub) return window.bench.stub(url, method);
    return await real(input, init);
  } finally {
    window.bench.inFlight--;
    entry.end = performance.now();
  }
};

const setT = window.setTimeout.bind(window);
const clearT = window.clearTimeout.bind(window);
window.setTimeout = (fn, ms, ...rest) => {
  const id = setT(() => {
    window.bench.timers.delete(id);
    if (typeof fn === 'function') fn(...rest);
  }, ms);
  window.bench.timers.add(id);
  return id;
};
window.clearTimeout = (id) => {
  window.bench.timers.delete(id);
  clearT(id);
};
const add = window.addEventListener.bind(window);
const remove = window.removeEventListener.bind(window);
window.addEventListener = (...args) => {
  window.bench.listeners++;
  return add(...args);
};
window.removeEventListener = (...args) => {
  window.bench.listeners--;
  return remove(...args);
};

/** JSON answers for a big account: 50 subscriptions, 200 features, 20 plans. */
window.bigAccount = (changed = false) => {
  const price = (id, amount, interval) => ({ id, nickname: null, unit_amount: amount, currency: 'usd', interval, interval_count: 1, trial_period_days: null });
  const plans = Array.from({ length: 20 }, (_, i) => ({
    id: `prod_${i}`,
    name: `Plan ${i}`,
    description: `Plan number ${i}`,
    highlights: ['One', 'Two', 'Three'],
    feature_keys: [],
    prices: [price(`price_${i}_m`, 1000 + i * 100, 'month'), price(`price_${i}_y`, 10000 + i * 1000, 'year')],
  }));
  const now = Date.now();
  const subscriptions = Array.from({ length: 50 }, (_, i) => ({
    id: `sub_${i}`,
    status: changed && i === 7 ? 'past_due' : i % 5 === 0 ? 'canceled' : 'active',
    merchant_id: `merch_${i}`,
    plan: { id: `prod_${i % 20}`, name: `Plan ${i % 20}`, description: null },
    price: price(`price_${i % 20}_m`, 1000 + (i % 20) * 100, 'month'),
    quantity: 1,
    created: new Date(now - i * 86400000).toISOString(),
    current_period_start: new Date(now - 86400000).toISOString(),
    current_period_end: new Date(now + 29 * 86400000).toISOString(),
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    trial_end: null,
    latest_invoice_url: null,
  }));
  const features = Array.from({ length: 200 }, (_, i) => ({
    key: `feature_${i}`,
    name: `Feature ${i}`,
    description: null,
    enabled: i % 3 !== 0,
    limit: i % 4 === 0 ? null : 100,
    usage: i % 2 === 0 ? 42 : null,
    unit: 'units',
    subscription_id: null,
  }));
  return {
    '/api/subscriptions': { items: subscriptions, has_more: false },
    '/api/subscriptions/features': { items: features },
    '/api/subscriptions/identity': { account_id: 'acct_bench', customer_id: 'cus_bench', email: 'b@example.com', name: 'Bench', livemode: true, default_payment_method: null },
    '/api/subscriptions/merchants': { items: [{ id: 'merch_all', name: 'Bench', livemode: true, plans }] },
    '/api/subscriptions/sync': { items: subscriptions, has_more: false },
  };
};

/**
 * A Response whose body is already in hand: `text()` resolves at once. A Response made from
 * a string reads its body through Chromium's stream machinery, 15–25 ms of task hops on this
 * machine that are neither the network's nor the panel's work (the load bench has the real ones).
 */
class InHand extends Response {
  #body;
  constructor(body, init) {
    super(null, init); // no stream to read (an unread one stays in memory until collected)
    this.#body = body;
  }
  text() {
    return Promise.resolve(this.#body);
  }
}

/**
 * Answers every request at once from `data` (serialized once: the answers are in hand, not
 * made per request); `inHand` (the render bench) with bodies read at once. The memory bench
 * keeps real Responses: its heap figure is about the panel, not about the stub's objects.
 */
window.stubWith = (data, { inHand = false } = {}) => {
  const bodies = new Map(Object.entries(data).map(([path, body]) => [path, JSON.stringify(body)]));
  const Answer = inHand ? InHand : Response;
  window.bench.stub = (url) => {
    const body = bodies.get(url.pathname);
    return Promise.resolve(new Answer(body ?? '{}', { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } }));
  };
};

/** An unsigned JWT for the stubbed service (the panel only reads `exp`). */
window.benchToken = () => {
  const b64 = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'none' })}.${b64({ acc: 'acct_bench', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
};

const nextFrame = () => new Promise(requestAnimationFrame);

/**
 * Load, panel side: append a configured panel, resolve at `billing-loaded` (every section
 * has rendered its data). Returns the time and the requests the panel made, for the floor.
 */
window.benchPanelLoad = async ({ baseUrl, token }) => {
  const host = document.querySelector('#host');
  host.replaceChildren();
  const from = window.bench.requests.length;
  const panel = document.createElement('billing-panel');
  panel.baseUrl = baseUrl;
  panel.token = token;
  const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
  const start = performance.now();
  host.append(panel);
  await loaded;
  const ms = performance.now() - start;
  const requests = window.bench.requests.slice(from).map(({ method, url, headers, credentials, cache, redirect, start: s, end }) => ({
    method, url, headers, credentials, cache, redirect, at: [s - start, end - start],
  }));
  await nextFrame();
  return { ms, requests };
};

/**
 * Load, floor side: the same requests (method, URL, headers, credentials, cache, redirect
 * mode) through the same fetch, all at once, each body parsed as JSON. Nothing else.
 */
window.benchFloorLoad = async (requests) => {
  const start = performance.now();
  await Promise.all(
    requests.map(({ method, url, headers, credentials, cache, redirect }) =>
      fetch(url, { method, headers, credentials, cache, redirect }).then((r) => r.text()).then((t) => JSON.parse(t)),
    ),
  );
  const ms = performance.now() - start;
  await nextFrame();
  return { ms };
};

/** A rendered custom element tree as static markup: declarative shadow roots, adopted sheets as <style>, tags renamed so nothing upgrades. */
window.benchStaticMarkup = (root) => {
  const rename = (tag) => (tag.includes('-') ? `bench-static-${tag}` : tag);
  const css = (sheets) => sheets.map((sheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n')).join('\n');
  const attrs = (el) => Array.from(el.attributes, (a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
  const text = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const VOID = new Set(['input', 'br', 'hr', 'img', 'meta', 'link', 'wbr', 'col', 'area', 'source']);
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return text(n.data);
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = n.localName;
    if (tag === 'style' || tag === 'script') return `<${tag}${attrs(n)}>${n.textContent}</${tag}>`;
    const name = rename(tag);
    let inner = '';
    if (n.shadowRoot) inner += `<template shadowrootmode="open"><style>${css(n.shadowRoot.adoptedStyleSheets)}</style>${children(n.shadowRoot)}</template>`;
    if (VOID.has(tag)) return `<${name}${attrs(n)}>`;
    return `<${name}${attrs(n)}>${inner}${children(tag === 'template' ? n.content : n)}</${name}>`;
  };
  const children = (parent) => Array.from(parent.childNodes, node).join('');
  return node(root);
};

/**
 * Render, floor side: insert `markup` (the panel's final DOM, static) and force layout.
 * Render, panel side: append a panel answered at once from the stub, wait for
 * `billing-loaded`, force layout. Both end at the same point: laid out.
 */
window.benchRenderFloor = async (markup) => {
  const host = document.querySelector('#host');
  host.replaceChildren();
  await nextFrame();
  const start = performance.now();
  host.setHTMLUnsafe(markup);
  void host.offsetHeight;
  return performance.now() - start;
};
window.benchRenderPanel = async (token) => {
  const host = document.querySelector('#host');
  host.replaceChildren();
  await nextFrame();
  const panel = document.createElement('billing-panel');
  panel.baseUrl = 'https://bench.invalid';
  panel.token = token;
  const loaded = new Promise((resolve) => panel.addEventListener('billing-loaded', resolve, { once: true }));
  const start = performance.now();
  host.append(panel);
  await loaded;
  void host.offsetHeight;
  return performance.now() - start;
};
