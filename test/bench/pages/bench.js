// Instruments the bench page before the bundle loads: fetches in flight, timers and
// listeners left behind, and a fetch stub that answers from data already in hand.

// tsx (esbuild keepNames) wraps functions that the bench passes to page.evaluate in __name().
window.__name = (fn) => fn;
const real = window.fetch.bind(window);
window.bench = { inFlight: 0, maxInFlight: 0, requests: [], posts: [], timers: new Set(), listeners: 0, stub: null, record: true };

window.fetch = async (input, init = {}) => {
  const url = new URL(typeof input === 'string' ? input : input.url ?? String(input), location.href);
  const method = (init.method ?? 'GET').toUpperCase();
  const entry = { method, path: url.pathname, start: performance.now(), end: 0 };
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

/** Answers every request at once from `data`. */
window.stubWith = (data) => {
  window.bench.stub = (url) => {
    const body = data[url.pathname];
    return Promise.resolve(new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } }));
  };
};

/** An unsigned JWT for the stubbed service (the panel only reads `exp`). */
window.benchToken = () => {
  const b64 = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'none' })}.${b64({ acc: 'acct_bench', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
};
