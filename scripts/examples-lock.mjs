// After `npm install` in an example (a new dependency, an update): drops the integrity hash
// of the packed billing-panel from every examples/*/package-lock.json. The tarball is rebuilt
// from this repository on every run, so its hash changes; everything else stays pinned.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

for (const name of readdirSync('examples')) {
  const path = `examples/${name}/package-lock.json`;
  if (!existsSync(path)) continue;
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const entry = lock.packages?.['node_modules/billing-panel'];
  if (entry?.integrity) {
    delete entry.integrity;
    writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`${path}: billing-panel's integrity dropped`);
  }
}
