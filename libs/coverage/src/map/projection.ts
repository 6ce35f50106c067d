/** Longitude/latitude box in degrees (WGS84). */
export interface Extent {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export type Position = [number, number];
/** GeoJSON MultiPolygon coordinates: polygons → rings → [lon, lat] */
export type MultiPolygonCoordinates = Position[][][];

const KM_PER_DEGREE = 111.32;

/**
 * Equirectangular projection with the longitude scaled by cos(central latitude): at Saxony's size
 * (1.5° of latitude) shapes and distances stay within ~2 % of a conformal projection, and the maths
 * stays simple enough to test. y grows downwards as in SVG.
 */
export class Projection {
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  private readonly cosLat: number;

  /** fits `extent` into a box of at most maxWidth × maxHeight pixels, at (offsetX, offsetY) */
  constructor(
    readonly extent: Extent,
    maxWidth: number,
    maxHeight: number,
    readonly offsetX = 0,
    readonly offsetY = 0,
  ) {
    this.cosLat = Math.cos((((extent.minLat + extent.maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((extent.maxLon - extent.minLon) * this.cosLat, 1e-9);
    const spanY = Math.max(extent.maxLat - extent.minLat, 1e-9);
    this.scale = Math.min(maxWidth / spanX, maxHeight / spanY);
    this.width = spanX * this.scale;
    this.height = spanY * this.scale;
  }

  x(lon: number): number {
    return this.offsetX + (lon - this.extent.minLon) * this.cosLat * this.scale;
  }

  y(lat: number): number {
    return this.offsetY + (this.extent.maxLat - lat) * this.scale;
  }

  /** degrees of latitude per pixel: the snapping grid for the geometry is derived from it */
  get degreesPerPixel(): number {
    return 1 / this.scale;
  }

  /** kilometres on the ground per pixel (north–south; east–west is equal by construction) */
  get kmPerPixel(): number {
    return KM_PER_DEGREE / this.scale;
  }
}

/** Map units: tenths of a pixel, as integers, so equal points compare equal. */
export const UNITS_PER_PIXEL = 10;

/**
 * Projects a MultiPolygon to integer map units; consecutive duplicates are dropped and rings are
 * left open. Neighbours' shared vertices land on the same integers, which the simplifier relies on.
 */
export function projectPolygons(coordinates: MultiPolygonCoordinates, projection: Projection): [number, number][][][] {
  return coordinates.map((polygon) =>
    polygon.map((ring) => {
      const points: [number, number][] = [];
      for (const [lon, lat] of ring) {
        const p: [number, number] = [Math.round(projection.x(lon) * UNITS_PER_PIXEL), Math.round(projection.y(lat) * UNITS_PER_PIXEL)];
        const last = points[points.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
      }
      const first = points[0];
      const last = points[points.length - 1];
      if (points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
      return points;
    }),
  );
}

const unit = (v: number) => String(v / UNITS_PER_PIXEL);

/**
 * SVG path data of projected polygons: one subpath per ring, an absolute start and relative steps
 * (shorter text; the steps are differences of the rounded points, so no error accumulates). Rings
 * below three points are left out; holes are drawn by the caller's `fill-rule="evenodd"`.
 */
export function pathData(polygons: [number, number][][][]): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ring.length < 3) continue;
      let d = `M${unit(ring[0][0])} ${unit(ring[0][1])}l`;
      const steps: string[] = [];
      for (let i = 1; i < ring.length; i++) steps.push(`${unit(ring[i][0] - ring[i - 1][0])} ${unit(ring[i][1] - ring[i - 1][1])}`);
      d += steps.join(' ') + 'z';
      parts.push(d);
    }
  }
  return parts.join('');
}
