/**
 * What a page downloads to show the alternatives' owner-facing billing UI: each peer
 * (test/bench/peers/{stigg,schematic,clerk}: its own package.json, installed on demand)
 * bundled by vite into a minimal page, minified, and measured like our bundle. Reported as
 * the JS the page loads at start (entry + static imports); lazy chunks separately.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { measure, type Size } from './size.js';

export const PEERS = [
  { name: '@stigg/react-sdk customer portal + React 18', dir: 'stigg' },
  { name: '@schematichq/schematic-components plan manager + React 19', dir: 'schematic' },
  { name: '@clerk/clerk-js + @clerk/ui pricing table', dir: 'clerk' },
];

export interface PeerSize extends Size {
  name: string;
  /** gzip of every chunk, lazy ones included. */
  totalGzip: number;
}

async function bundle(dir: string): Promise<{ initial: Buffer; all: Buffer[] }> {
  const root = join('test/bench/peers', dir);
  if (!existsSync(join(root, 'node_modules'))) {
    console.log(`bench: installing ${dir} (once)…`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: root, stdio: 'inherit' });
  }
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, target: 'es2022', rolldownOptions: { output: { minify: true } } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const code = (c: Rolldown.OutputChunk) => Buffer.from(c.code);
  return {
    initial: Buffer.concat(chunks.filter((c) => initial.has(c.fileName)).map(code)),
    all: chunks.map(code),
  };
}

export async function peerSizes(): Promise<PeerSize[]> {
  const sizes: PeerSize[] = [];
  for (const peer of PEERS) {
    try {
      const { initial, all } = await bundle(peer.dir);
      const total = all.reduce((sum, chunk) => sum + measure(peer.dir, chunk).gzip, 0);
      sizes.push({ ...measure(peer.dir, initial), name: peer.name, totalGzip: total });
    } catch (error) {
      console.error(`bench: ${peer.name} could not be built here: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
  }
  return sizes;
}
