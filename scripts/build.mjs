// npm run build: the drop-in bundle (vite) and the npm build (tsc: ES modules + .d.ts),
// then a check that the bundle is self-contained and the size of every output file.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { attributionTable } from './size-attribution.mjs';

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

rmSync('dist', { recursive: true, force: true });
// custom-elements.json from the elements' JSDoc (editors, Storybook's docs, the README check).
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { stdio: 'inherit' });
// public/ holds msw's test worker for Storybook: it must not ship.
await build({ logLevel: 'warn', publicDir: false });
// The package ships dist/ but not src/: the maps embed their sources, and declaration maps
// (which could only point at src/) are not written.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--declarationMap', 'false', '--inlineSources'], { stdio: 'inherit' });
// tsc writes inferred types such as `import("lit-html").TemplateResult`; lit-html is lit's
// dependency, not this package's, and lit re-exports all of it.
for (const path of files('dist/npm').filter((p) => p.endsWith('.d.ts'))) {
  const text = readFileSync(path, 'utf8');
  const fixed = text.replace(/(import\(|from\s+)(["'])lit-html\2/g, '$1$2lit$2');
  if (fixed !== text) writeFileSync(path, fixed);
}
// dist/types: the JSX / Vue / Svelte typings of every tag, from custom-elements.json.
execFileSync(process.execPath, ['scripts/framework-types.mjs'], { stdio: 'inherit' });

const bundle = readFileSync('dist/billing-panel.js', 'utf8');
const bare = /(?:\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bimport\s*\(\s*|\bexport\s*[\w*{}\s,$]*from\s*)["'](?![./]|https?:)([^"']+)["']/g.exec(bundle);
if (bare) {
  console.error(`dist/billing-panel.js is not self-contained: it imports "${bare[1]}"`);
  process.exit(1);
}

// One file each: neither the bundle nor a chunk it loads imports another module statically
// (rolldown would move modules shared with a lazy chunk into a third chunk; see src/flows/kit.ts).
for (const path of files('dist').filter((p) => p.endsWith('.js') && !p.includes(join('dist', 'npm')) && !p.includes(join('dist', 'types')))) {
  if (/(?:^|[;}\s])import\s*[\w{*]/.test(readFileSync(path, 'utf8'))) {
    console.error(`${relative('.', path)} imports another module statically: the bundle and its chunks must be self-contained`);
    process.exit(1);
  }
}

// src/testing/ (the fake billing service, the query helpers) never ships: not in the
// bundle or its chunks (their source maps list every module), not in the npm build.
const testing = files('dist').filter((path) =>
  path.endsWith('.map') ? JSON.parse(readFileSync(path, 'utf8')).sources.some((source) => source.includes('src/testing/')) : path.includes(join('dist', 'npm', 'testing')),
);
if (testing.length) {
  console.error(`src/testing/ leaked into the build: ${testing.join(', ')}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const rows = files('dist')
  .filter((path) => path.endsWith('.js'))
  .map((path) => {
    const data = readFileSync(path);
    return [relative('.', path), kb(data.length), kb(gzipSync(data, { level: 9 }).length)];
  });
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
for (const [file, raw, gz] of rows) console.log(`${file.padEnd(width)}  ${raw.padStart(10)}  ${gz.padStart(10)}`);
console.log(`\ndist/billing-panel.js by part (source map):\n${attributionTable('dist/billing-panel.js')}`);
const integrity = `sha384-${createHash('sha384').update(readFileSync('dist/billing-panel.js')).digest('base64')}`;
console.log(`\nSRI of dist/billing-panel.js: integrity="${integrity}"`);
