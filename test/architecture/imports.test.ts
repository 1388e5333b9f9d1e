// The import structure as rules: core modules never reach into the HTTP layer or
// the serving hot path (they announce changes as domain events instead), and no
// two folders of src import each other, directly or around a circle.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
/** The edges of the house: entry points and adapters that may import anything below them. */
const OUTER = new Set(['main.ts', 'server.ts', 'http', 'hosting', 'cli']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** The top-level unit of src a file belongs to: its folder, or the file itself at the root. */
const unitOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

/** unit -> units it imports (type-only imports included: they tie the code together too). */
function importGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const target = path.resolve(path.dirname(file), (m[1] ?? m[2])!);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = unitOf(target.replace(/\.js$/, '.ts'));
      if (to === from) continue;
      const where = edges.get(to) ?? [];
      where.push(path.relative(SRC, file));
      edges.set(to, where);
    }
  }
  return graph;
}

describe('import structure', () => {
  const graph = importGraph();

  it('finds the folders it checks', () => {
    for (const unit of ['sites', 'publishing', 'hosting', 'http', 'forms', 'events', 'jobs']) expect(graph.has(unit), unit).toBe(true);
  });

  it('core modules never import the HTTP layer or hosting', () => {
    const wrong: string[] = [];
    for (const [from, edges] of graph) {
      if (OUTER.has(from)) continue;
      for (const to of ['http', 'hosting', 'server.ts', 'main.ts']) for (const file of edges.get(to) ?? []) wrong.push(`${file} imports ${to}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no circle between folders', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (unit: string) => {
      state.set(unit, 'open');
      stack.push(unit);
      for (const next of graph.get(unit)?.keys() ?? []) {
        if (state.get(next) === 'open') {
          const loop = [...stack.slice(stack.indexOf(next)), next];
          const files = loop.slice(0, -1).map((u, i) => `${u} -> ${loop[i + 1]} (${graph.get(u)!.get(loop[i + 1]!)![0]})`);
          circles.push(files.join(', '));
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(unit, 'done');
    };
    for (const unit of graph.keys()) if (!state.has(unit)) visit(unit);
    expect(circles).toEqual([]);
  });
});
