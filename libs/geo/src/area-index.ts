import { AreaAssignment } from './geo.types';

/** One municipality as the index keeps it: its rings as flat [lon, lat, lon, lat, …] arrays. */
export interface IndexedArea {
  ags: string;
  districtAgs: string;
  /** outer rings and holes of every polygon; the even-odd rule tells inside from outside */
  rings: Float64Array[];
}

const CELL_DEGREES = 0.02;

/**
 * Point-in-municipality lookup in memory, for the question every match asks first ("which district
 * is this origin in?"). It answers only when the answer is certain: exactly one municipality
 * contains the point and the point lies on none of the candidate rings' edges. On an edge, outside
 * every municipality or in two at once, it returns `undefined` and the caller asks PostGIS
 * (`ST_Covers`), so the result is always PostGIS's. A database round trip per match cost more than
 * the whole ranking of a small town.
 *
 * A uniform grid of 0.02° cells lists the municipalities whose bounding box meets each cell, so a
 * lookup tests one to four municipalities' edges (≈ 20 µs).
 */
export class AreaIndex {
  private readonly cells = new Map<number, { area: IndexedArea; bbox: [number, number, number, number] }[]>();

  constructor(areas: IndexedArea[]) {
    for (const area of areas) {
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of area.rings) {
        for (let i = 0; i < ring.length; i += 2) {
          bbox[0] = Math.min(bbox[0], ring[i]);
          bbox[1] = Math.min(bbox[1], ring[i + 1]);
          bbox[2] = Math.max(bbox[2], ring[i]);
          bbox[3] = Math.max(bbox[3], ring[i + 1]);
        }
      }
      if (bbox[0] > bbox[2]) continue;
      for (let cx = cell(bbox[0]); cx <= cell(bbox[2]); cx++) {
        for (let cy = cell(bbox[1]); cy <= cell(bbox[3]); cy++) {
          const key = cellKey(cx, cy);
          let list = this.cells.get(key);
          if (!list) this.cells.set(key, (list = []));
          list.push({ area, bbox });
        }
      }
    }
  }

  /** The municipality and district at a point, or `undefined` when only PostGIS can say for sure. */
  lookup(longitude: number, latitude: number): AreaAssignment | undefined {
    const candidates = this.cells.get(cellKey(cell(longitude), cell(latitude)));
    if (!candidates) return undefined;
    let found: IndexedArea | undefined;
    for (const { area, bbox } of candidates) {
      if (longitude < bbox[0] || longitude > bbox[2] || latitude < bbox[1] || latitude > bbox[3]) continue;
      const inside = containsPoint(area.rings, longitude, latitude);
      if (inside === undefined) return undefined;
      if (inside) {
        if (found) return undefined;
        found = area;
      }
    }
    return found ? { municipalityAgs: found.ags, districtAgs: found.districtAgs } : undefined;
  }
}

function cell(degrees: number): number {
  return Math.floor(degrees / CELL_DEGREES);
}

function cellKey(cx: number, cy: number): number {
  return cx * 100_000 + cy;
}

/**
 * Even-odd ray casting to the east over all rings. `undefined` when the point lies on an edge
 * (within 1e-12°, far below the data's 1e-5° precision): there "covers" is PostGIS's call.
 */
export function containsPoint(rings: Float64Array[], x: number, y: number): boolean | undefined {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i];
      const yi = ring[i + 1];
      const xj = ring[j];
      const yj = ring[j + 1];
      if (onSegment(x, y, xi, yi, xj, yj)) return undefined;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  const eps = 1e-12;
  if (x < Math.min(x1, x2) - eps || x > Math.max(x1, x2) + eps || y < Math.min(y1, y2) - eps || y > Math.max(y1, y2) + eps) return false;
  const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
  const length = Math.hypot(x2 - x1, y2 - y1);
  return Math.abs(cross) <= eps * Math.max(length, eps);
}

/** GeoJSON (Multi)Polygon coordinates → flat rings, closing point dropped. */
export function ringsOf(geometry: { type: string; coordinates: unknown }): Float64Array[] {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const rings: Float64Array[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
      const flat = new Float64Array(points.length * 2);
      points.forEach(([lon, lat], k) => {
        flat[2 * k] = lon;
        flat[2 * k + 1] = lat;
      });
      rings.push(flat);
    }
  }
  return rings;
}
