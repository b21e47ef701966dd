/**
 * Drives a running fake billing service over HTTP from a test page or the demo:
 * creates a scenario and reads its request log, injects faults, resets it.
 */
import type { DataSetName } from './data-sets/index.js';
import type { Fault, LogEntry, ScenarioOptions } from './types.js';

export interface ScenarioInfo {
  id: string;
  dataset: DataSetName;
  accountId: string;
  baseUrl: string;
  tokens: { owner: string; member: string; expired: string };
}

export class RemoteScenario {
  constructor(
    readonly origin: string,
    public info: ScenarioInfo,
  ) {}

  get baseUrl() {
    return this.info.baseUrl;
  }
  get token() {
    return this.info.tokens.owner;
  }
  get accountId() {
    return this.info.accountId;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/__fake/scenarios/${this.info.id}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`fake control ${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  /** Every request the service received (preflights included, marked `operation: 'preflight'`). */
  log(): Promise<LogEntry[]> {
    return this.call('GET', '/log');
  }
  /** The requests of the API, without CORS preflights. */
  async requests(operation?: string): Promise<LogEntry[]> {
    return (await this.log()).filter((e) => e.operation !== 'preflight' && (!operation || e.operation === operation));
  }
  clearLog(): Promise<unknown> {
    return this.call('DELETE', '/log');
  }
  fault(fault: Fault): Promise<unknown> {
    return this.call('POST', '/faults', fault);
  }
  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }
  setOptions(options: ScenarioOptions): Promise<unknown> {
    return this.call('PATCH', '/options', options);
  }
  async reset(dataset?: DataSetName): Promise<void> {
    this.info = await this.call('POST', '/reset', dataset ? { dataset } : {});
  }
  completeCheckout(sessionId: string): Promise<unknown> {
    return this.call('POST', `/complete-checkout/${encodeURIComponent(sessionId)}`);
  }
  state(): Promise<{ local: Array<Record<string, unknown>>; stripe: Array<Record<string, unknown>>; sessions: Array<Record<string, unknown>> }> {
    return this.call('GET', '/state');
  }
}

export async function createRemoteScenario(
  origin: string,
  dataset: DataSetName = 'active-usd',
  options: ScenarioOptions = {},
): Promise<RemoteScenario> {
  const response = await fetch(`${origin}/__fake/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataset, options }),
  });
  if (!response.ok) throw new Error(`fake control: cannot create scenario (${response.status})`);
  return new RemoteScenario(origin, (await response.json()) as ScenarioInfo);
}

export async function openRemoteScenario(origin: string, id: string): Promise<RemoteScenario | undefined> {
  const response = await fetch(`${origin}/__fake/scenarios/${encodeURIComponent(id)}`);
  return response.ok ? new RemoteScenario(origin, (await response.json()) as ScenarioInfo) : undefined;
}
