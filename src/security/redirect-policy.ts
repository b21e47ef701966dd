/**
 * The redirect policy: the only pages the panel ever navigates to.
 *
 * A URL from the billing service (checkout, portal, invoice) is followed only when it is
 * - `https:` on one of the Stripe hosts below (for an invoice PDF link also the PDF hosts)
 *   or a host listed in `redirect-hosts`, matched
 *   exactly (no suffix or wildcard matching: `checkout.stripe.com.evil.tld` is refused);
 * - free of userinfo (`https://user@host`), and on the default port unless the listed
 *   entry names a port (`localhost:5173`); a listed loopback host without a port allows any;
 * - or `http:` only for a `localhost`/`127.0.0.1`/`[::1]` host that is explicitly listed,
 *   for local development.
 * Anything else (`javascript:`, `data:`, relative URLs, other hosts) is refused with a
 * `redirect-refused` BillingError (`redirect.ts`).
 *
 * Nothing here imports a run-time value: the on-demand chunk carries this policy.
 */

export const STRIPE_REDIRECT_HOSTS: readonly string[] = Object.freeze([
  'checkout.stripe.com',
  'billing.stripe.com',
  'invoice.stripe.com',
]);

/** Where Stripe serves invoice PDFs (`invoice_pdf`): allowed for PDF links only, never for checkout or portal. */
export const STRIPE_PDF_HOSTS: readonly string[] = Object.freeze(['pay.stripe.com', 'files.stripe.com']);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_LENGTH = 8192;

interface HostRule {
  hostname: string;
  /** '' means the scheme's default port only. */
  port: string;
}

/** Parses a `redirect-hosts` value (space or comma separated hosts, optional `:port`). Invalid entries are dropped. */
export function parseRedirectHosts(value: string | readonly string[] | null | undefined): string[] {
  const entries = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  const hosts: string[] = [];
  for (const entry of entries) {
    const rule = toRule(entry);
    if (rule) hosts.push(rule.port ? `${rule.hostname}:${rule.port}` : rule.hostname);
  }
  return hosts;
}

function toRule(entry: string): HostRule | undefined {
  const trimmed = entry.trim().toLowerCase();
  // A host entry, not a URL or pattern: no scheme, path, userinfo or wildcard.
  if (!trimmed || /[/@*?#\\]/.test(trimmed)) return undefined;
  try {
    const url = new URL(`https://${trimmed}`);
    if (url.host !== trimmed && url.hostname !== trimmed) return undefined;
    return { hostname: url.hostname, port: url.port };
  } catch {
    return undefined;
  }
}

/**
 * `url` parsed when the policy allows it, else why not. `extraHosts` are the
 * `redirect-hosts` entries (already parsed or raw); `pdf` also allows `STRIPE_PDF_HOSTS`
 * (an invoice's PDF link).
 */
export function redirectTarget(url: unknown, extraHosts: readonly string[] = [], pdf = false): URL | string {
  if (typeof url !== 'string' || url.length === 0) return 'no URL';
  if (url.length > MAX_URL_LENGTH) return 'URL too long';
  // Backslashes, spaces and control characters are parsed differently by different parsers.
  if (/[\\\s\u0000-\u001f\u007f]/.test(url)) return 'URL with backslash, space or control character';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (parsed.username || parsed.password) return 'URL with credentials';

  const rules: HostRule[] = [...STRIPE_REDIRECT_HOSTS, ...(pdf ? STRIPE_PDF_HOSTS : [])].map((hostname) => ({ hostname, port: '' }));
  for (const entry of extraHosts) {
    const rule = toRule(entry);
    if (rule) rules.push(rule);
  }
  const listed = rules.filter((rule) => rule.hostname === parsed.hostname);
  if (listed.length === 0) return `host not allowed: ${parsed.hostname || '(none)'}`;

  // `listed` is non-empty, so a loopback host here was listed explicitly in redirect-hosts.
  if (parsed.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(parsed.hostname)) return 'plain http is allowed only for an explicitly listed localhost';
  } else if (parsed.protocol !== 'https:') {
    return `scheme not allowed: ${parsed.protocol}`;
  }
  // A listed loopback host without a port allows any port: local servers always have one.
  const anyPort = (rule: HostRule) => rule.port === '' && LOOPBACK_HOSTS.has(rule.hostname);
  if (!listed.some((rule) => rule.port === parsed.port || anyPort(rule))) return `port not allowed: ${parsed.port}`;
  return parsed;
}

/** True when `url` passes the policy (`pdf`: as an invoice's PDF link). */
export function isAllowedRedirect(url: unknown, extraHosts: readonly string[] = [], pdf = false): boolean {
  return redirectTarget(url, extraHosts, pdf) instanceof URL;
}
