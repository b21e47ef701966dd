// Strict type checks with Angular's compiler (ngc, strictTemplates), in one run over the app
// and its type tests: Angular templates have no @ts-expect-error, so the line after each
// `<!-- expect-error: … -->` of src/type-tests/type-tests.component.ts must have an error,
// and there must be no other error anywhere.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TESTS = 'src/type-tests/type-tests.component.ts';
const expected = readFileSync(TESTS, 'utf8')
  .split('\n')
  .flatMap((line, i) => (line.includes('<!-- expect-error:') ? [`${TESTS}:${i + 2}`] : []));
const result = spawnSync('npx', ['ngc', '-p', 'tsconfig.type-tests.json'], { encoding: 'utf8' });
const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
const found = [...output.matchAll(/^(\S+\.(?:ts|html)):(\d+):\d+ - error/gm)].map((m) => `${m[1]}:${m[2]}`);
const missing = expected.filter((where) => !found.includes(where));
const unexpected = found.filter((where) => !expected.includes(where));
for (const where of missing) console.error(`${where}: expected a type error, ngc found none`);
if (unexpected.length || missing.length || (result.status !== 0 && found.length === 0)) {
  console.error(output);
  process.exit(1);
}
console.log(`ngc: no error in the app, and the ${expected.length} expected errors of ${TESTS}`);
