const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine; within 0.5 % of the spheroid at these distances). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Points in a grid of cells about one kilometre wide, for "every stop within r metres of here"
 * without a scan. Cells are 0.01° of latitude by 0.01°/cos(reference latitude) of longitude.
 */
export class PointGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly lonCell: number;
  private static readonly LAT_CELL = 0.01;

  constructor(
    private readonly lat: Float64Array,
    private readonly lon: Float64Array,
    include: (i: number) => boolean,
    referenceLatitude = 51,
  ) {
    this.lonCell = PointGrid.LAT_CELL / Math.cos(referenceLatitude * RAD);
    for (let i = 0; i < lat.length; i++) {
      if (!include(i) || !Number.isFinite(lat[i]) || !Number.isFinite(lon[i])) continue;
      const key = this.key(Math.floor(lat[i] / PointGrid.LAT_CELL), Math.floor(lon[i] / this.lonCell));
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = []));
      cell.push(i);
    }
  }

  private key(row: number, col: number): number {
    return (row + 20_000) * 100_000 + (col + 50_000);
  }

  /** Calls back with every point within `meters` of (lat, lon) and its distance. */
  within(lat: number, lon: number, meters: number, callback: (i: number, distance: number) => void): void {
    const dLat = meters / 111_000 + 1e-9;
    const dLon = meters / (111_000 * Math.max(0.01, Math.cos(lat * RAD))) + 1e-9;
    const r0 = Math.floor((lat - dLat) / PointGrid.LAT_CELL);
    const r1 = Math.floor((lat + dLat) / PointGrid.LAT_CELL);
    const c0 = Math.floor((lon - dLon) / this.lonCell);
    const c1 = Math.floor((lon + dLon) / this.lonCell);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells.get(this.key(r, c));
        if (!cell) continue;
        for (const i of cell) {
          const d = haversineMeters(lat, lon, this.lat[i], this.lon[i]);
          if (d <= meters) callback(i, d);
        }
      }
    }
  }
}
