// Every test runs in real Chromium (the system browser: CHROME_PATH, else the standard
// paths), against the fake billing service started here on another origin (real CORS).
// Run with `npm run test:browser` (it loads tsx, so this file can import the TypeScript fake).
import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { startFakeBillingServer } from './src/testing/fake-api/node.ts';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();

const fake = await startFakeBillingServer();

/** Counts results over every session and writes `test-results/totals.json` for .ci/run. */
function totalsReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const own = { passed: 0, failed: 0, skipped: 0 };
        count(session.testResults, own);
        // A file that failed to load, or threw outside any test, counts as one failure.
        if (!session.passed && own.failed === 0) own.failed = 1;
        for (const key of Object.keys(totals)) totals[key] += own[key];
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/totals.json', JSON.stringify(totals));
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!**/node_modules/**'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    {
      name: 'fake-billing-service',
      serverStop: () => fake.close(),
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><script>window.FAKE_API_ORIGIN = ${JSON.stringify(fake.origin)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), totalsReporter()],
};
