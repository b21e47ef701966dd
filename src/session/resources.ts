/**
 * The four loads of a session and the pages of subscriptions after the first. Each load
 * has its own AbortController: loading a resource again aborts its previous load, and a
 * disposed store aborts everything and takes no answer. A failed resource never blanks
 * the others; a resource being loaded again keeps showing its last value.
 */
import { BillingError, isAbortError } from '../api/errors.js';
import type { ResourceName, ResourceValues, ResourceView, SubscriptionsData } from './state.js';

export type Loaders = { [K in ResourceName]: (signal: AbortSignal) => Promise<ResourceValues[K]> };
export type NextPage = (offset: number, signal: AbortSignal) => Promise<SubscriptionsData>;

export function toBillingError(error: unknown): BillingError {
  return error instanceof BillingError
    ? error
    : new BillingError('invalid-response', undefined, { details: error instanceof Error ? error.name : 'unknown error' });
}

interface Slot<T> {
  view: ResourceView<T>;
  abort: AbortController | undefined;
}

export class Resources {
  loadingMore = false;
  moreError: BillingError | undefined;

  private readonly slots = new Map<ResourceName, Slot<unknown>>();
  private more: AbortController | undefined;
  private disposed = false;

  constructor(
    private readonly loaders: Loaders,
    private readonly nextPage: NextPage,
    readonly needed: readonly ResourceName[],
    private readonly changed: () => void,
    private readonly failed: (name: ResourceName, error: BillingError) => void,
  ) {
    for (const name of needed) {
      this.slots.set(name, { view: { status: 'loading', value: undefined, error: undefined, refreshing: false }, abort: undefined });
    }
  }

  view<K extends ResourceName>(name: K): ResourceView<ResourceValues[K]> {
    const slot = this.slots.get(name);
    return (slot?.view ?? { status: 'idle', value: undefined, error: undefined, refreshing: false }) as ResourceView<ResourceValues[K]>;
  }

  /** Loads `names` (default: every resource) together; resolves when all have settled. */
  load(names: readonly ResourceName[] = this.needed): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const loads = names.filter((name) => this.slots.has(name)).map((name) => this.loadOne(name));
    this.changed();
    return Promise.all(loads).then(() => undefined);
  }

  /** Loads again whatever failed (back online). */
  retryFailed(): void {
    const failed = this.needed.filter((name) => this.slots.get(name)?.view.status === 'error');
    if (failed.length) void this.load(failed);
  }

  /** Every resource has its data and none is loading. */
  get ready(): boolean {
    return [...this.slots.values()].every(({ view }) => view.status === 'ready' && !view.refreshing);
  }

  /** Loads the next page of subscriptions and appends what is new. */
  async loadMore(): Promise<void> {
    const current = this.view('subscriptions').value;
    if (this.disposed || !current?.hasMore || this.more) return;
    const abort = (this.more = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    this.changed();
    try {
      const page = await this.nextPage(current.items.length, abort.signal);
      if (abort.signal.aborted) return;
      const seen = new Set(current.items.map((s) => s.id));
      const items = [...current.items, ...page.items.filter((s) => !seen.has(s.id))];
      this.set('subscriptions', { status: 'ready', value: { items, hasMore: page.hasMore }, error: undefined, refreshing: false });
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return;
      this.moreError = toBillingError(error);
      this.failed('subscriptions', this.moreError);
    } finally {
      if (this.more === abort) {
        this.more = undefined;
        this.loadingMore = false;
        if (!this.disposed) this.changed();
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.more?.abort();
    for (const slot of this.slots.values()) slot.abort?.abort();
  }

  private set(name: ResourceName, view: ResourceView<unknown>): void {
    this.slots.get(name)!.view = view;
  }

  private async loadOne(name: ResourceName): Promise<void> {
    const slot = this.slots.get(name)!;
    slot.abort?.abort();
    if (name === 'subscriptions') this.stopMore();
    const abort = (slot.abort = new AbortController());
    const previous = slot.view.value;
    slot.view = { status: previous === undefined ? 'loading' : 'ready', value: previous, error: undefined, refreshing: previous !== undefined };
    try {
      const value = await this.loaders[name](abort.signal);
      if (abort.signal.aborted) return;
      slot.view = { status: 'ready', value, error: undefined, refreshing: false };
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return;
      const failure = toBillingError(error);
      slot.view = { status: 'error', value: undefined, error: failure, refreshing: false };
      this.failed(name, failure);
    } finally {
      if (slot.abort === abort) slot.abort = undefined;
    }
    this.changed();
  }

  private stopMore(): void {
    this.more?.abort();
    this.more = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
  }
}
