// svelte-check, strict, plus its type tests: Svelte markup has no @ts-expect-error, so the
// line after each `<!-- expect-error: … -->` in src/TypeTests.svelte must have an error,
// and there must be no other error or warning anywhere.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TESTS = 'src/TypeTests.svelte';
const expected = readFileSync(TESTS, 'utf8')
  .split('\n')
  .flatMap((line, i) => (line.includes('<!-- expect-error:') ? [`${TESTS}:${i + 2}`] : []));
let output;
try {
  output = execFileSync('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout; // svelte-check exits 1 on errors: the expected ones are checked below
}
const problems = output
  .split('\n')
  .map((line) => /^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/.exec(line))
  .filter(Boolean);
const found = new Set(problems.map((m) => `${m[2]}:${m[3]}`));
const missing = expected.filter((where) => !found.has(where));
const unexpected = problems.filter((m) => !expected.includes(`${m[2]}:${m[3]}`));
for (const where of missing) console.error(`${where}: expected a type error, svelte-check found none`);
for (const m of unexpected) console.error(`${m[2]}:${m[3]}: ${m[1]} ${m[4]}`);
if (missing.length || unexpected.length) process.exit(1);
console.log(`svelte-check: no errors, and the ${expected.length} expected errors of ${TESTS}`);
