/**
 * The loads of a session and the pages of its lists (subscriptions, invoices) after the first. Each load
 * has its own AbortController: loading a resource again aborts its previous load, and a
 * disposed store aborts everything and takes no answer. A failed resource never blanks
 * the others; a resource being loaded again keeps showing its last value.
 */
import { BillingError, isAbortError } from '../api/errors.js';
import type { MoreView, PageData, Paged, ResourceName, ResourceValues, ResourceView } from './state.js';

export type Loaders = { [K in ResourceName]: (signal: AbortSignal) => Promise<ResourceValues[K]> };
/** The page of a list at `offset`; `null` when the list is not offered. */
export type NextPages = { [K in Paged]: (offset: number, signal: AbortSignal) => Promise<ResourceValues[K]> };
const NO_MORE: MoreView = { loading: false, error: undefined };
/**
 * An answer waits this long at most for the others still on their way: answers that arrive
 * together render (and lay out) once, and a slow one does not hold the rest back.
 */
export const TOGETHER_MS = 100;

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
  /** The next page of each list: loading, or why it failed (a new object on each change). */
  more: Record<Paged, MoreView> = { subscriptions: NO_MORE, invoices: NO_MORE };

  private readonly slots = new Map<ResourceName, Slot<unknown>>();
  private readonly moreAborts = new Map<Paged, AbortController>();
  private disposed = false;
  private together: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly loaders: Loaders,
    private readonly pages: NextPages,
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

  /** Loads the next page of a list and appends what is new. */
  async loadMore(name: Paged = 'subscriptions'): Promise<void> {
    const current = this.view(name).value as PageData<{ id: string }> | null | undefined;
    if (this.disposed || !current?.hasMore || this.moreAborts.has(name)) return;
    const abort = new AbortController();
    this.moreAborts.set(name, abort);
    this.setMore(name, { loading: true, error: undefined });
    let error: BillingError | undefined;
    try {
      const page = await this.pages[name](current.items.length, abort.signal);
      if (abort.signal.aborted) return;
      const seen = new Set(current.items.map((item) => item.id));
      const items = [...current.items, ...(page?.items ?? []).filter((item) => !seen.has(item.id))];
      this.set(name, { status: 'ready', value: { items, hasMore: page?.hasMore ?? false }, error: undefined, refreshing: false });
    } catch (failure) {
      if (abort.signal.aborted || isAbortError(failure)) return;
      this.failed(name, (error = toBillingError(failure)));
    } finally {
      if (this.moreAborts.get(name) === abort) {
        this.moreAborts.delete(name);
        this.setMore(name, { loading: false, error });
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.together);
    for (const abort of this.moreAborts.values()) abort.abort();
    for (const slot of this.slots.values()) slot.abort?.abort();
  }

  private set(name: ResourceName, view: ResourceView<unknown>): void {
    this.slots.get(name)!.view = view;
  }

  private async loadOne(name: ResourceName): Promise<void> {
    const slot = this.slots.get(name)!;
    slot.abort?.abort();
    if (name === 'subscriptions' || name === 'invoices') this.stopMore(name);
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
    this.answered();
  }

  /** Shows what has arrived once nothing else is on its way, or `TOGETHER_MS` after the first of these answers. */
  private answered(): void {
    if ([...this.slots.values()].some((other) => other.abort)) {
      this.together ??= setTimeout(() => {
        this.together = undefined;
        this.changed();
      }, TOGETHER_MS);
      return;
    }
    clearTimeout(this.together);
    this.together = undefined;
    this.changed();
  }

  private stopMore(name: Paged): void {
    this.moreAborts.get(name)?.abort();
    this.moreAborts.delete(name);
    this.more = { ...this.more, [name]: NO_MORE };
  }

  private setMore(name: Paged, view: MoreView): void {
    this.more = { ...this.more, [name]: view };
    if (!this.disposed) this.changed();
  }
}
