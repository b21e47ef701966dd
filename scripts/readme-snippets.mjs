// The README's framework snippets come from the examples: a `<!-- snippet: examples/… -->` line
// followed by a fenced code block. This writes each block from its file's `#region readme`
// (test/e2e/readme-snippets.e2e.ts fails when they differ). `node scripts/readme-snippets.mjs`
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SNIPPET = /<!-- snippet: (\S+) -->\n```(\w*)\n([\s\S]*?)```\n/g;

/** The lines between `#region readme` and `#endregion` (all such regions), dedented, without `example-only` lines. */
export function regionOf(text) {
  const lines = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/#region readme/.test(line)) inside = true;
    else if (/#endregion/.test(line)) inside = false;
    else if (inside && !/example-only/.test(line)) lines.push(line);
  }
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
  return `${lines.map((l) => l.slice(indent)).join('\n').trim()}\n`;
}

export function readmeSnippets(readme) {
  return [...readme.matchAll(SNIPPET)].map((m) => ({ path: m[1], lang: m[2], code: m[3] }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = readFileSync('README.md', 'utf8');
  const updated = readme.replace(SNIPPET, (_, path, lang) => `<!-- snippet: ${path} -->\n\`\`\`${lang}\n${regionOf(readFileSync(path, 'utf8'))}\`\`\`\n`);
  writeFileSync('README.md', updated);
  console.log(`${readmeSnippets(updated).length} snippets written`);
}
