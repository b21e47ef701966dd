/**
 * Fails the test when the code under test writes to console.error or console.warn
 * (the shipped widget keeps the host page's console clean). Import once per test file.
 */
const calls: string[] = [];
const original = { error: console.error, warn: console.warn };

beforeEach(() => {
  calls.length = 0;
  console.error = (...args: unknown[]) => {
    calls.push(`error: ${args.map(String).join(' ')}`);
    original.error(...args);
  };
  console.warn = (...args: unknown[]) => {
    calls.push(`warn: ${args.map(String).join(' ')}`);
    original.warn(...args);
  };
});

afterEach(function () {
  console.error = original.error;
  console.warn = original.warn;
  if (calls.length && this.currentTest?.state !== 'failed') {
    throw new Error(`unexpected console output:\n${calls.join('\n')}`);
  }
});
