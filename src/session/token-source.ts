/**
 * The token of one session. The host's token is used while it is valid (a JWT until its
 * `exp`; an opaque token until the service answers 401). Otherwise the host's current
 * `tokenProvider` is asked — one call at a time however many requests wait (single-flight),
 * and never longer than a request may take (`timeout`): a provider that never settles fails the loads instead
 * of leaving skeletons forever. Every token used is remembered so that it can be redacted.
 */
import type { TokenSource as ClientTokenSource } from '../api/client.js';
import { BillingError } from '../api/errors.js';
import { isTokenExpired, validateToken } from '../security/jwt.js';
import type { TokenProvider } from './config.js';


const noToken = () => new BillingError('unauthorized', undefined, { details: 'no valid token' });

function usable(token: unknown): string | undefined {
  if (typeof token !== 'string' || !token.trim()) return undefined;
  try {
    validateToken(token);
    return isTokenExpired(token) ? undefined : token.trim();
  } catch {
    return undefined;
  }
}

export class TokenSource {
  private current: string | undefined;
  private asking: Promise<string | undefined> | undefined;
  private readonly used = new Set<string>();
  private readonly stops = new Set<() => void>();

  /**
   * @param token The host's token, already checked with `validateToken`.
   * @param provider Reads the host's provider now (the latest function the host was given).
   */
  constructor(
    token: string | undefined,
    private readonly provider: () => TokenProvider | undefined,
    /** How long the provider may take: as long as one request may. */
    private readonly timeoutMs: number,
  ) {
    this.current = token?.trim() || undefined;
    if (this.current) this.used.add(this.current);
  }

  /** Every token this session has held: none of them may appear in a message or event. */
  get secrets(): readonly string[] {
    return [...this.used];
  }

  /** Whether asking again could give another token. */
  get canRefresh(): boolean {
    return this.provider() !== undefined;
  }

  /** The client's token source: synchronous while the current token is valid. */
  readonly get: ClientTokenSource = ({ refresh, rejected }) => {
    if (refresh) {
      // Another request may have refreshed it already; without a provider nothing can.
      if (!this.canRefresh || (rejected !== undefined && rejected !== this.current)) return this.current;
      return this.ask();
    }
    const token = this.current;
    if (token && !isTokenExpired(token)) return token;
    if (!this.canRefresh) throw noToken();
    return this.ask().then((fresh) => {
      if (!fresh) throw noToken();
      return fresh;
    });
  };

  /** Ends every wait for the provider (the session is disposed). */
  dispose(): void {
    for (const abort of [...this.stops]) abort();
  }

  private ask(): Promise<string | undefined> {
    this.asking ??= new Promise<string | undefined>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.stops.delete(abort);
      };
      const abort = () => {
        settle();
        reject(new DOMException('The billing session ended.', 'AbortError'));
      };
      const timer = setTimeout(() => {
        settle();
        reject(new BillingError('timeout', undefined, { details: `tokenProvider gave no token within ${this.timeoutMs} ms` }));
      }, this.timeoutMs);
      this.stops.add(abort);
      Promise.resolve()
        .then(() => this.provider()?.())
        .then(
          (token) => {
            settle();
            this.current = usable(token);
            if (this.current) this.used.add(this.current);
            resolve(this.current);
          },
          (error: unknown) => {
            settle();
            reject(error);
          },
        );
    }).finally(() => {
      this.asking = undefined;
    });
    return this.asking;
  }
}
