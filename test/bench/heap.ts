/**
 * Heap snapshots of a page through CDP, and what a later snapshot holds that an earlier one
 * did not: the objects allocated in between that are still alive. A snapshot's object ids
 * are stable from one snapshot to the next, so a per-cycle leak shows up as objects, by
 * constructor, whatever V8's compiled code and caches do to the heap's byte count.
 */
import type { CDPSession } from 'playwright';

export interface HeapSnapshot {
  ids: Float64Array;
  kinds: Uint8Array;
  labels: string[];
  sizes: Float64Array;
}

/**
 * Where a snapshot node lives: `js` the page's own values (objects, functions, arrays,
 * strings — a leak of the panel's is here); `v8` the engine's (compiled code, feedback,
 * inline caches, hidden classes); `browser` Blink's (the performance timeline's entries,
 * layout and style caches), which `usedJSHeapSize` does not count.
 */
export type HeapKind = 'js' | 'v8' | 'browser';
const KINDS: HeapKind[] = ['js', 'v8', 'browser'];
const JS_TYPES = new Set(['object', 'closure', 'regexp', 'array', 'string', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'number']);

function kindOf(type: string, name: string): HeapKind {
  if (type === 'native') return name.startsWith('system /') ? 'v8' : 'browser';
  return JS_TYPES.has(type) && !name.startsWith('system /') ? 'js' : 'v8';
}

/** Collects garbage, then takes a snapshot of what is left. */
export async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSnapshot> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const [type, name, id, size] = ['type', 'name', 'id', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number, number];
  const count = nodes.length / fields.length;
  const result: HeapSnapshot = { ids: new Float64Array(count), kinds: new Uint8Array(count), labels: [], sizes: new Float64Array(count) };
  for (let n = 0, at = 0; n < count; n++, at += fields.length) {
    const typeName = snapshot.meta.node_types[0][nodes[at + type]!]!;
    const nodeName = strings[nodes[at + name]!]!;
    result.ids[n] = nodes[at + id]!;
    result.sizes[n] = nodes[at + size]!;
    result.kinds[n] = KINDS.indexOf(kindOf(typeName, nodeName));
    result.labels.push(typeName === 'object' || typeName === 'closure' ? nodeName.slice(0, 60) : typeName === 'array' ? `${nodeName.slice(0, 40)} (array)`.trim() : `(${typeName})`);
  }
  return result;
}

export interface HeapDelta {
  /** Objects allocated after `before` and alive at `after`, by kind (values of size 0 are the snapshot's, not the heap's). */
  retained: Record<HeapKind, { objects: number; bytes: number }>;
  /** Bytes at `after` minus bytes at `before`, by kind. */
  growth: Record<HeapKind, number>;
  /** The page's own retained objects by constructor (`(array)`, `(string)`… for the others), most first. */
  jsByLabel: Array<{ label: string; objects: number; bytes: number }>;
}

export function heapDelta(before: HeapSnapshot, after: HeapSnapshot): HeapDelta {
  const earlier = new Set(before.ids);
  const retained = Object.fromEntries(KINDS.map((k) => [k, { objects: 0, bytes: 0 }])) as HeapDelta['retained'];
  const growth = Object.fromEntries(KINDS.map((k) => [k, 0])) as HeapDelta['growth'];
  const labels = new Map<string, { objects: number; bytes: number }>();
  for (let n = 0; n < before.ids.length; n++) growth[KINDS[before.kinds[n]!]!] -= before.sizes[n]!;
  for (let n = 0; n < after.ids.length; n++) {
    const kind = KINDS[after.kinds[n]!]!;
    const bytes = after.sizes[n]!;
    growth[kind] += bytes;
    if (earlier.has(after.ids[n]!) || bytes === 0) continue;
    retained[kind].objects++;
    retained[kind].bytes += bytes;
    if (kind !== 'js') continue;
    const entry = labels.get(after.labels[n]!) ?? { objects: 0, bytes: 0 };
    entry.objects++;
    entry.bytes += bytes;
    labels.set(after.labels[n]!, entry);
  }
  const jsByLabel = [...labels].map(([label, v]) => ({ label, ...v })).sort((a, b) => b.objects - a.objects);
  return { retained, growth, jsByLabel };
}

/** One line: the page's objects retained per cycle (the most retained constructors), then the bytes of each kind. */
export function describeHeapDelta(delta: HeapDelta, cycles: number): string {
  const kb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(1)} KB`;
  const { objects } = delta.retained.js;
  const top = delta.jsByLabel.slice(0, 5).map((e) => `${e.label} ×${e.objects}`);
  return (
    `JS objects: ${(objects / cycles).toFixed(2)} per cycle still alive (${objects} of those allocated over the ${cycles}${top.length ? `: ${top.join(', ')}` : ''}), ${kb(delta.growth.js)}; ` +
    `V8's compiled code, feedback and shapes ${kb(delta.growth.v8)}; Blink (performance timeline, layout; not in usedJSHeapSize) ${kb(delta.growth.browser)}`
  );
}
