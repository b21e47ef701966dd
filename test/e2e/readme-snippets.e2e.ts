/**
 * The README's framework snippets are copied from the examples (examples/*), which CI builds,
 * typechecks and runs: each `<!-- snippet: path -->` line in the README is followed by a code
 * block that must equal the `#region readme … #endregion` part of that file (dedented, without
 * lines marked `example-only`). Run `node scripts/readme-snippets.mjs` to copy them again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain ES module shared with the script that writes the snippets
import { readmeSnippets, regionOf } from '../../scripts/readme-snippets.mjs';

const readme = readFileSync('README.md', 'utf8');
const snippets = readmeSnippets(readme) as Array<{ path: string; code: string }>;

describe('README snippets', () => {
  it('has a snippet from every example', () => {
    const examples = new Set(snippets.map((s) => s.path.split('/')[1]));
    assert.deepEqual([...examples].sort(), ['angular', 'html', 'preact', 'react18', 'react19', 'svelte', 'vue']);
  });
  for (const { path, code } of snippets) {
    it(`shows ${path} as it is`, () => {
      assert.equal(code, regionOf(readFileSync(path, 'utf8')), `README differs from ${path}: run node scripts/readme-snippets.mjs`);
    });
  }
});
