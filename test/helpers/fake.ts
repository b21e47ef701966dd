/** Test-side access to the fake billing service that the test runner starts on another origin. */
import { createRemoteScenario, type RemoteScenario } from '../../src/testing/fake-api/remote.js';
import type { DataSetName } from '../../src/testing/fake-api/data-sets/index.js';
import type { ScenarioOptions } from '../../src/testing/fake-api/types.js';

declare global {
  interface Window {
    /** Set by web-test-runner.config.mjs: the origin of the fake billing service. */
    FAKE_API_ORIGIN?: string;
  }
}

export function fakeOrigin(): string {
  const origin = window.FAKE_API_ORIGIN;
  if (!origin) throw new Error('FAKE_API_ORIGIN is not set; run the tests with npm test');
  return origin;
}

export function scenario(dataset: DataSetName = 'active-usd', options: ScenarioOptions = {}): Promise<RemoteScenario> {
  return createRemoteScenario(fakeOrigin(), dataset, options);
}
