/**
 * The one error type of the client layer. Every failure of a billing request
 * surfaces as a `BillingError` with a `kind` discriminant; an abort requested by
 * the caller is rethrown untouched (it is not a failure).
 */
export type BillingErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'invalid-response'
  | 'config'
  | 'redirect-refused';

export interface BillingErrorOptions {
  status?: number | undefined;
  /** The service's machine-readable code (`error.code`), when it sent one. */
  code?: string | undefined;
  /** Technical details for logs and the `billing-error` event; never shown as the message. */
  details?: string | undefined;
  /** Whether `message` came from the billing service itself (409/422 texts worth showing). */
  fromService?: boolean | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

const DEFAULT_MESSAGES: Record<BillingErrorKind, string> = {
  network: 'The billing service could not be reached. Check your connection and try again.',
  timeout: 'The billing service took too long to answer. Try again.',
  http: 'The billing service could not complete the request. Try again later.',
  unauthorized: 'Your session has expired. Sign in again to manage billing.',
  forbidden: 'Only the account owner can manage billing.',
  'not-found': 'The billing service could not find what was asked for.',
  'rate-limited': 'Too many requests were made. Wait a moment and try again.',
  'invalid-response': 'The billing service sent an answer this page could not understand.',
  config: 'The billing panel is not configured correctly.',
  'redirect-refused': 'The billing service asked to open a page that is not allowed.',
};

export class BillingError extends Error {
  override readonly name = 'BillingError';
  readonly kind: BillingErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly details: string | undefined;
  readonly fromService: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(kind: BillingErrorKind, message?: string, options: BillingErrorOptions = {}) {
    super(message || DEFAULT_MESSAGES[kind], options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.fromService = options.fromService ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The default, human message of a kind (English source; the UI localizes by kind). */
  static defaultMessage(kind: BillingErrorKind): string {
    return DEFAULT_MESSAGES[kind];
  }
}

export function isBillingError(error: unknown): error is BillingError {
  return error instanceof BillingError;
}

/** True for the error `fetch` and our waits throw when the caller aborted. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}
