/** A point in integer map units (tenths of a pixel). */
export type Pt = [number, number];
/** shapes → polygons → rings → points; rings open (first point not repeated) */
export type Shapes = Pt[][][][];

const key = (p: Pt) => `${p[0]},${p[1]}`;

function sqSegmentDistance(p: Pt, a: Pt, b: Pt): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on an open polyline; both ends are kept. */
export function douglasPeucker(points: Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const sqTolerance = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxDistance = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(points[i], points[first], points[last]);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index >= 0 && maxDistance > sqTolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** The cheaper of a sequence and its reverse, as a cache key: a shared border has one key from both sides. */
function canonical(arc: Pt[]): { id: string; reversed: boolean } {
  const forward = arc.map(key).join(';');
  const backward = [...arc].reverse().map(key).join(';');
  return forward <= backward ? { id: forward, reversed: false } : { id: backward, reversed: true };
}

/**
 * Simplifies polygons that tile the plane (municipalities, and districts made of them) without
 * opening gaps between neighbours — the TopoJSON idea: rings are cut into arcs at junctions (points
 * where the neighbourhood changes), every arc is simplified once with Douglas–Peucker, and both
 * neighbours use that same simplified arc. Junctions never move. A ring without junctions (an
 * island, or an enclave shared with exactly one neighbour) is simplified from a canonical start
 * point, so the enclave and its hole stay identical too. A ring that would collapse keeps its points.
 */
export function simplifyShared(shapes: Shapes, tolerance: number): Shapes {
  // 1. junctions: a point seen with two different pairs of neighbours
  const neighbours = new Map<string, string>();
  const junctions = new Set<string>();
  for (const shape of shapes) {
    for (const polygon of shape) {
      for (const ring of polygon) {
        const n = ring.length;
        for (let i = 0; i < n; i++) {
          const k = key(ring[i]);
          const a = key(ring[(i - 1 + n) % n]);
          const b = key(ring[(i + 1) % n]);
          const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
          const seen = neighbours.get(k);
          if (seen === undefined) neighbours.set(k, pair);
          else if (seen !== pair) junctions.add(k);
        }
      }
    }
  }

  // 2. arcs, simplified once each
  const cache = new Map<string, Pt[]>();
  const simplifyArc = (arc: Pt[]): Pt[] => {
    const { id, reversed } = canonical(arc);
    let simplified = cache.get(id);
    if (!simplified) {
      simplified = douglasPeucker(reversed ? [...arc].reverse() : arc, tolerance);
      cache.set(id, simplified);
    }
    return reversed ? [...simplified].reverse() : simplified;
  };

  const simplifyRing = (ring: Pt[]): Pt[] => {
    const n = ring.length;
    if (n < 4) return ring;
    const cuts = ring.map((p, i) => (junctions.has(key(p)) ? i : -1)).filter((i) => i >= 0);
    let out: Pt[];
    if (cuts.length === 0) {
      // canonical start (smallest point) and direction, so the same closed line simplifies the same way from both sides
      let start = 0;
      for (let i = 1; i < n; i++) if (key(ring[i]) < key(ring[start])) start = i;
      const forward = key(ring[(start + 1) % n]) <= key(ring[(start - 1 + n) % n]);
      const line: Pt[] = [];
      for (let j = 0; j <= n; j++) line.push(ring[(((forward ? start + j : start - j) % n) + n) % n]);
      let simplified = simplifyArc(line).slice(0, -1);
      if (!forward) simplified = [simplified[0], ...simplified.slice(1).reverse()];
      out = simplified;
    } else {
      out = [];
      for (let c = 0; c < cuts.length; c++) {
        const from = cuts[c];
        const to = cuts[(c + 1) % cuts.length];
        const arc: Pt[] = [];
        for (let i = from; ; i = (i + 1) % n) {
          arc.push(ring[i]);
          if (i === to && arc.length > 1) break;
          if (arc.length > n + 1) break;
        }
        out.push(...simplifyArc(arc).slice(0, -1));
      }
    }
    return out.length >= 3 ? out : ring;
  };

  return shapes.map((shape) => shape.map((polygon) => polygon.map(simplifyRing)));
}
