/**
 * The return from Stripe Checkout. Before the panel leaves for Checkout it remembers, per
 * account and in this browser's storage, that a checkout is pending (with the session id
 * when the service gave one) for one day. When a page opens with `checkout_session_id`,
 * the parameter is removed at once and the session is synced only when this browser
 * started it for this account; any other id (a shared link, another account, an old tab)
 * syncs nothing. A malformed query or a router whose `history.replaceState` throws never
 * breaks the panel.
 */

const PARAM = 'checkout_session_id';
const STORAGE_KEY = 'billing-panel.pending-checkouts';
const PENDING_FOR_MS = 86_400_000;

interface Pending {
  /** The Checkout Session id, when the service returned one. */
  id?: string | undefined;
  /** When the owner left for Checkout (ms since epoch). */
  at: number;
}

/** A session id Stripe could have substituted: not the literal placeholder, not empty, not absurd. */
export function isCheckoutSessionId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(value);
}

function paramName(pair: string): string {
  const name = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // `?%=1`: not ours, kept as it is
  }
}

/** The page URL with `checkout_session_id` removed; other parameters and the hash kept as they were. */
export function withoutSessionParam(href: string): string {
  const url = new URL(href);
  const search = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && paramName(pair) !== PARAM)
    .join('&');
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}

/** `success_url`: the page (or `success-url`) with `checkout_session_id={CHECKOUT_SESSION_ID}`, braces literal. */
export function successUrl(base: string): string {
  const clean = new URL(withoutSessionParam(base));
  const hash = clean.hash;
  clean.hash = '';
  const joiner = clean.search ? '&' : '?';
  return `${clean.href}${joiner}${PARAM}={CHECKOUT_SESSION_ID}${hash}`;
}

function readAll(): Record<string, Pending> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Pending>) : {};
  } catch {
    return {}; // no storage (sandboxed frame, privacy mode) or garbage in it
  }
}

function writeAll(all: Record<string, Pending>): void {
  const now = Date.now();
  const kept = Object.fromEntries(Object.entries(all).filter(([, p]) => typeof p?.at === 'number' && now - p.at < PENDING_FOR_MS));
  try {
    if (Object.keys(kept).length) localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // without storage a return cannot be matched; the webhook still brings the subscription
  }
}

/** Remembers that this browser is leaving for Checkout for `account`. */
export function rememberCheckout(account: string, sessionId: string | undefined): void {
  writeAll({ ...readAll(), [account]: { id: sessionId, at: Date.now() } });
}

/** Takes (and forgets) the pending checkout of `account` when `sessionId` is the one it started. */
export function claimCheckout(account: string, sessionId: string): boolean {
  const all = readAll();
  const pending = all[account];
  if (!pending || typeof pending.at !== 'number' || Date.now() - pending.at >= PENDING_FOR_MS) return false;
  if (pending.id && pending.id !== sessionId) return false;
  delete all[account];
  writeAll(all);
  return true;
}

/** Shared by every panel and every copy of the bundle on the page: an id is read once. */
const seen: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('billing-panel.checkout-sessions')] ??=
  new Set<string>()) as Set<string>;

/**
 * Reads `checkout_session_id` from the page once, removes it from the address bar, and
 * returns the id when it is well formed and no panel read it before.
 */
export function takeReturningSession(): string | undefined {
  let id: string | null;
  try {
    id = new URL(location.href).searchParams.get(PARAM);
  } catch {
    return undefined;
  }
  if (id === null) return undefined;
  try {
    history.replaceState(history.state, '', withoutSessionParam(location.href));
  } catch {
    // a router that refuses replaceState: the parameter stays; `seen` keeps it from syncing twice
  }
  if (!isCheckoutSessionId(id) || seen.has(id)) return undefined;
  seen.add(id);
  return id;
}
