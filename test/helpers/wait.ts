/**
 * `waitUntil` of @open-wc/testing with 5 s instead of its 1 s default: the condition is polled
 * and the wait ends as soon as it holds, so the limit only matters on a loaded CI machine,
 * where a first render or an answer of the fake service can take longer than a second.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

type Options = Parameters<typeof openWcWaitUntil>[2];

export const WAIT_MS = 5000;

export function waitUntil(predicate: () => unknown | Promise<unknown>, message?: string, options: Options = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_MS, ...options });
}
