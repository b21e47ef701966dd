// A node:test reporter that counts the leaf tests and writes test-results/e2e-totals.json.
import { mkdirSync, writeFileSync } from 'node:fs';

export default async function* totals(source) {
  const result = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite fails without failing tests only when its own hook or file load failed.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') result.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) result.skipped++;
    else if (event.type === 'test:pass') result.passed++;
    else result.failed++;
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/e2e-totals.json', JSON.stringify(result));
  yield `e2e: ${result.passed} passed, ${result.failed} failed\n`;
}
