/** Sizes of the built bundle and the chunks it loads on demand: raw, gzip -9 and brotli (max quality). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Issue 14: the drop-in bundle must stay within 35 KB gzip (`npm run size` fails CI above it). */
export const BUDGET_GZIP = 35 * 1024;
export const GOAL_GZIP = 25 * 1024;

export interface Size {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export function measure(file: string, data: Buffer = readFileSync(file)): Size {
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function ourSizes(): Size[] {
  if (!existsSync('dist/billing-panel.js')) throw new Error('dist/billing-panel.js is missing: run npm run build first');
  // What loads on demand next to the bundle: the other languages, and chunks/ (the on-demand flows).
  const onDemand = ['dist/chunks', 'dist/locales']
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f)));
  return [measure('dist/billing-panel.js'), ...onDemand.map((f) => measure(f))];
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
