/**
 * The npm package as a team installs it: what `npm pack` puts in the tarball, the manifest's
 * paths, the declared dependencies of the typings, the React wrapper against the manifest,
 * and publint and @arethetypeswrong/cli (ESM-only profile) clean. Needs `npm run build`.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackResult {
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}
interface ManifestModule {
  path: string;
  declarations?: Array<{ name: string; tagName?: string; customElement?: boolean; events?: Array<{ name: string; type?: { text: string } }> }>;
  exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string } }>;
}

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

let packed: PackResult;
let files: Set<string>;

before(async () => {
  const { code, output } = await run('npm', ['pack', '--dry-run', '--json', '--silent']);
  assert.equal(code, 0, output);
  packed = (JSON.parse(output.slice(output.indexOf('['))) as PackResult[])[0]!;
  files = new Set(packed.files.map((f) => f.path));
  console.log(`tarball: ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked, ${packed.entryCount} files`);
});

describe('the npm package', () => {
  it('ships the license, the readme, the manifest, and no test worker', () => {
    for (const path of ['LICENSE', 'README.md', 'package.json', 'custom-elements.json', 'dist/billing-panel.js', 'src/api/billing-api.yaml']) assert.ok(files.has(path), `${path} is in the tarball`);
    const strays = [...files].filter((path) => /mockServiceWorker|\.test\.|\.stories\.|(^|\/)test\/|\.tsbuildinfo$/.test(path));
    assert.deepEqual(strays, []);
    assert.ok(packed.size < 600 * 1024, `the tarball stays under 600 KB (${packed.size} bytes)`);
  });

  it('has no dangling source map: every map embeds the sources it names, and no declaration maps', () => {
    const maps = [...files].filter((path) => path.endsWith('.map'));
    assert.ok(maps.length > 0);
    assert.deepEqual(maps.filter((path) => path.endsWith('.d.ts.map')), []);
    const dangling: string[] = [];
    for (const path of maps) {
      const map = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
      map.sources.forEach((source, i) => {
        if (typeof map.sourcesContent?.[i] !== 'string') dangling.push(`${path} → ${source}`);
      });
    }
    assert.deepEqual(dangling, []);
  });

  it('has every file its exports map names', () => {
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    const missing = targets.filter((target) => !target.includes('*') && !files.has(target.replace(/^\.\//, '')));
    assert.deepEqual(missing, []);
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'object' || !target.endsWith('.js')) continue;
      assert.fail(`${entry} has no types condition`);
    }
  });

  it('points every custom-elements.json module at a shipped file, and says which modules define which tags', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: ManifestModule[] };
    const paths = manifest.modules.map((m) => m.path);
    const referenced = JSON.stringify(manifest).match(/"module":"[^"]*"/g)?.map((m) => m.slice(10, -1)) ?? [];
    assert.deepEqual([...paths, ...referenced].filter((path) => !files.has(path)), []);
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName!).sort();
    assert.equal(tags.length, 6);
    for (const entry of ['dist/npm/define.js', 'dist/billing-panel.js']) {
      const module = manifest.modules.find((m) => m.path === entry);
      assert.ok(module, `${entry} is in the manifest`);
      const defined = (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name).sort();
      assert.deepEqual(defined, tags, `${entry} defines every tag`);
    }
    // …and define.ts does register those very tags.
    const registered = [...readFileSync(join(ROOT, 'src/define.ts'), 'utf8').matchAll(/\['(billing-[a-z-]+)',/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, tags);
  });

  it('imports in its typings only packages it declares (dependencies or optional peers)', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})]);
    const undeclared = new Set<string>();
    for (const path of files) {
      if (!path.endsWith('.d.ts')) continue;
      const text = readFileSync(join(ROOT, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|declare module\s+)["']([^"'.][^"']*)["']/g)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!declared.has(name)) undeclared.add(`${name} (${path})`);
      }
    }
    assert.deepEqual([...undeclared], []);
  });

  it('billing-panel/react has a component for every tag with an onBilling… prop for each of its events', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: ManifestModule[] };
    const typings = readFileSync(join(ROOT, 'dist/npm/react.d.ts'), 'utf8');
    const camel = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
    for (const element of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName)) {
      const block = new RegExp(`export declare const ${element.name}: [^\\n]*ReactWebComponent<${element.name}Element, \\{([^}]*)\\}>`).exec(typings);
      assert.ok(block, `billing-panel/react exports ${element.name}`);
      const props = [...block[1]!.matchAll(/(on\w+): EventName<(\w+)>/g)].map((m) => `${m[1]}: ${m[2]}`).sort();
      const expected = (element.events ?? []).map((e) => `on${camel(e.name)}: ${e.type!.text}`).sort();
      assert.deepEqual(props, expected, `${element.tagName}'s events`);
    }
  });

  it('imports on a server without throwing; there billing-panel/react renders the bare tag (the element upgrades on the client)', async () => {
    const { BillingPanel } = (await import(join(ROOT, 'dist/npm/react.js'))) as typeof import('../../src/react.js');
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const html = renderToString(createElement(BillingPanel, { baseUrl: 'https://api.example.com', tokenProvider: () => 'token' }));
    assert.equal(html, '<billing-panel></billing-panel>');
  });

  it('is clean under publint', async () => {
    const { code, output } = await run(process.execPath, ['node_modules/publint/src/cli.js', '--strict']);
    console.log(output.trim());
    assert.equal(code, 0, output);
  });

  it('is clean under @arethetypeswrong/cli (ESM-only profile)', async () => {
    const { code, output } = await run(process.execPath, [
      'node_modules/@arethetypeswrong/cli/dist/index.js',
      '--pack',
      '.',
      '--profile',
      'esm-only',
      '--format',
      'ascii',
      // a YAML document, not a module
      '--exclude-entrypoints',
      './billing-api.yaml',
    ]);
    console.log(output.trim());
    assert.equal(code, 0, output);
  });
});
