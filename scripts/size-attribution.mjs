// What each part of a built file weighs, from its source map: every generated character is
// owned by the source of the mapping segment it falls in (a segment runs to the next one,
// across the lines of a multi-line template literal), and sources are grouped by package
// (node_modules/…) or by directory of src/. Minified bytes add up to the file; the gzip
// column is what the file's gzip (-9) size loses without that part ("saved if removed"),
// which accounts for shared redundancy and so sums to a little less than the whole.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Source map v3 mappings → per line, segments [column, sourceIndex | undefined]. */
function decode(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      ? line.split(',').map((segment) => {
          const fields = [];
          let value = 0;
          let shift = 0;
          for (const ch of segment) {
            const digit = DIGIT.get(ch);
            value += (digit & 31) << shift;
            if (digit & 32) shift += 5;
            else {
              fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
              value = 0;
              shift = 0;
            }
          }
          column += fields[0];
          if (fields.length > 1) source += fields[1];
          return [column, fields.length > 1 ? source : undefined];
        })
      : [];
  });
}

/** `../node_modules/@lit/context/lib/x.js` → `@lit/context`; `../src/api/http.ts` → `src/api`. */
export function partOf(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  // ATTRIBUTE_FILES=1: one row per file instead.
  if (process.env.ATTRIBUTE_FILES) return path;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  const dir = /^src\/([^/]+)\//.exec(path);
  return dir ? `src/${dir[1]}` : path;
}

/** [{part, raw, gzip}] of `file` (with `file.map`), heaviest first. */
export function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const parts = map.sources.map((source) => partOf(source));
  const owner = new Array(code.length).fill('(unmapped)');
  const lines = decode(map.mappings);
  let offset = 0;
  let last = '(unmapped)';
  code.split('\n').forEach((line, i) => {
    const segments = lines[i] ?? [];
    const firstColumn = segments.length ? segments[0][0] : line.length + 1;
    for (let c = 0; c < firstColumn; c++) owner[offset + c] = last;
    segments.forEach(([column, source], k) => {
      last = source === undefined ? '(unmapped)' : parts[source];
      const end = k + 1 < segments.length ? segments[k + 1][0] : line.length + 1;
      for (let c = column; c < end; c++) owner[offset + c] = last;
    });
    offset += line.length + 1;
  });
  const raw = new Map();
  for (const part of owner.slice(0, code.length)) raw.set(part, (raw.get(part) ?? 0) + 1);
  const whole = gzipSync(code, { level: 9 }).length;
  return [...raw]
    .map(([part, bytes]) => {
      let without = '';
      for (let i = 0; i < code.length; i++) if (owner[i] !== part) without += code[i];
      return { part, raw: bytes, gzip: whole - gzipSync(without, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

/** The table build.mjs and the bench print. */
export function attributionTable(file) {
  const rows = attribute(file);
  const width = Math.max(...rows.map((r) => r.part.length), 4);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    `${'part'.padEnd(width)}  ${'minified'.padStart(9)}  ${'gzip (saved if removed)'.padStart(23)}`,
    ...rows.map((r) => `${r.part.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(23)}`),
  ].join('\n');
}
