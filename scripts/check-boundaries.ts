/**
 * The capability graph, checked: which lib imports which (`@lotse/<lib>` in its sources), and that
 * the graph has no cycle and `database` stays the ground floor. ESLint (`no-restricted-imports` in
 * eslint.config.mjs) already keeps every import on a lib's public index; this checks what a
 * per-file rule cannot see. Run by `npm run lint`; prints the graph, exits 1 on a violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const LIBS = join(ROOT, 'libs');
/** The ground floor may use only these: every other lib builds on it, never the reverse. */
const GROUND_FLOOR: Record<string, string[]> = { database: ['common', 'config'], common: [], config: [] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"]@lotse\/([a-z-]+)(?:\/[^'"]*)?['"]/g;

export function libGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const lib of readdirSync(LIBS).filter((name) => statSync(join(LIBS, name, 'src')).isDirectory())) {
    const edges = new Map<string, string>();
    for (const file of sources(join(LIBS, lib, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (match[1] !== lib && !edges.has(match[1])) edges.set(match[1], relative(ROOT, file));
      }
    }
    graph.set(lib, edges);
  }
  return graph;
}

/** Strongly connected components with more than one lib (Tarjan): each is a cycle. */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

function main(): void {
  const graph = libGraph();
  const problems: string[] = [];
  for (const [lib, edges] of graph) {
    console.log(`${lib.padEnd(12)} → ${[...edges.keys()].sort().join(', ') || '–'}`);
    for (const [dependency, file] of edges) {
      if (!graph.has(dependency)) problems.push(`${file} imports @lotse/${dependency}, which is no lib`);
      const allowed = GROUND_FLOOR[lib];
      if (allowed && !allowed.includes(dependency)) problems.push(`${lib} is a ground floor and may not import @lotse/${dependency} (${file})`);
    }
  }
  for (const cycle of cycles(graph)) {
    const path = cycle.map((lib, i) => `${lib} → ${cycle[(i + 1) % cycle.length]} (${graph.get(lib)!.get(cycle[(i + 1) % cycle.length]) ?? '…'})`);
    problems.push(`libs form a cycle: ${path.join('; ')}`);
  }
  if (problems.length) {
    console.error(`\nBoundary check failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`\nBoundary check passed: ${graph.size} libs, no cycle, ground floor clean.`);
}

if (require.main === module) main();
